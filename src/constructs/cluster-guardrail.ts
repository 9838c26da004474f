import { Construct } from 'constructs';
import { DEFAULT_DNS_NAMESPACE, DEFAULT_DNS_POD_LABELS, DNS_EGRESS_OPTIONS, DnsEgressOptions, dnsPeers } from './allow-dns-egress';
import { checkPriority, ClusterNetworkPolicy } from './cluster-network-policy';
import { ClusterPolicyAction, ClusterPolicyApiVersion, PolicyTier } from './cluster-policy-types';
import { PropsCheck } from './props-check';
import { Namespaces } from '../values/namespaces';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** Properties of a `ClusterGuardrail`. */
export interface ClusterGuardrailProps extends DnsEgressOptions {
  /** The Admin-tier priority of the guardrail's policies, 0 to 1000; give it a low number so that it goes first. */
  readonly priority: number;
  /**
   * The monitoring system's pods, e.g.
   * `Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))`.
   */
  readonly scrapers: IPeer;
  /** The port the monitoring system scrapes on every selected pod: a number or a named port. */
  readonly metricsPort: Port;
  /**
   * The pods the guardrail protects.
   * @default Namespaces.all()
   */
  readonly subject?: IPeer;
  /**
   * The API to render.
   * @default ClusterPolicyApiVersion.V1ALPHA2
   */
  readonly apiVersion?: ClusterPolicyApiVersion;
}

/**
 * What a platform team wants to hold in every namespace, whatever its owners write: the
 * monitoring system can scrape every pod on its port, and every pod can query the cluster DNS.
 *
 * Admin-tier Accept rules, so no NetworkPolicy can take them away. A connection needs both
 * ends, so the guardrail is three policies at the given priority: the protected pods (accept
 * the scrapers in, accept DNS out), the scrapers (accept their way out to the metrics port) and
 * the DNS pods (accept queries in). They only accept, so their order does not matter among
 * themselves (`orderIndependent`); everything else is left to the policies that follow.
 */
export class ClusterGuardrail extends Construct {
  /** The policy on the protected pods. */
  public readonly workloads: ClusterNetworkPolicy;
  /** The policy on the scrapers. */
  public readonly scrapers: ClusterNetworkPolicy;
  /** The policy on the cluster DNS pods; undefined when `clusterDns` is off. */
  public readonly dns?: ClusterNetworkPolicy;

  public constructor(scope: Construct, id: string, props: ClusterGuardrailProps) {
    const check = PropsCheck.forChild(scope, id, 'ClusterGuardrail');
    const given = check.known(props, ['priority', 'scrapers', 'metricsPort', 'subject', 'apiVersion', ...DNS_EGRESS_OPTIONS], { port: 'metricsPort' });
    const scrapers = check.peer(given.scrapers, 'scrapers', 'Pods.labelled({ app: "prometheus" }).inNamespaces(Namespaces.named("monitoring"))');
    const metricsPort = check.port(given.metricsPort, 'metricsPort');
    const priority = checkPriority(check, given.priority);
    const subject = given.subject === undefined ? Namespaces.all() : check.peer(given.subject, 'subject', 'Namespaces.labelled({ tenant: "a" })');
    super(scope, id);
    const common = { tier: PolicyTier.ADMIN, priority, apiVersion: given.apiVersion, orderIndependent: true };
    const dnsPorts = [Port.DNS_UDP, Port.DNS_TCP];

    this.workloads = new ClusterNetworkPolicy(this, 'workloads', {
      ...common,
      subject,
      ingress: [{ name: 'accept-scrapers', action: ClusterPolicyAction.ACCEPT, peers: [scrapers], ports: [metricsPort] }],
      egress: [{ name: 'accept-dns', action: ClusterPolicyAction.ACCEPT, peers: dnsPeers(given), ports: dnsPorts }],
    });
    this.scrapers = new ClusterNetworkPolicy(this, 'scrapers', {
      ...common,
      subject: scrapers,
      egress: [{ name: 'accept-scraping', action: ClusterPolicyAction.ACCEPT, peers: [subject], ports: [metricsPort] }],
    });
    if (given.clusterDns ?? true) {
      const dnsNamespace = Namespaces.named(given.dnsNamespace ?? DEFAULT_DNS_NAMESPACE);
      const dnsPods = Pods.labelled(given.dnsPodLabels ?? DEFAULT_DNS_POD_LABELS).inNamespaces(dnsNamespace);
      this.dns = new ClusterNetworkPolicy(this, 'dns', {
        ...common,
        subject: dnsPods,
        ingress: [{ name: 'accept-dns-queries', action: ClusterPolicyAction.ACCEPT, peers: [subject], ports: dnsPorts }],
      });
    }
  }
}
