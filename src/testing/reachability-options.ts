/**
 * How hostNetwork pods are treated. Kubernetes leaves this to the network plugin.
 */
export enum HostNetworkMode {
  /** Like any other pod, with their labels (what netpol-analyzer assumes). */
  AS_POD = 'as-pod',
  /**
   * Invisible to pod and namespace selectors, as targets and as peers; their traffic is node
   * traffic, matched only by ipBlocks on their IPs (what most plugins do).
   */
  AS_NODE = 'as-node',
}

/** Order of two cluster-scoped policies of one tier with the same priority, which upstream leaves undefined. */
export enum EqualPriorityOrder {
  /** By name (as kube-network-policies does); explanations say the verdict depends on the tie. */
  BY_NAME = 'by-name',
  /** Refuse to evaluate when two such policies select a common pod. */
  ERROR = 'error',
}

/** What to do when one tier holds both v1alpha1 (AdminNetworkPolicy / BaselineAdminNetworkPolicy) and v1alpha2 (ClusterNetworkPolicy) policies. */
export enum MixedApiVersions {
  /** Refuse to evaluate: upstream defines no order between the two API versions. */
  REFUSE = 'refuse',
  /** Evaluate the tier's v1alpha1 policies first. */
  V1ALPHA1_FIRST = 'v1alpha1-first',
  /** Evaluate the tier's v1alpha2 policies first. */
  V1ALPHA2_FIRST = 'v1alpha2-first',
}

/** Choices for behaviour that Kubernetes leaves to the network plugin. */
export interface ReachabilityOptions {
  /**
   * Whether an `ipBlock` peer also selects pods whose IP lies in the block (upstream e2e
   * tests and Calico say yes; Cilium and netpol-analyzer say no). Only matters for
   * workloads with known pod IPs.
   *
   * @default true
   */
  readonly ipBlockMatchesPodIps?: boolean;

  /**
   * How hostNetwork pods behave.
   *
   * @default HostNetworkMode.AS_POD
   */
  readonly hostNetwork?: HostNetworkMode;

  /**
   * Whether a cluster-scoped policy's `networks` peer also selects pods whose IP lies in one of
   * its CIDRs (the API documents it does; netpol-analyzer says no).
   *
   * @default true
   */
  readonly networksMatchPodIps?: boolean;

  /**
   * Order of same-tier cluster-scoped policies with equal priorities.
   *
   * @default EqualPriorityOrder.BY_NAME
   */
  readonly equalPriorities?: EqualPriorityOrder;

  /**
   * When a tier holds both v1alpha1 and v1alpha2 cluster-scoped policies.
   *
   * @default MixedApiVersions.REFUSE
   */
  readonly mixedApiVersions?: MixedApiVersions;

  /**
   * Which `status.addresses` types of the Node objects a cluster policy `nodes` peer matches.
   *
   * @default ['InternalIP', 'ExternalIP']
   */
  readonly nodeAddressTypes?: string[];

  /**
   * For `Reachability.of(chart)`: only the objects of that chart (and the charts nested in it),
   * instead of the whole app the chart belongs to. What gets deployed is the app, so a platform
   * chart's baseline applies to a team chart's workloads; use this only to look at one chart alone.
   *
   * @default false
   */
  readonly chartOnly?: boolean;
}
