import { Protocol, SourceRef, WorkloadSpec } from '../model/cluster';
import { ClusterPolicyAction, ClusterPolicyTier } from '../model/cluster-policy';
import { ConnectionSet } from '../model/connection-set';
import { Direction } from '../model/normalize';
import { IpFamily } from '../net/cidr';

/** How the evaluator resolves behaviour that Kubernetes leaves to the network plugin (docs/semantics.md#options). */
export interface EvaluatorOptions {
  /**
   * Whether an `ipBlock` peer also selects pods whose IP lies in the block. Upstream e2e tests,
   * Calico and Cyclonus say yes; Cilium and netpol-analyzer say no.
   * @default true
   */
  readonly ipBlockMatchesPodIps?: boolean;
  /**
   * How hostNetwork pods behave.
   * - `as-pod`: like any pod, with their labels (plugin option (a); what netpol-analyzer does).
   * - `as-node`: invisible to pod and namespace selectors as targets and as peers; their traffic is
   *   node traffic, matched only by ipBlocks on their IPs (plugin option (b), the most common).
   *   Nodes are not modelled, so a hostNetwork pod counts as a node other than its peer's own node.
   * @default 'as-pod' (uses only declared data and agrees with netpol-analyzer)
   */
  readonly hostNetwork?: 'as-pod' | 'as-node';
  /**
   * Whether egress from a pod to its own node is always allowed (the docs' introduction says so;
   * the normative isolation text mentions only ingress from the node).
   * @default false
   */
  readonly nodeEgressAlwaysAllowed?: boolean;
  /**
   * Traffic from a single-pod workload to itself. `allowed`: a pod cannot block itself
   * (docs/semantics.md#special-traffic). `evaluated`: policies are applied anyway. Traffic between
   * two replicas of a workload (more than one pod, or an unknown count) is always evaluated.
   * @default 'allowed'
   */
  readonly selfTraffic?: 'allowed' | 'evaluated';
  /**
   * Whether a cluster policy's `networks` peer also matches pods whose IP lies in one of its CIDRs
   * (B22: upstream says it does, so `0.0.0.0/0` covers pod-to-pod traffic; netpol-analyzer says
   * no). hostNetwork pods share their node's IPs and are always matched by address.
   * @default true
   */
  readonly networksMatchPodIps?: boolean;
  /**
   * Order of two policies of one tier with the same priority (I1; upstream leaves it undefined).
   * `by-name`: by name, as kube-network-policies does, and the explanation says the verdict
   * depends on that tie. `error`: refuse to evaluate when two such policies select a common pod.
   * @default 'by-name'
   */
  readonly equalPriorities?: 'by-name' | 'error';
  /**
   * When one tier holds both v1alpha1 (AdminNetworkPolicy / BaselineAdminNetworkPolicy) and
   * v1alpha2 (ClusterNetworkPolicy) policies, which no upstream rule orders (B37, I12):
   * `refuse` to evaluate, or evaluate one API version's policies of that tier first.
   * @default 'refuse'
   */
  readonly mixedApiVersions?: 'refuse' | 'v1alpha1-first' | 'v1alpha2-first';
  /**
   * Which `status.addresses` of a Node a cluster policy `nodes` peer matches (I3; the API says
   * "IPs present in node.Status.Addresses", kube-network-policies uses these two). Nodes come
   * from Node objects in the input; without them a `nodes` peer matches nothing.
   * @default ['InternalIP', 'ExternalIP']
   */
  readonly nodeAddressTypes?: readonly string[];
  /**
   * The addresses a domain name stands for, for cluster policy `domainNames` peers (I4: an
   * implementation learns them from DNS answers, which a static evaluator does not see). Keys are
   * names (`api.example.com`); a peer's `*.example.com` matches keys with one or more labels in
   * front of `example.com`. Values are IP addresses or CIDRs.
   * @default {} (a domainNames peer matches nothing)
   */
  readonly domainNameAddresses?: Readonly<Record<string, readonly string[]>>;
}

/**
 * One end of a connection:
 * - `{ workload }`: a workload, by `ns/name[Kind]`, `ns/name`, or its spec;
 * - `{ ip }`: an address outside the cluster (it is never treated as a pod, even if a pod has it);
 * - `{ internet: true }`: an external address that no ipBlock of any policy contains, so only rules
 *   without peers can match it;
 * - `{ node: true }`: the other end's own node (ingress from it is always allowed, docs/semantics.md#special-traffic).
 */
export type QueryEnd =
  | { readonly workload: string | WorkloadSpec }
  | { readonly ip: string }
  | { readonly internet: true }
  | { readonly node: true };

/** One connection attempt: to the destination's `port` over `protocol`. */
export interface Query {
  readonly source: QueryEnd;
  readonly destination: QueryEnd;
  readonly protocol: Protocol;
  readonly port: number;
}

/** A policy, for explanations. */
export interface PolicyRef {
  readonly namespace: string;
  readonly name: string;
  readonly source?: SourceRef;
}

/** The rule (and the peer and port entries in it) that allowed a connection. */
export interface RuleRef {
  readonly policy: PolicyRef;
  readonly direction: Direction;
  readonly ruleIndex: number;
  /** Undefined when the rule has no peers (all sources/destinations). */
  readonly peerIndex?: number;
  /** Undefined when the rule has no ports (all ports and protocols). */
  readonly portIndex?: number;
  /** `spec.ingress[0].from[1]`-style path of the matching part. */
  readonly fieldPath: string;
}

/** A rule of a cluster-scoped policy, for explanations. */
export interface ClusterRuleRef {
  readonly tier: ClusterPolicyTier;
  /** ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy. */
  readonly kind: string;
  readonly name: string;
  readonly priority?: number;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly ruleName?: string;
  /** Accept, Deny or Pass (as the model reads it: v1alpha1 `Allow` is `Accept`). */
  readonly action: ClusterPolicyAction;
  /** `spec.egress[2]`. */
  readonly fieldPath: string;
  readonly source?: SourceRef;
  /** Names of same-tier policies with the same priority that also apply here, ordered by name (I1). */
  readonly tiedWith?: readonly string[];
}

/** Which layer decided a direction. */
export type DecidingTier = 'Admin' | 'NetworkPolicy' | 'Baseline' | 'default';

/** The verdict of one side (egress at the source, ingress at the destination). */
export interface DirectionVerdict {
  /** False when this end is not a pod (external address, node, or hostNetwork pod under `as-node`). */
  readonly applies: boolean;
  readonly isolated: boolean;
  readonly isolatingPolicies: readonly PolicyRef[];
  readonly allowedBy: readonly RuleRef[];
  readonly allowed: boolean;
  /**
   * The other end's pod addresses that the allowing rules do not cover, when they allow it only
   * through ipBlocks holding some of its addresses (a dual-stack pod allowed from an IPv6 block
   * only): connections over these addresses are denied. Absent when every address is covered.
   */
  readonly deniedPeerIps?: readonly string[];
  /** One or more lines explaining the outcome. */
  readonly reason: string;
  /** The layer that decided (absent when this side does not apply). */
  readonly decidedBy?: DecidingTier;
  /** The cluster policy rule that accepted or denied (Admin or Baseline tier). */
  readonly clusterRule?: ClusterRuleRef;
  /** The cluster policy rules whose Pass handed the decision down to the next layer. */
  readonly passedBy?: readonly ClusterRuleRef[];
}

/** The answer to a query, with an explanation per direction. */
export interface Verdict {
  readonly allowed: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
  /**
   * For a workload to itself, which case applies: one pod to itself (never policed) or two of its
   * replicas (policed like any two pods).
   */
  readonly selfCase?: string;
  readonly text: string;
}

/** Connections from one workload to another. */
export interface WorkloadPair {
  readonly source: WorkloadSpec;
  readonly destination: WorkloadSpec;
  readonly connections: ConnectionSet;
}

/** An inclusive address range with the connections allowed to/from it. */
export interface ExternalRange {
  readonly first: string;
  readonly last: string;
  readonly family: IpFamily;
  readonly connections: ConnectionSet;
}

/**
 * For one workload: what external addresses may send to it and what it may send to them.
 * The ranges cover every address, pod IPs included: an address is always judged as if it
 * were outside the cluster (ask about a pod by naming its workload).
 */
export interface ExternalConnections {
  readonly workload: WorkloadSpec;
  /** Covers all of IPv4 and IPv6 (ranges with no connections included). */
  readonly ingress: readonly ExternalRange[];
  readonly egress: readonly ExternalRange[];
}

/** The full workload-level connectivity of a cluster. */
export interface Connectivity {
  /** Every ordered pair of distinct workloads with a non-empty connection set. */
  readonly pairs: readonly WorkloadPair[];
  /** One entry per workload, in cluster order. */
  readonly external: readonly ExternalConnections[];
}

/**
 * Workload-level connectivity asked for source by source, so that a caller holds one source's
 * answer at a time instead of all pairs (the Evaluator is one).
 */
export interface ConnectivitySource {
  readonly cluster: { readonly workloads: readonly WorkloadSpec[] };
  /** Every other workload the source reaches, with the connections (empty sets count as none). */
  connectionsFrom(source: WorkloadSpec): readonly WorkloadPair[];
  /** Every workload's connections with external addresses. */
  externalConnections(): readonly ExternalConnections[];
}
