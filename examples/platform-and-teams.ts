/**
 * A platform team and two app teams sharing a cluster.
 *
 * - The platform chart runs Prometheus and the ingress controller, creates the team namespaces, gives each a zero-trust baseline
 *   (deny all, DNS allowed), and lets Prometheus in `monitoring` scrape the `metrics` port.
 * - The storefront team runs `web`, reachable from the ingress controller, which calls the
 *   payments API in another namespace.
 * - The payments team runs `api` and its Postgres, and lets `api` reach an external
 *   payment provider over HTTPS.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AllowFrom, AllowTo, MonitoringPort, NamespaceBaseline, Namespaces, Peer, Pods, Port } from '../src';

/** The namespaces the platform hands to app teams. */
export const TEAM_NAMESPACES = ['storefront', 'payments'];
/** The external payment provider's network. */
export const PAYMENT_PROVIDER_CIDR = '203.0.113.0/24';

function workload(scope: Construct, id: string, labels: { [key: string]: string }, containerPort: number, namespace?: string): kplus.Deployment {
  const deployment = new kplus.Deployment(scope, id, {
    metadata: { namespace },
    select: false,
    podMetadata: { labels },
    containers: [{ image: `example/${id}:1.0`, ports: [{ number: containerPort }, { number: 9100, name: 'metrics' }], securityContext: { ensureNonRoot: false } }],
  });
  deployment.select(kplus.LabelSelector.of({ labels }));
  return deployment;
}

class PlatformChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new kplus.Namespace(this, 'monitoring', { metadata: { name: 'monitoring' } });
    new kplus.Namespace(this, 'ingress-nginx', { metadata: { name: 'ingress-nginx' } });
    workload(this, 'prometheus', { 'app.kubernetes.io/name': 'prometheus' }, 9090, 'monitoring');
    workload(this, 'ingress-controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, 443, 'ingress-nginx');
    const prometheus = Pods.labelled({ 'app.kubernetes.io/name': 'prometheus' }).inNamespaces(Namespaces.named('monitoring'));
    for (const team of TEAM_NAMESPACES) {
      new kplus.Namespace(this, `namespace-${team}`, { metadata: { name: team } });
      new NamespaceBaseline(this, `${team}-baseline`, { namespaceName: team, nodeLocalDns: true });
      new MonitoringPort(this, `${team}-metrics`, { namespaceName: team, port: Port.named('metrics'), scrapers: [prometheus] });
    }
  }
}

/** Builds the platform-and-teams app; `outdir` is where `app.synth()` writes. */
export function buildPlatformAndTeams(outdir = 'cdk8s.out/platform-and-teams'): App {
  const app = new App({ outdir });
  new PlatformChart(app, 'platform');

  const payments = new Chart(app, 'payments', { namespace: 'payments', disableResourceNameHashes: true });
  const api = workload(payments, 'api', { app: 'payments-api' }, 8443);
  const db = workload(payments, 'db', { app: 'payments-db' }, 5432);
  new AllowFrom(payments, 'api-to-db', { destinations: Pods.of(db), sources: [Pods.of(api)], ports: [Port.POSTGRES] });
  new AllowTo(payments, 'api-to-provider', { sources: Pods.of(api), destinations: [Peer.ipBlock(PAYMENT_PROVIDER_CIDR)], ports: [Port.HTTPS] });

  const storefront = new Chart(app, 'storefront', { namespace: 'storefront', disableResourceNameHashes: true });
  const web = workload(storefront, 'web', { app: 'web' }, 8080);
  // One-sided: the ingress controller's egress is the platform team's to open, not the storefront's.
  new AllowFrom(storefront, 'ingress-to-web', {
    destinations: Pods.of(web),
    sources: [Pods.labelled({ 'app.kubernetes.io/name': 'ingress-nginx' }).inNamespaces(Namespaces.named('ingress-nginx'))],
    ports: [Port.tcp(8080)],
    bothEnds: false,
  });
  // The storefront team writes both halves: its own egress, and the ingress rule in payments.
  new AllowTo(storefront, 'web-to-payments', { sources: Pods.of(web), destinations: [Pods.of(api)], ports: [Port.tcp(8443)] });
  return app;
}
