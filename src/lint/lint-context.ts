import { ServiceSpec } from './services';
import { sanitizePolicy } from '../describe/sanitize';
import { Cluster, NamespaceSpec, PolicySpec, SourceRef, WorkloadSpec, workloadKey } from '../model/cluster';
import { ClusterPolicySpec } from '../model/cluster-policy';
import { isEmptySelector, selectorMatches } from '../model/labels';
import { Direction, NormalizedPeer, NormalizedPolicy, NormalizedRule, normalizePolicy } from '../model/normalize';

/** A policy as the checks see it: where it is, what it says, and what it means after defaulting. */
export interface LintedPolicy {
  readonly spec: PolicySpec;
  readonly normalized: NormalizedPolicy;
}

/** A selector peer after defaulting. */
export type SelectorPeer = Extract<NormalizedPeer, { kind: 'pods' }>;

/** Everything a check can look at. Built once per lint run. */
export interface LintContext {
  readonly policies: readonly LintedPolicy[];
  readonly services: readonly ServiceSpec[];
  /** ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies. */
  readonly clusterPolicies: readonly ClusterPolicySpec[];
  readonly namespaces: readonly NamespaceSpec[];
  readonly workloads: readonly WorkloadSpec[];
  /** The workloads of each namespace that has any: checks look up by namespace, never scan all. */
  readonly workloadsByNamespace: ReadonlyMap<string, readonly WorkloadSpec[]>;
  /** The policies of each namespace that has any. */
  readonly policiesByNamespace: ReadonlyMap<string, readonly LintedPolicy[]>;
}

/** What a check reports, before severities and ignore annotations are applied. */
export interface CheckFinding {
  readonly rule: string;
  /** NetworkPolicy, Namespace, or the kind of a cluster-scoped policy. */
  readonly kind: string;
  readonly namespaceName: string;
  readonly name: string;
  readonly fieldPath: string;
  readonly message: string;
  readonly fix?: string;
  /** The policy concerned, for its ignore annotations and source. */
  readonly policy?: LintedPolicy;
  /** The cluster-scoped policy concerned, for its ignore annotations and source. */
  readonly clusterPolicy?: ClusterPolicySpec;
}

/** A check: one or more rules computed together. */
export type Check = (ctx: LintContext) => CheckFinding[];

/** Builds the context from a cluster and the Services read from the same input. */
export function lintContext(cluster: Cluster, services: readonly ServiceSpec[]): LintContext {
  const policies = cluster.policies.map((stored) => {
    // The checks read fields directly; unvalidated input must not make them throw.
    const spec = { ...stored, manifest: sanitizePolicy(stored.manifest) };
    return { spec, normalized: normalizePolicy(spec.manifest, spec.namespace, spec.name) };
  });
  return {
    policies,
    services,
    clusterPolicies: cluster.clusterPolicies,
    namespaces: cluster.namespaces,
    workloads: cluster.workloads,
    workloadsByNamespace: groupBy(cluster.workloads, (w) => w.namespace),
    policiesByNamespace: groupBy(policies, (p) => p.spec.namespace),
  };
}

/** Items grouped by a key, each group in input order: checks compare within groups, never all pairs. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The workloads of one namespace. */
export function workloadsIn(ctx: LintContext, namespace: string): readonly WorkloadSpec[] {
  return ctx.workloadsByNamespace.get(namespace) ?? [];
}

/** The policies of one namespace. */
export function policiesIn(ctx: LintContext, namespace: string): readonly LintedPolicy[] {
  return ctx.policiesByNamespace.get(namespace) ?? [];
}

/** A finding about a NetworkPolicy. */
export function policyFinding(
  policy: LintedPolicy,
  rule: string,
  fieldPath: string,
  message: string,
  fix?: string,
): CheckFinding {
  return {
    rule,
    kind: 'NetworkPolicy',
    namespaceName: policy.spec.namespace,
    name: policy.spec.name,
    fieldPath,
    message,
    ...(fix ? { fix } : {}),
    policy,
  };
}

/** The workloads a policy selects (its namespace, its podSelector). */
export function workloadsSelectedBy(ctx: LintContext, policy: LintedPolicy): WorkloadSpec[] {
  return workloadsIn(ctx, policy.spec.namespace).filter((w) => selectorMatches(policy.normalized.podSelector, w.labels));
}

/** The known namespaces a selector peer can match: podSelector-only peers stay in the policy's namespace. */
function namespacesOfPeer(ctx: LintContext, peer: SelectorPeer, policyNamespace: string): string[] {
  if (peer.namespaceSelector === undefined) return [policyNamespace];
  return ctx.namespaces.filter((ns) => selectorMatches(peer.namespaceSelector, ns.labels)).map((ns) => ns.name);
}

/** The workloads a selector peer matches. */
export function workloadsMatchingPeer(ctx: LintContext, peer: SelectorPeer, policyNamespace: string): WorkloadSpec[] {
  return namespacesOfPeer(ctx, peer, policyNamespace)
    .flatMap((namespace) => workloadsIn(ctx, namespace).filter((w) => selectorMatches(peer.podSelector, w.labels)));
}

/**
 * The namespaces whose workloads decide what a selector peer matches, when the input shows
 * them all; undefined when namespaces outside the input could match (`namespaceSelector: {}`),
 * when a namespace involved has no workloads in the input, or when no known namespace matches.
 */
export function judgeableNamespacesOfPeer(ctx: LintContext, peer: SelectorPeer, policyNamespace: string): string[] | undefined {
  if (peer.namespaceSelector !== undefined && isEmptySelector(peer.namespaceSelector)) return undefined;
  const namespaces = namespacesOfPeer(ctx, peer, policyNamespace);
  if (namespaces.length === 0 || !namespaces.every((ns) => namespaceHasWorkloads(ctx, ns))) return undefined;
  return namespaces;
}

/** Whether the input shows at least one workload in the namespace. */
export function namespaceHasWorkloads(ctx: LintContext, namespace: string): boolean {
  return ctx.workloadsByNamespace.has(namespace);
}

/**
 * The destination pods of a rule's ports, when the input shows them all: the selected pods
 * for ingress, the pods its selector peers match for egress. Undefined when that cannot be
 * judged: a namespace involved has no workloads in the input, or an egress rule has no peers.
 */
export function destinationWorkloads(
  ctx: LintContext,
  policy: LintedPolicy,
  direction: Direction,
  rule: NormalizedRule,
): WorkloadSpec[] | undefined {
  if (direction === 'ingress') {
    return namespaceHasWorkloads(ctx, policy.spec.namespace) ? workloadsSelectedBy(ctx, policy) : undefined;
  }
  if (!rule.peers) return undefined;
  const found = new Map<string, WorkloadSpec>();
  for (const peer of rule.peers) {
    if (peer.kind !== 'pods') continue;
    if (!judgeableNamespacesOfPeer(ctx, peer, policy.spec.namespace)) return undefined;
    for (const w of workloadsMatchingPeer(ctx, peer, policy.spec.namespace)) found.set(workloadKey(w), w);
  }
  return [...found.values()];
}

/** `spec.ingress` / `spec.egress`. */
function rulesPath(direction: Direction): string {
  return `spec.${direction}`;
}

/** `spec.ingress[2]`. */
export function rulePath(direction: Direction, ruleIndex: number): string {
  return `${rulesPath(direction)}[${ruleIndex}]`;
}

/** `spec.ingress[2].from[1]` / `spec.egress[0].to[3]`. */
export function peerPath(direction: Direction, ruleIndex: number, peerIndex?: number): string {
  const list = `${rulePath(direction, ruleIndex)}.${direction === 'ingress' ? 'from' : 'to'}`;
  return peerIndex === undefined ? list : `${list}[${peerIndex}]`;
}

/** `spec.ingress[2].ports[0]`. */
export function portPath(direction: Direction, ruleIndex: number, portIndex: number): string {
  return `${rulePath(direction, ruleIndex)}.ports[${portIndex}]`;
}

/** Both directions with their effective rules. */
export function effectiveRules(policy: LintedPolicy): Array<{ direction: Direction; rules: readonly NormalizedRule[] }> {
  return [
    { direction: 'ingress', rules: policy.normalized.ingress },
    { direction: 'egress', rules: policy.normalized.egress },
  ];
}

/** `shop/web[Deployment], shop/api[Deployment] and 3 more`. */
export function listWorkloads(workloads: readonly WorkloadSpec[], max = 3): string {
  const keys = workloads.map(workloadKey);
  if (keys.length <= max) return keys.join(', ');
  return `${keys.slice(0, max).join(', ')} and ${keys.length - max} more`;
}

/** `file:line` or the construct path, when known. */
export function formatSource(source: SourceRef | undefined): string | undefined {
  if (!source) return undefined;
  if (source.file) return source.line !== undefined ? `${source.file}:${source.line}` : source.file;
  return source.constructPath;
}
