import { canonicalSelector, selectorContains, sortedUnique } from './selector-algebra';
import { portEntryConnections } from '../eval/ports';
import { NamespaceSpec } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { selectorMatches } from '../model/labels';
import { NAMESPACE_NAME_LABEL } from '../model/manifest';
import { NormalizedPeer, NormalizedPort, NormalizedRule } from '../model/normalize';
import { IpInterval, cidrInterval } from '../net/cidr';
import { namespaceNamesOf } from '../phrases/selector';

/**
 * Containment and canonical forms of rules (peers and ports), for the redundancy lints.
 * Containment is sound but incomplete: `true` is proven, `false` means "not proven".
 */

/** Where the rules live: the policy's namespace and the known namespaces' labels. */
export interface RuleScope {
  readonly namespace: string;
  readonly namespaces: readonly NamespaceSpec[];
}

/** True when every connection `inner` allows, `outer` allows too (for pods both rules apply to). */
export function ruleContains(outer: NormalizedRule, inner: NormalizedRule, scope: RuleScope): boolean {
  return listContains(outer.ports, inner.ports, portContains)
    && listContains(outer.peers, inner.peers, (o, i) => peerContains(o, i, scope));
}

/** A text equal for rules that list the same peers and ports, in any order. */
export function canonicalRule(rule: NormalizedRule): string {
  const peers = rule.peers ? sortedUnique(rule.peers.map(canonicalPeer)) : null;
  const ports = rule.ports ? sortedUnique(rule.ports.map(canonicalPort)) : null;
  return JSON.stringify({ peers, ports });
}

/** True when a rule has a peer the API server would reject (it matches nothing). */
export function hasInvalidPeer(rule: NormalizedRule): boolean {
  return (rule.peers ?? []).some((p) => p.kind === 'invalid');
}

function listContains<T>(outer: readonly T[] | undefined, inner: readonly T[] | undefined, contains: (o: T, i: T) => boolean): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return inner.every((i) => outer.some((o) => contains(o, i)));
}

/**
 * Whether every connection the inner entry admits, the outer admits too, in the evaluator's own
 * reading of port entries. A named port depends on the destination, so it is contained only by
 * the same name and protocol, or by a numberless entry of its protocol.
 */
function portContains(outer: NormalizedPort, inner: NormalizedPort): boolean {
  if (!outer.protocol || !inner.protocol) return false;
  if (typeof inner.port === 'string' || typeof outer.port === 'string') {
    return outer.protocol === inner.protocol && (outer.port === undefined || outer.port === inner.port);
  }
  return numberedConnections(inner).isSubsetOf(numberedConnections(outer));
}

const numberedCache = new WeakMap<NormalizedPort, ConnectionSet>();

/** The connections of a numbered port entry, computed once per entry (rules are compared pairwise). */
function numberedConnections(entry: NormalizedPort): ConnectionSet {
  let set = numberedCache.get(entry);
  if (!set) numberedCache.set(entry, set = portEntryConnections(entry, undefined));
  return set;
}

function peerContains(outer: NormalizedPeer, inner: NormalizedPeer, scope: RuleScope): boolean {
  if (outer.kind === 'ipBlock' && inner.kind === 'ipBlock') return ipBlockContains(outer, inner);
  if (outer.kind !== 'pods' || inner.kind !== 'pods') return false;
  if (!selectorContains(outer.podSelector ?? {}, inner.podSelector ?? {})) return false;
  if (outer.namespaceSelector === undefined) {
    if (inner.namespaceSelector === undefined) return true;
    const names = namespaceNamesOf(inner.namespaceSelector);
    return names !== undefined && names.every((n) => n === scope.namespace);
  }
  if (inner.namespaceSelector === undefined) {
    const own = scope.namespaces.find((ns) => ns.name === scope.namespace)?.labels
      ?? { [NAMESPACE_NAME_LABEL]: scope.namespace };
    return selectorMatches(outer.namespaceSelector, own);
  }
  return selectorContains(outer.namespaceSelector, inner.namespaceSelector);
}

type IpBlockPeer = Extract<NormalizedPeer, { kind: 'ipBlock' }>;

function ipBlockContains(outer: IpBlockPeer, inner: IpBlockPeer): boolean {
  if (canonicalPeer(outer) === canonicalPeer(inner)) return true;
  const o = cidrInterval(outer.cidr);
  const i = cidrInterval(inner.cidr);
  if (!o || !i || !within(i, o)) return false;
  return outer.exceptCidrs.every((text) => {
    const e = cidrInterval(text);
    return !e || e.family !== i.family || e.last < i.first || e.first > i.last;
  });
}

/** Address intervals as the evaluator reads them (an IPv4-mapped IPv6 CIDR is IPv4). */
function within(inner: IpInterval, outer: IpInterval): boolean {
  return inner.family === outer.family && outer.first <= inner.first && inner.last <= outer.last;
}

function canonicalPeer(peer: NormalizedPeer): string {
  switch (peer.kind) {
    case 'ipBlock': return `ip ${peer.cidr} except ${sortedUnique(peer.exceptCidrs).join(',')}`;
    case 'pods': return `pods ${canonicalSelector(peer.podSelector ?? {})} in ${peer.namespaceSelector ? canonicalSelector(peer.namespaceSelector) : 'own'}`;
    default: return `invalid ${peer.index}`;
  }
}

function canonicalPort(port: NormalizedPort): string {
  const end = port.endPort !== undefined && port.endPort !== port.port ? `-${port.endPort}` : '';
  return `${port.protocol ?? '?'} ${port.port ?? '*'}${end}`;
}
