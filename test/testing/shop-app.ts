import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AllowFrom,
  AllowTo,
  MonitoringPort,
  NamespaceBaseline,
  Namespaces,
  Peer,
  Pods,
  Port,
} from '../../src';

/** The shop app used by the reachability tests, with handles on what the tests name. */
export interface ShopApp {
  readonly app: App;
  readonly chart: Chart;
  readonly webToApi: AllowFrom;
  readonly loadBalancerToWeb: AllowFrom;
  readonly apiToInternet: AllowTo;
  readonly metrics: MonitoringPort;
}

/**
 * Namespace `shop`, locked down by a baseline (deny all, allow DNS), with:
 * - web (app=web, TCP 8080 "http") reachable from the load balancer range 203.0.113.0/24;
 * - api (app=api, TCP 8080 "http", TCP 9090 "metrics") reachable from web on TCP 8080 (both ends
 *   written) and from prometheus pods of namespace `monitoring` on the named port "metrics";
 * - api may call HTTPS on any IPv4 address outside 10.0.0.0/8;
 * - db (app=db, TCP 5432), which nothing may reach.
 */
export function shopApp(): ShopApp {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });

  const web = new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web' },
    select: false,
    podMetadata: { labels: { app: 'web' } },
    containers: [{ image: 'web', ports: [{ number: 8080, name: 'http' }] }],
  });
  new kplus.Deployment(chart, 'api', {
    metadata: { name: 'api' },
    select: false,
    podMetadata: { labels: { app: 'api' } },
    containers: [{ image: 'api', ports: [{ number: 8080, name: 'http' }, { number: 9090, name: 'metrics' }] }],
  });
  new kplus.StatefulSet(chart, 'db', {
    metadata: { name: 'db' },
    select: false,
    podMetadata: { labels: { app: 'db' } },
    containers: [{ image: 'postgres', portNumber: 5432 }],
  });

  new NamespaceBaseline(chart, 'baseline');
  const webToApi = new AllowFrom(chart, 'web-to-api', {
    destinations: Pods.labelled({ app: 'api' }),
    sources: [Pods.of(web)],
    ports: [Port.tcp(8080)],
  });
  const loadBalancerToWeb = new AllowFrom(chart, 'lb-to-web', {
    destinations: Pods.labelled({ app: 'web' }),
    sources: [Peer.ipBlock('203.0.113.0/24')],
    ports: [Port.tcp(8080)],
  });
  const apiToInternet = new AllowTo(chart, 'api-to-internet', {
    sources: Pods.labelled({ app: 'api' }),
    destinations: [Peer.ipBlock('0.0.0.0/0', ['10.0.0.0/8'])],
    ports: [Port.HTTPS],
  });
  const metrics = new MonitoringPort(chart, 'metrics', {
    pods: Pods.labelled({ app: 'api' }),
    port: Port.named('metrics'),
    scrapers: [Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))],
  });
  return { app, chart, webToApi, loadBalancerToWeb, apiToInternet, metrics };
}
