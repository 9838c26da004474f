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
   * For `Reachability.of(chart)`: only the objects of that chart (and the charts nested in it),
   * instead of the whole app the chart belongs to. What gets deployed is the app, so a platform
   * chart's baseline applies to a team chart's workloads; use this only to look at one chart alone.
   *
   * @default false
   */
  readonly chartOnly?: boolean;
}
