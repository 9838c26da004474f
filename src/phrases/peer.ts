import { describeNamespaceSelector, describePodSelector } from './selector';
import { NetworkPolicyPeerManifest } from '../model/manifest';
import { NormalizedPeer } from '../model/normalize';

/**
 * Plain-words phrases for rule peers. A peer with only a podSelector stays inside the
 * policy's own namespace; podSelector plus namespaceSelector in one peer is an AND.
 */

/**
 * The policy's own namespace, as it is named in peer phrases.
 * @param policyNamespace the policy's `metadata.namespace`, when known
 */
function ownNamespacePhrase(policyNamespace?: string): string {
  return policyNamespace ? `namespace "${policyNamespace}" (the policy's own)` : "the policy's own namespace";
}

/** One peer: `pods where app=web, in namespace "shop" (the policy's own)`, `IP addresses in 10.0.0.0/8 except …`. */
export function describePeer(peer: NetworkPolicyPeerManifest, policyNamespace?: string): string {
  if (peer.ipBlock) {
    const cidr = peer.ipBlock.cidr ?? '<no cidr>';
    const excepts = peer.ipBlock.except ?? [];
    const exceptText = excepts.length > 0 ? ` except ${excepts.join(', ')}` : '';
    return `IP addresses in ${cidr}${exceptText}`;
  }
  const pods = describePodSelector(peer.podSelector);
  const hasNamespaceSelector = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  if (!hasNamespaceSelector) {
    if (peer.podSelector === undefined || peer.podSelector === null) return 'nothing (the peer sets no selector)';
    return joinPodsAndPlace(pods, ownNamespacePhrase(policyNamespace));
  }
  return joinPodsAndPlace(pods, describeNamespaceSelector(peer.namespaceSelector));
}

function joinPodsAndPlace(pods: string, place: string): string {
  return pods === 'every pod' ? `every pod in ${place}` : `${pods}, in ${place}`;
}

/**
 * The same phrase for a peer after defaulting (what the evaluator holds), so explanations
 * and `describe` read alike.
 */
export function describeNormalizedPeer(peer: NormalizedPeer, policyNamespace?: string): string {
  switch (peer.kind) {
    case 'ipBlock':
      return describePeer({ ipBlock: { cidr: peer.cidr, except: [...peer.exceptCidrs] } });
    case 'pods':
      return describePeer({ podSelector: peer.podSelector ?? {}, namespaceSelector: peer.namespaceSelector }, policyNamespace);
    default:
      return `nothing (an invalid peer: it ${peer.reason})`;
  }
}
