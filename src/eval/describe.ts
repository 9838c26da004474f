import { ClusterRuleRef, PolicyRef, RuleRef } from './types';
import { SourceRef } from '../model/cluster';
import { Direction, NormalizedRule } from '../model/normalize';
import { describeNormalizedPeer } from '../phrases/peer';
import { describePort, describePorts } from '../phrases/port';
import { joinWithOr } from '../phrases/selector';

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

/** `spec.ingress[0]` or `spec.egress[2]`. */
function rulePath(direction: Direction, ruleIndex: number): string {
  return `spec.${direction}[${ruleIndex}]`;
}

/** `spec.ingress[0].from[1]` / `spec.egress[0].to[1]`. */
function peerPath(direction: Direction, ruleIndex: number, peerIndex: number): string {
  return `${rulePath(direction, ruleIndex)}.${direction === 'ingress' ? 'from' : 'to'}[${peerIndex}]`;
}

/** The most specific field path of a rule reference. */
export function ruleRefPath(direction: Direction, ruleIndex: number, peerIndex?: number, portIndex?: number): string {
  const base = peerIndex === undefined ? rulePath(direction, ruleIndex) : peerPath(direction, ruleIndex, peerIndex);
  return portIndex === undefined ? base : `${base} + ${rulePath(direction, ruleIndex)}.ports[${portIndex}]`;
}

/**
 * What a rule requires, in the words of `describe`, e.g.
 * `from pods where app=web, in namespace "shop" (the policy's own) on TCP port 80`.
 */
export function describeRule(rule: NormalizedRule, direction: Direction, policyNamespace: string): string {
  const peerWord = direction === 'ingress' ? 'from' : 'to';
  const peers = rule.peers === undefined
    ? `${peerWord} anywhere`
    : `${peerWord} ${joinWithOr(rule.peers.map((p) => describeNormalizedPeer(p, policyNamespace)))}`;
  const ports = rule.ports === undefined
    ? describePorts(undefined)
    : `on ${joinWithOr(rule.ports.map((p) => (p.protocol === undefined ? 'an unsupported protocol (matches nothing)' : describePort(p))))}`;
  return `${peers} ${ports}`;
}

/** One line for a rule that allowed a connection. */
export function describeRuleRef(ref: RuleRef): string {
  return `${describePolicy(ref.policy)} ${ref.fieldPath}`;
}

/**
 * A cluster policy rule with its tier and place, e.g.
 * `Admin tier: ClusterNetworkPolicy guardrails (priority 10) spec.egress[1] "deny-db" (Deny) (policies.yaml:3)`.
 */
export function describeClusterRule(ref: ClusterRuleRef): string {
  const priority = ref.priority !== undefined ? ` (priority ${ref.priority})` : '';
  const name = ref.ruleName ? ` "${ref.ruleName}"` : '';
  const where = describeSource(ref.source);
  const tie = ref.tiedWith
    ? `; tie-dependent: ${ref.tiedWith.join(', ')} share this priority and are ordered by name (option equalPriorities)`
    : '';
  return `${ref.tier} tier: ${ref.kind} ${ref.name}${priority} ${ref.fieldPath}${name} (${ref.action})${where ? ` (${where})` : ''}${tie}`;
}

/** The line for a Pass that handed the decision down to the next layer (B8, B9). */
export function describePass(ref: ClusterRuleRef): string {
  const next = ref.tier === 'Admin' ? 'the NetworkPolicies' : 'the default (allow)';
  return `passed by ${describeClusterRule(ref)}: decided by ${next}`;
}
