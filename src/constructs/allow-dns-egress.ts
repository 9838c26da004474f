import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions } from './network-policy';
import { PropsCheck } from './props-check';
import { Namespaces } from '../values/namespaces';
import { IPeer } from '../values/peer';
import { Peer } from '../values/peers';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** Where the cluster's DNS servers are. */
export interface DnsEgressOptions {
  /**
   * The namespace of the cluster DNS pods.
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;
  /**
   * The labels of the cluster DNS pods. CoreDNS keeps the historical `k8s-app: kube-dns` label.
   * @default { 'k8s-app': 'kube-dns' }
   */
  readonly dnsPodLabels?: { [key: string]: string };
  /**
   * Whether to allow the cluster DNS pods at all (turn off to allow only `dnsCidrs`).
   * @default true
   */
  readonly clusterDns?: boolean;
  /**
   * Also allow NodeLocal DNSCache, which listens on a link-local address on every node.
   * @default false
   */
  readonly nodeLocalDns?: boolean;
  /**
   * The address of NodeLocal DNSCache, used when `nodeLocalDns` is on.
   * @default '169.254.20.10/32'
   */
  readonly nodeLocalDnsCidr?: string;
  /**
   * Further DNS servers by address, e.g. a resolver outside the cluster.
   * @default - none
   */
  readonly dnsCidrs?: string[];
}

/** Properties of an `AllowDnsEgress`. */
export interface AllowDnsEgressProps extends NetworkPolicyOptions, DnsEgressOptions {
  /**
   * The pods that may query DNS.
   * @default Pods.all()
   */
  readonly pods?: Pods;
}

/** The prop names of `DnsEgressOptions`, for the constructs that check their props. */
export const DNS_EGRESS_OPTIONS: readonly string[] = ['dnsNamespace', 'dnsPodLabels', 'clusterDns', 'nodeLocalDns', 'nodeLocalDnsCidr', 'dnsCidrs'];

/** The default namespace of the cluster DNS pods. */
export const DEFAULT_DNS_NAMESPACE = 'kube-system';
/** The default labels of the cluster DNS pods. */
export const DEFAULT_DNS_POD_LABELS: { [key: string]: string } = { 'k8s-app': 'kube-dns' };
/** The default address of NodeLocal DNSCache. */
export const DEFAULT_NODE_LOCAL_DNS_CIDR = '169.254.20.10/32';

/**
 * Lets the selected pods (all pods by default) query DNS on UDP and TCP port 53.
 *
 * The DNS pods are ONE peer that requires both the namespace name and the pod labels, so
 * other pods of the DNS namespace are not opened up by accident.
 */
export class AllowDnsEgress extends NetworkPolicy {
  public constructor(scope: Construct, id: string, props: AllowDnsEgressProps = {}) {
    const check = PropsCheck.forChild(scope, id, 'AllowDnsEgress');
    const given = check.known(props, ['policyName', 'namespaceName', 'pods', ...DNS_EGRESS_OPTIONS], { podSelector: 'pods' });
    super(scope, id, {
      policyName: given.policyName,
      namespaceName: given.namespaceName,
      pods: check.optionalPods(given.pods, 'pods', 'Pods.labelled({ app: "api" })'),
      egress: [{ peers: dnsPeers(given), ports: [Port.DNS_UDP, Port.DNS_TCP] }],
    });
  }
}

/** The DNS servers the options describe, as peers. */
export function dnsPeers(options: DnsEgressOptions): IPeer[] {
  const peers: IPeer[] = [];
  if (options.clusterDns ?? true) {
    peers.push(Pods.labelled(options.dnsPodLabels ?? DEFAULT_DNS_POD_LABELS)
      .inNamespaces(Namespaces.named(options.dnsNamespace ?? DEFAULT_DNS_NAMESPACE)));
  }
  if (options.nodeLocalDns) peers.push(Peer.ipBlock(options.nodeLocalDnsCidr ?? DEFAULT_NODE_LOCAL_DNS_CIDR));
  for (const cidr of options.dnsCidrs ?? []) peers.push(Peer.ipBlock(cidr));
  if (peers.length === 0) {
    throw new Error('AllowDnsEgress: clusterDns is false and no other DNS server is given, so the rule would allow DNS to everywhere. '
      + 'Set nodeLocalDns or dnsCidrs, or keep clusterDns on.');
  }
  return peers;
}
