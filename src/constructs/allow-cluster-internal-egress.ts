import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions } from './network-policy';
import { PropsCheck } from './props-check';
import { parseCidr } from '../net/cidr';
import { Namespaces } from '../values/namespaces';
import { IPeer } from '../values/peer';
import { Peer } from '../values/peers';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** What counts as inside the cluster. */
export interface ClusterInternalEgressOptions {
  /**
   * The cluster's pod CIDRs, for plugins that see pod traffic by address (e.g. through
   * a Service) rather than by pod. Never `/0`.
   * @default - none: pods are reached through `namespaceSelector: {}` only
   */
  readonly podCidrs?: string[];
  /**
   * The cluster's Service CIDRs, for plugins that check egress before Service translation.
   * Never `/0`.
   * @default - none
   */
  readonly serviceCidrs?: string[];
}

/** Properties of an `AllowClusterInternalEgress`. */
export interface AllowClusterInternalEgressProps extends NetworkPolicyOptions, ClusterInternalEgressOptions {
  /**
   * The pods that may send.
   * @default Pods.all()
   */
  readonly pods?: Pods;
  /**
   * The destination ports.
   * @default - all ports
   */
  readonly ports?: Port[];
}

/**
 * Lets the selected pods (all by default) reach every pod in every namespace, and the
 * optional pod and Service CIDRs, but nothing outside the cluster: the peer is
 * `namespaceSelector: {}`, never `0.0.0.0/0`.
 */
export class AllowClusterInternalEgress extends NetworkPolicy {
  public constructor(scope: Construct, id: string, props: AllowClusterInternalEgressProps = {}) {
    const check = PropsCheck.forChild(scope, id, 'AllowClusterInternalEgress');
    const given = check.known(props, ['policyName', 'namespaceName', 'pods', 'ports', ...CLUSTER_INTERNAL_EGRESS_OPTIONS], { podSelector: 'pods' });
    super(scope, id, {
      policyName: given.policyName,
      namespaceName: given.namespaceName,
      pods: check.optionalPods(given.pods, 'pods', 'Pods.labelled({ app: "api" })'),
      egress: [{ peers: clusterInternalPeers(given), ports: check.ports(given.ports, 'ports') }],
    });
  }
}

/** The prop names of `ClusterInternalEgressOptions`, for the constructs that check their props. */
export const CLUSTER_INTERNAL_EGRESS_OPTIONS: readonly string[] = ['podCidrs', 'serviceCidrs'];

/** Every namespace plus the given in-cluster CIDRs, as peers. */
export function clusterInternalPeers(options: ClusterInternalEgressOptions): IPeer[] {
  const peers: IPeer[] = [Namespaces.all()];
  for (const [what, cidrs] of [['podCidrs', options.podCidrs], ['serviceCidrs', options.serviceCidrs]] as const) {
    for (const cidr of cidrs ?? []) {
      if (parseCidr(cidr)?.prefix === 0) {
        throw new Error(`AllowClusterInternalEgress: ${what} contains "${cidr}", which is every address, not the cluster's. `
          + 'Give the cluster\'s own range, e.g. "10.244.0.0/16".');
      }
      peers.push(Peer.ipBlock(cidr));
    }
  }
  return peers;
}
