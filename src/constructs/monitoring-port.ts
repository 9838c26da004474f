import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions } from './network-policy';
import { PropsCheck } from './props-check';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** Properties of a `MonitoringPort`. */
export interface MonitoringPortProps extends NetworkPolicyOptions {
  /** The port the monitoring system scrapes: a number (`Port.tcp(9100)`) or a name (`Port.named('metrics')`). */
  readonly port: Port;
  /**
   * The monitoring system's pods, e.g.
   * `Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))`.
   * Required and never empty (no scrapers would mean every source).
   */
  readonly scrapers: IPeer[];
  /**
   * The pods that expose the port.
   * @default Pods.all()
   */
  readonly pods?: Pods;
}

/** Lets a monitoring system's pods reach one port on the selected pods (all pods of the namespace by default). */
export class MonitoringPort extends NetworkPolicy {
  /** The scraped port. */
  public readonly port: Port;

  public constructor(scope: Construct, id: string, props: MonitoringPortProps) {
    const check = PropsCheck.forChild(scope, id, 'MonitoringPort');
    const given = check.known(props, ['policyName', 'namespaceName', 'port', 'scrapers', 'pods'], { podSelector: 'pods', peers: 'scrapers', sources: 'scrapers' });
    const port = check.port(given.port, 'port');
    const scrapers = check.peers(given.scrapers, 'scrapers', {
      example: 'Namespaces.named("monitoring")',
      anywhere: 'Peer.anywhere()',
    });
    super(scope, id, {
      policyName: given.policyName,
      namespaceName: given.namespaceName,
      pods: check.optionalPods(given.pods, 'pods', 'Pods.labelled({ app: "api" })'),
      ingress: [{ peers: scrapers, ports: [port] }],
    });
    this.port = port;
  }
}
