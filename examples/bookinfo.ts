/**
 * Bookinfo in namespace `myproject`: product (the API tier) calls review and detail,
 * review reads the database, the `monitor` namespace scrapes port 10050 on every pod,
 * and everything else is denied, except DNS. Every chart also holds its workloads, so a
 * reachability printout has pods to show.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, MonitoringPort, NamespaceBaseline, Namespaces, Pods, Port } from '../src';

/** The port the Bookinfo services listen on. */
export const BOOKINFO_PORT = Port.tcp(9080);
/** The port the monitoring agent scrapes. */
export const MONITORING_PORT = Port.tcp(10050);

/** A Deployment whose pods carry exactly `labels` and are selected by them. */
function service(chart: Chart, id: string, labels: { [key: string]: string }, containerPort: number): kplus.Deployment {
  const deployment = new kplus.Deployment(chart, id, {
    select: false,
    podMetadata: { labels },
    containers: [{ image: `example/bookinfo-${id}:1.0`, portNumber: containerPort, securityContext: { ensureNonRoot: false } }],
  });
  deployment.select(kplus.LabelSelector.of({ labels }));
  return deployment;
}

/** Builds the Bookinfo app; `outdir` is where `app.synth()` writes. */
export function buildBookinfo(outdir = 'cdk8s.out/bookinfo'): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'bookinfo', { namespace: 'myproject', disableResourceNameHashes: true });

  const product = service(chart, 'product', { app: 'product', tier: 'api' }, 9080);
  const review = service(chart, 'review', { app: 'review' }, 9080);
  const detail = service(chart, 'detail', { app: 'detail' }, 9080);
  const db = service(chart, 'db', { app: 'db' }, 27017);

  // Deny everything in and out, then allow DNS for every pod.
  new NamespaceBaseline(chart, 'baseline');

  // Each call writes the ingress rule at the callee and the egress rule at the caller (both ends, the default).
  new AllowFrom(chart, 'product-to-review', { destinations: Pods.of(review), sources: [Pods.of(product)], ports: [BOOKINFO_PORT] });
  new AllowFrom(chart, 'product-to-detail', { destinations: Pods.of(detail), sources: [Pods.of(product)], ports: [BOOKINFO_PORT] });
  new AllowFrom(chart, 'review-to-db', { destinations: Pods.of(db), sources: [Pods.of(review)], ports: [Port.MONGODB] });

  new MonitoringPort(chart, 'monitor-scrape', { port: MONITORING_PORT, scrapers: [Namespaces.named('monitor')] });

  // The monitoring server that scrapes every pod, in its own namespace (no policies there).
  const monitor = new Chart(app, 'monitor', { namespace: 'monitor', disableResourceNameHashes: true });
  service(monitor, 'scraper', { app: 'scraper' }, 10051);
  return app;
}
