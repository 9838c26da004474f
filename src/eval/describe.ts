import { describePortEntry } from './ports';
import { PolicyRef, RuleRef } from './types';
import { SourceRef, WorkloadSpec, workloadKey } from '../model/cluster';
import { selectorToString } from '../model/labels';
import { Direction, NormalizedPeer, NormalizedRule } from '../model/normalize';

/** `file:line`, `file`, or the construct path; empty when unknown. */
export function describeSource(source: SourceRef | undefined): string {
  if (!source) return '';
  if (source.constructPath) return source.constructPath;
  if (source.file) return source.line !== undefined ? `${source.file}:${source.line}` : source.file;
  return '';
}

/** `ns/name` plus where it came from, e.g. `shop/allow-web (policies.yaml:12)`. */
export function describePolicy(policy: PolicyRef): string {
  const where = describeSource(policy.source);
  return where ? `${policy.namespace}/${policy.name} (${where})` : `${policy.namespace}/${policy.name}`;
}

export function describeWorkload(workload: WorkloadSpec): string {
  return workloadKey(workload);
}

/** `spec.ingress[0]` or `spec.egress[2]`. */
export function rulePath(direction: Direction, ruleIndex: number): string {
  return `spec.${direction}[${ruleIndex}]`;
}

/** `spec.ingress[0].from[1]` / `spec.egress[0].to[1]`. */
export function peerPath(direction: Direction, ruleIndex: number, peerIndex: number): string {
  return `${rulePath(direction, ruleIndex)}.${direction === 'ingress' ? 'from' : 'to'}[${peerIndex}]`;
}

/** The most specific field path of a rule reference. */
export function ruleRefPath(direction: Direction, ruleIndex: number, peerIndex?: number, portIndex?: number): string {
  const base = peerIndex === undefined ? rulePath(direction, ruleIndex) : peerPath(direction, ruleIndex, peerIndex);
  return portIndex === undefined ? base : `${base} + ${rulePath(direction, ruleIndex)}.ports[${portIndex}]`;
}

/** Human text for one peer, e.g. `pods app=web in namespace shop`. */
export function describePeer(peer: NormalizedPeer, policyNamespace: string): string {
  switch (peer.kind) {
    case 'invalid':
      return `an invalid peer that ${peer.reason} (matches nothing)`;
    case 'ipBlock':
      return peer.exceptCidrs.length > 0
        ? `ipBlock ${peer.cidr} except ${peer.exceptCidrs.join(', ')}`
        : `ipBlock ${peer.cidr}`;
    case 'pods': {
      const pods = peer.podSelector === undefined ? 'all pods' : `pods ${selectorToString(peer.podSelector)}`;
      const namespaces = peer.namespaceSelector === undefined
        ? `in namespace ${policyNamespace}`
        : `in namespaces ${selectorToString(peer.namespaceSelector)}`;
      return `${pods} ${namespaces}`;
    }
  }
}

/** What a rule requires, e.g. `from [pods app=web in namespace shop] on [TCP 80]`. */
export function describeRule(rule: NormalizedRule, direction: Direction, policyNamespace: string): string {
  const peerWord = direction === 'ingress' ? 'from' : 'to';
  const peers = rule.peers === undefined
    ? `${peerWord} anywhere`
    : `${peerWord} [${rule.peers.map((p) => describePeer(p, policyNamespace)).join(' OR ')}]`;
  const ports = rule.ports === undefined
    ? 'on all ports and protocols'
    : `on [${rule.ports.map(describePortEntry).join(', ')}]`;
  return `${peers} ${ports}`;
}

/** One line for a rule that allowed a connection. */
export function describeRuleRef(ref: RuleRef): string {
  return `${describePolicy(ref.policy)} ${ref.fieldPath}`;
}
