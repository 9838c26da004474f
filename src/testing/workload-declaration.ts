import { Protocol } from '../values/protocol';

/** A port a declared workload's containers listen on, for named-port rules. */
export interface DeclaredContainerPort {
  /** The port number. */
  readonly port: number;

  /**
   * The port's name, which named-port rules (`Port.named('metrics')`) refer to.
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * The port's protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/**
 * A workload that the App does not define but that the policies talk about, such as
 * "a pod labelled app=prometheus in namespace monitoring".
 */
export interface WorkloadDeclaration {
  /** The namespace the workload runs in (created with just its name label if unknown). */
  readonly namespaceName: string;

  /** The workload's name; it is referred to as `namespaceName/name`. */
  readonly name: string;

  /**
   * The labels of its pods.
   *
   * @default - no labels
   */
  readonly labels?: { [key: string]: string };

  /**
   * The container ports of its pods.
   *
   * @default - none (named ports do not resolve on it)
   */
  readonly ports?: DeclaredContainerPort[];

  /**
   * The IPs of its pods, for `ipBlock` rules when `ipBlockMatchesPodIps` is on.
   *
   * @default - none
   */
  readonly podIps?: string[];

  /**
   * The workload's kind, as printed in `ns/name[Kind]`.
   *
   * @default 'Pod'
   */
  readonly kind?: string;

  /**
   * How many pods it runs. Two of its pods talk through policy like any two pods; only a pod
   * talking to itself bypasses it. Set `replicasUnknown` instead when an autoscaler decides.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * The count is not fixed (an autoscaler scales the workload, or a DaemonSet runs one pod per
   * node): traffic from the workload to itself is evaluated as between two of its pods.
   *
   * @default false
   */
  readonly replicasUnknown?: boolean;
}
