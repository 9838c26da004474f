/** The verdict of one side of a connection: the source's egress or the destination's ingress. */
export interface DirectionReport {
  /** False when this end is not a pod (an external address), so no policy applies to it. */
  readonly applies: boolean;

  /** True when some policy selects the pod for this direction, so only its rules can allow traffic. */
  readonly isolated: boolean;

  /** Whether this side lets the connection through. */
  readonly allowed: boolean;

  /** The policies (`namespace/name`) that isolate the pod for this direction. */
  readonly isolatingPolicies: string[];

  /** The rules that allow the connection, e.g. `shop/web-to-api spec.ingress[0].from[0]`. */
  readonly allowedBy: string[];

  /** Why, in one or more lines. */
  readonly reason: string;

  /**
   * The layer that decided, when the cluster has cluster-scoped policies: `Admin`,
   * `NetworkPolicy`, `Baseline` or `default`.
   * @default - the cluster has no cluster-scoped policy (NetworkPolicies decide)
   */
  readonly decidedBy?: string;

  /**
   * The cluster policy rule that accepted or denied, e.g. `Admin ClusterNetworkPolicy guardrails spec.ingress[0] (Deny)`.
   * @default - no cluster policy rule decided
   */
  readonly clusterRule?: string;

  /**
   * The cluster policy rules whose Pass handed the decision down, in the same form as `clusterRule`.
   * @default - none
   */
  readonly passedBy?: string[];
}

/**
 * The answer to "may `source` reach `destination` on `port`?".
 *
 * When the question covers several connections (a port range, a CIDR, `internet`), `allowed`
 * means every one is allowed and `denied` means none is; both are false when only some are.
 * `egress` and `ingress` then describe the example connection that decided the answer, which
 * `explanation` names.
 */
export interface ReachabilityVerdict {
  /** The source as resolved, e.g. `shop/web[Deployment]` or `203.0.113.7`. */
  readonly source: string;

  /** The destination as resolved. */
  readonly destination: string;

  /** The port asked about, e.g. `TCP 8080`. */
  readonly port: string;

  /** True when every connection asked about is allowed. */
  readonly allowed: boolean;

  /** True when no connection asked about is allowed. */
  readonly denied: boolean;

  /**
   * The connections asked about that are allowed, e.g. `TCP 8080` (`No Connections` when none).
   * For a block of addresses, those allowed for every address in it.
   */
  readonly allowedConnections: string;

  /** A readable account of the answer: the verdict, then each side's reason. */
  readonly explanation: string;

  /** The source's egress side (of the example connection). */
  readonly egress: DirectionReport;

  /** The destination's ingress side (of the example connection). */
  readonly ingress: DirectionReport;
}
