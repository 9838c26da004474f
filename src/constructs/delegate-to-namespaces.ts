import { Construct } from 'constructs';
import { ClusterNetworkPolicy, ClusterPolicyOptions } from './cluster-network-policy';
import { ClusterPolicyAction, ClusterPolicyApiVersion, PolicyTier } from './cluster-policy-types';
import { PropsCheck } from './props-check';
import { IPeer } from '../values/peer';
import { Port } from '../values/port';

/** Properties of a `DelegateToNamespaces`. */
export interface DelegateToNamespacesProps {
  /** The Admin-tier priority, 0 to 1000: lower than (evaluated before) the policies it lets the traffic past. */
  readonly priority: number;
  /** The pods whose traffic is delegated: `Namespaces`, `Pods.of(workload)` or `pods.inNamespaces(...)`. */
  readonly subject: IPeer;
  /** The other end of the delegated traffic: sources for ingress, destinations for egress. */
  readonly peers: IPeer[];
  /**
   * The destination ports.
   * @default - every port
   */
  readonly ports?: Port[];
  /**
   * Delegate the subject's incoming traffic from the peers.
   * @default true
   */
  readonly ingress?: boolean;
  /**
   * Delegate the subject's outgoing traffic to the peers.
   * @default true
   */
  readonly egress?: boolean;
  /**
   * The object name.
   * @default - derived from the construct path
   */
  readonly policyName?: string;
  /**
   * The API to render.
   * @default ClusterPolicyApiVersion.V1ALPHA2
   */
  readonly apiVersion?: ClusterPolicyApiVersion;
  /**
   * See `ClusterPolicyOptions.orderIndependent`.
   * @default false
   */
  readonly orderIndependent?: boolean;
}

/**
 * Hands the decision about some traffic to the namespace owners: an Admin-tier `Pass` that
 * skips the Admin policies after it, so the NetworkPolicies of the namespaces decide (then the
 * Baseline tier, then the default, allow). Use it, at a lower priority number, to carve an
 * exception out of a broader Admin policy such as a `TenantIsolation`.
 */
export class DelegateToNamespaces extends ClusterNetworkPolicy {
  public constructor(scope: Construct, id: string, props: DelegateToNamespacesProps) {
    const check = PropsCheck.forChild(scope, id, 'DelegateToNamespaces');
    const given = check.known(props, ['priority', 'subject', 'peers', 'ports', 'ingress', 'egress', 'policyName', 'apiVersion', 'orderIndependent']);
    const peers = check.peers(given.peers, 'peers', { example: 'Namespaces.labelled({ tenant: "b" })', anywhere: 'ClusterPeer.allPods()' });
    const ports = check.ports(given.ports, 'ports');
    const rule = { action: ClusterPolicyAction.PASS, peers, ports };
    const options: ClusterPolicyOptions = {
      policyName: given.policyName,
      orderIndependent: given.orderIndependent,
      ingress: given.ingress ?? true ? [{ ...rule, name: 'pass-to-namespaces' }] : [],
      egress: given.egress ?? true ? [{ ...rule, name: 'pass-to-namespaces' }] : [],
    };
    if (options.ingress!.length === 0 && options.egress!.length === 0) {
      throw check.error('ingress', 'and egress are both false, so nothing would be delegated', 'keep at least one direction');
    }
    super(scope, id, { ...options, tier: PolicyTier.ADMIN, priority: given.priority, subject: given.subject, apiVersion: given.apiVersion });
  }
}
