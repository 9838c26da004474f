import { Construct } from 'constructs';
import { AllowClusterInternalEgress, CLUSTER_INTERNAL_EGRESS_OPTIONS, ClusterInternalEgressOptions } from './allow-cluster-internal-egress';
import { AllowDnsEgress, DNS_EGRESS_OPTIONS, DnsEgressOptions } from './allow-dns-egress';
import { DefaultDenyAll } from './default-deny-all';
import { PropsCheck } from './props-check';

/** Properties of a `NamespaceBaseline`. */
export interface NamespaceBaselineProps extends DnsEgressOptions, ClusterInternalEgressOptions {
  /**
   * The namespace to lock down.
   * @default - the chart's namespace
   */
  readonly namespaceName?: string;
  /**
   * Also let every pod reach every pod of the cluster (but not the internet).
   * @default false
   */
  readonly allowClusterInternalEgress?: boolean;
}

/**
 * A zero-trust starting point for a namespace in one line: deny all ingress and egress,
 * then allow DNS, and optionally all in-cluster egress. Add `AllowFrom`/`AllowTo` policies
 * for the traffic the namespace needs.
 *
 * Writes the policies `<id>-deny-all`, `<id>-allow-dns` and, when asked, `<id>-allow-cluster-egress`.
 */
export class NamespaceBaseline extends Construct {
  /** The default-deny policy. */
  public readonly denyAll: DefaultDenyAll;
  /** The DNS egress policy. */
  public readonly allowDns: AllowDnsEgress;
  /** The cluster-internal egress policy, when `allowClusterInternalEgress` is on. */
  public readonly allowClusterEgress?: AllowClusterInternalEgress;

  public constructor(scope: Construct, id: string, baselineProps: NamespaceBaselineProps = {}) {
    const props = PropsCheck.forChild(scope, id, 'NamespaceBaseline').known(baselineProps,
      ['namespaceName', 'allowClusterInternalEgress', ...DNS_EGRESS_OPTIONS, ...CLUSTER_INTERNAL_EGRESS_OPTIONS]);
    super(scope, id);
    this.denyAll = new DefaultDenyAll(this, 'deny-all', { namespaceName: props.namespaceName });
    this.allowDns = new AllowDnsEgress(this, 'allow-dns', {
      namespaceName: props.namespaceName,
      dnsNamespace: props.dnsNamespace,
      dnsPodLabels: props.dnsPodLabels,
      clusterDns: props.clusterDns,
      nodeLocalDns: props.nodeLocalDns,
      nodeLocalDnsCidr: props.nodeLocalDnsCidr,
      dnsCidrs: props.dnsCidrs,
    });
    if (props.allowClusterInternalEgress) {
      this.allowClusterEgress = new AllowClusterInternalEgress(this, 'allow-cluster-egress', {
        namespaceName: props.namespaceName,
        podCidrs: props.podCidrs,
        serviceCidrs: props.serviceCidrs,
      });
    }
  }
}
