import { IPeer } from '../values/peer';
import { Port } from '../values/port';

/** Where a cluster-scoped policy sits in the order of evaluation. */
export enum PolicyTier {
  /** Decided before any NetworkPolicy: namespace owners cannot override it (AdminNetworkPolicy in v1alpha1). */
  ADMIN = 'Admin',
  /** Decided after the NetworkPolicies, only for traffic no NetworkPolicy isolates (BaselineAdminNetworkPolicy in v1alpha1). */
  BASELINE = 'Baseline',
}

/** What a rule of a cluster-scoped policy does with the traffic it matches. */
export enum ClusterPolicyAction {
  /** Allow the traffic in this direction, whatever comes later (rendered `Allow` in v1alpha1). */
  ACCEPT = 'Accept',
  /** Drop the traffic, whatever comes later. */
  DENY = 'Deny',
  /**
   * Skip the rest of this tier: an Admin-tier Pass hands the decision to the NetworkPolicies
   * (then the Baseline tier); a Baseline-tier Pass (v1alpha2 only) to the default, allow.
   */
  PASS = 'Pass',
}

/** Which API the cluster has installed (network-policy-api). */
export enum ClusterPolicyApiVersion {
  /** `ClusterNetworkPolicy` with `tier: Admin` or `tier: Baseline` (network-policy-api v0.2.0 and later). */
  V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2',
  /**
   * `AdminNetworkPolicy` and the single `BaselineAdminNetworkPolicy` named `default`
   * (network-policy-api v0.1.x), for implementations that have not moved on.
   */
  V1ALPHA1 = 'policy.networking.k8s.io/v1alpha1',
}

/** One rule of a cluster-scoped policy. Rules are tried in order; the first that matches decides. */
export interface ClusterPolicyRule {
  /** What the rule does with matching traffic. */
  readonly action: ClusterPolicyAction;
  /**
   * The sources (ingress) or destinations (egress): `Namespaces`, `Pods.of(workload)`,
   * `pods.inNamespaces(...)`, `Peer.ipBlock(cidr)` or a `ClusterPeer`. Traffic matches when it
   * matches any of them. Ingress rules take pods and namespaces only.
   */
  readonly peers: IPeer[];
  /**
   * The destination ports; traffic matches when it matches any of them.
   * @default - every port of every protocol
   */
  readonly ports?: Port[];
  /**
   * A name for the rule (`name`, at most 100 characters), shown by implementations in logs.
   * @default - no name
   */
  readonly name?: string;
}
