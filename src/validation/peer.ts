import { Findings, FieldRef, readObject } from './decode';
import { IpBlockOptions, validateIpBlock } from './ip-block';
import { childPath, forbidden, required } from './issues';
import { Rules } from './rules';
import { validateLabelSelector } from './selector';

const PEER_FIELDS = ['podSelector', 'namespaceSelector', 'ipBlock'];

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Hints for fields written in a peer that belong elsewhere (built once: every peer is checked). */
const MISPLACED_IN_PEER = {
  matchLabels: 'matchLabels belongs under podSelector or namespaceSelector (check the indentation)',
  matchExpressions: 'matchExpressions belongs under podSelector or namespaceSelector (check the indentation)',
  cidr: 'cidr belongs under ipBlock (check the indentation)',
  except: 'except belongs under ipBlock (check the indentation)',
};
const MISPLACED_IN_INGRESS_PEER = { to: '"to" belongs to egress rules; ingress peers are listed under "from"', ...MISPLACED_IN_PEER };
const MISPLACED_IN_EGRESS_PEER = { from: '"from" belongs to ingress rules; egress peers are listed under "to"', ...MISPLACED_IN_PEER };

/** `ValidateNetworkPolicyPeer` (docs/semantics.md#validation): one of the selectors, or an ipBlock alone. */
export function validateNetworkPolicyPeer(
  findings: Findings,
  value: unknown,
  field: FieldRef,
  listName: 'from' | 'to',
  options: IpBlockOptions,
): void {
  const peer = readObject(findings, field, value, 'v1.NetworkPolicyPeer', PEER_FIELDS,
    listName === 'from' ? MISPLACED_IN_INGRESS_PEER : MISPLACED_IN_EGRESS_PEER) ?? {};

  const owner = 'NetworkPolicyPeer';
  if (present(peer.podSelector)) {
    validateLabelSelector(findings, peer.podSelector, { path: childPath(field.path, 'podSelector'), owner });
  }
  if (present(peer.namespaceSelector)) {
    validateLabelSelector(findings, peer.namespaceSelector, { path: childPath(field.path, 'namespaceSelector'), owner });
  }
  if (present(peer.ipBlock)) {
    validateIpBlock(findings, peer.ipBlock, { path: childPath(field.path, 'ipBlock'), owner }, options);
  }

  const count = PEER_FIELDS.filter((f) => present(peer[f])).length;
  if (count === 0 && !(present(value) && readObjectFailed(value))) {
    findings.add(required(field.path, 'must specify a peer', Rules.PEER_REQUIRED,
      `give the peer a podSelector, namespaceSelector or ipBlock; to allow every ${listName === 'from' ? 'source' : 'destination'}, omit "${listName}" (an empty {} peer is not allowed)`));
  } else if (count > 1 && present(peer.ipBlock)) {
    findings.add(forbidden(field.path, 'may not specify both ipBlock and another peer', Rules.PEER_IPBLOCK_EXCLUSIVE,
      'split it into two list items, one with the ipBlock and one with the selectors (list items are ORed)'));
  }
}

/** A non-object peer was already reported by the decoder; do not also call it empty. */
function readObjectFailed(value: unknown): boolean {
  return typeof value !== 'object' || Array.isArray(value);
}
