import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions } from './network-policy';
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
    if (props.scrapers.length === 0) {
      throw new Error(`MonitoringPort ${id}: no scrapers given, so every source could reach ${props.port}. `
        + 'Pass the monitoring pods, e.g. scrapers: [Namespaces.named("monitoring")].');
    }
    super(scope, id, {
      policyName: props.policyName,
      namespaceName: props.namespaceName,
      podSelector: props.pods,
      ingress: [{ peers: props.scrapers, ports: [props.port] }],
    });
    this.port = props.port;
  }
}
