import {
  ClusterPolicyDirection,
  ClusterPolicyPeer,
  ClusterPolicyPort,
  ClusterPolicyRule,
  ClusterPolicySpec,
  ClusterPolicySubject,
} from '../model/cluster-policy';
import { LabelSelectorManifest } from '../model/manifest';
import { describeNamespaceSelector, describePodSelector, joinWithOr } from '../phrases/selector';

const INDENT = '  ';

/**
 * A cluster-scoped policy (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy)
 * in plain words: its tier and priority, the pods it applies to, and every rule in evaluation
 * order with its action, e.g. `1. Deny from every namespace on TCP port 80`.
 */
export function describeClusterPolicy(policy: ClusterPolicySpec): string {
  const lines: string[] = [];
  lines.push(`${policy.kind} ${policy.name}`);
  const priority = policy.priority !== undefined
    ? `, priority ${policy.priority} (lower numbers are evaluated first)`
    : ' (the single v1alpha1 baseline policy, no priority)';
  const when = policy.tier === 'Admin'
    ? 'evaluated before NetworkPolicies: Accept and Deny are final, Pass hands the decision to NetworkPolicies'
    : 'evaluated only when no NetworkPolicy isolates the pod in that direction: Accept and Deny are final, Pass leaves it to the default (allow)';
  lines.push(`${INDENT}Tier: ${policy.tier}${priority}; ${when}.`);
  lines.push(`${INDENT}Applies to: ${describeSubject(policy.subject)} (never hostNetwork pods).`);
  lines.push(...describeRules('Ingress', policy.ingress));
  lines.push(...describeRules('Egress', policy.egress));
  return lines.join('\n');
}

function describeSubject(subject: ClusterPolicySubject): string {
  if (subject.kind === 'namespaces') return `every pod in ${describeNamespaceSelector(subject.namespaceSelector)}`;
  return `${describePodSelector(subject.podSelector)}, in ${describeNamespaceSelector(subject.namespaceSelector)}`;
}

function describeRules(name: 'Ingress' | 'Egress', rules: readonly ClusterPolicyRule[]): string[] {
  if (rules.length === 0) return [`${INDENT}${name}: no rules (this policy does not take part in ${name.toLowerCase()}).`];
  const direction: ClusterPolicyDirection = name === 'Ingress' ? 'ingress' : 'egress';
  const word = direction === 'ingress' ? 'from' : 'to';
  return [
    `${INDENT}${name} rules, first match wins:`,
    ...rules.map((rule, i) => {
      const label = rule.name ? ` "${rule.name}"` : '';
      const written = rule.writtenAction !== rule.action ? ` (written ${rule.writtenAction})` : '';
      return `${INDENT}${INDENT}${i + 1}.${label} ${rule.action}${written} ${word} ${joinWithOr(rule.peers.map(describePeer))} ${describePorts(rule.ports)}`;
    }),
  ];
}

function describePeer(peer: ClusterPolicyPeer): string {
  switch (peer.kind) {
    case 'namespaces': return `every pod in ${describeNamespaceSelector(peer.namespaceSelector)}`;
    case 'pods': return `${describePodSelector(peer.podSelector)} in ${describeNamespaceSelector(peer.namespaceSelector)}`;
    case 'networks': return `addresses in ${peer.cidrs.join(', ')}`;
    case 'nodes': return `the addresses of ${describeNodeSelector(peer.nodeSelector)}`;
    case 'domainNames': return `the addresses of ${peer.domainNames.join(', ')} (as the evaluator is told them: it has no DNS view)`;
    case 'unknown': return `a peer with no known field (${peer.fields.join(', ') || 'empty'}), which fails closed`;
  }
}

function describeNodeSelector(selector: LabelSelectorManifest): string {
  return describePodSelector(selector).replace(/^every pod$/, 'every node').replace(/^pods where/, 'nodes where');
}

function describePorts(ports: readonly ClusterPolicyPort[] | undefined): string {
  if (!ports) return 'on any port and protocol';
  return `on ${joinWithOr(ports.map((p) => {
    if (p.kind === 'named') return `the port named "${p.name}" on the destination pod`;
    if (!p.protocol) return 'an unsupported protocol (matches nothing)';
    if (p.first > p.last) return `an empty ${p.protocol} range (matches nothing)`;
    return p.first === p.last ? `${p.protocol} port ${p.first}` : `${p.protocol} ports ${p.first}-${p.last}`;
  }))}`;
}
