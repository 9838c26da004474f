import { Construct } from 'constructs';
import { DNS_EGRESS_OPTIONS, DnsEgressOptions, dnsPeers } from './allow-dns-egress';
import { ClusterNetworkPolicy } from './cluster-network-policy';
import { ClusterPolicyAction, ClusterPolicyApiVersion, ClusterPolicyRule, PolicyTier } from './cluster-policy-types';
import { PropsCheck } from './props-check';
import { ClusterPeer } from '../values/cluster-peer';
import { IPeer } from '../values/peer';
import { Port } from '../values/port';

/** Properties of a `BaselineDefaultDeny`. */
export interface BaselineDefaultDenyProps extends DnsEgressOptions {
  /**
   * The pods it applies to, e.g. `Namespaces.labelled({ tenant: 'team-a' })`. Required: a
   * baseline deny on system namespaces that have no NetworkPolicies would cut them off.
   */
  readonly subject: IPeer;
  /** The Baseline-tier priority, 0 to 1000 (ignored in v1alpha1, whose one Baseline policy has none). */
  readonly priority: number;
  /**
   * Keep DNS egress to the cluster DNS open (an Accept rule before the deny).
   * @default true
   */
  readonly allowDnsEgress?: boolean;
  /**
   * Deny egress too, to every pod and every address (`0.0.0.0/0`, `::/0`).
   * @default true
   */
  readonly denyEgress?: boolean;
  /**
   * The object name.
   * @default - derived from the construct path (`default` in v1alpha1)
   */
  readonly policyName?: string;
  /**
   * The API to render: v1alpha1 makes it the cluster's one `BaselineAdminNetworkPolicy`.
   * @default ClusterPolicyApiVersion.V1ALPHA2
   */
  readonly apiVersion?: ClusterPolicyApiVersion;
}

/**
 * Default deny for whole namespaces, in the Baseline tier: it decides only for pods that no
 * NetworkPolicy isolates in that direction, so a namespace's own NetworkPolicies widen it
 * simply by existing. Ingress from every pod is denied (traffic from outside the cluster is
 * not something cluster policies can match); egress to every pod and address too, except DNS.
 */
export class BaselineDefaultDeny extends ClusterNetworkPolicy {
  public constructor(scope: Construct, id: string, props: BaselineDefaultDenyProps) {
    const check = PropsCheck.forChild(scope, id, 'BaselineDefaultDeny');
    const given = check.known(props, ['subject', 'priority', 'allowDnsEgress', 'denyEgress', 'policyName', 'apiVersion', ...DNS_EGRESS_OPTIONS]);
    const egress: ClusterPolicyRule[] = [];
    if (given.allowDnsEgress ?? true) {
      egress.push({ name: 'accept-dns', action: ClusterPolicyAction.ACCEPT, peers: dnsPeers(given), ports: [Port.DNS_UDP, Port.DNS_TCP] });
    }
    if (given.denyEgress ?? true) {
      egress.push({ name: 'deny-all', action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods(), ClusterPeer.networks('0.0.0.0/0', '::/0')] });
    }
    super(scope, id, {
      tier: PolicyTier.BASELINE,
      priority: given.priority,
      subject: given.subject,
      policyName: given.policyName,
      apiVersion: given.apiVersion,
      ingress: [{ name: 'deny-all', action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods()] }],
      egress: given.denyEgress ?? true ? egress : [],
    });
  }
}
