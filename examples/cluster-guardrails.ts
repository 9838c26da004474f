/**
 * A platform team that sets its rules once, for the whole cluster, and two tenants that write
 * their own NetworkPolicies inside them.
 *
 * - Admin tier (decided before any NetworkPolicy, so tenants cannot undo it):
 *   - priority 10, `ClusterGuardrail`: Prometheus in `monitoring` scrapes the `metrics` port of
 *     every tenant pod, and every tenant pod queries the cluster DNS;
 *   - priority 15, two `DelegateToNamespaces`: team-b's dashboard calling team-a's API is handed
 *     to the tenants' NetworkPolicies (a Pass), ahead of the isolation;
 *   - priority 20, `TenantIsolation`: no other traffic between team-a and team-b.
 * - NetworkPolicies: team-a lets the ingress controller and team-b's dashboard into its API and
 *   the API into its database; team-b lets its dashboard out to team-a's API. A team that
 *   isolates a workload's egress also allows its DNS, so that its policies stand on their own.
 * - Baseline tier, priority 100, `BaselineDefaultDeny`: whatever no NetworkPolicy of a tenant
 *   decides is denied (DNS aside).
 *
 * What reaches the tenants, then: Prometheus on TCP 9100 (every tenant pod), the ingress
 * controller on team-a's API (TCP 8080), team-b's dashboard on team-a's API (TCP 8080) and
 * team-a's API on its database (TCP 5432); from outside the cluster, team-b's pods, whose
 * ingress no NetworkPolicy isolates (cluster policies cannot match traffic from outside). What
 * the tenants reach: the cluster DNS (UDP and TCP 53) and those same flows, nothing else.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AllowDnsEgress, AllowFrom, AllowTo, BaselineDefaultDeny, ClusterGuardrail, DelegateToNamespaces,
  LabelExpression, LabelSelector, Namespaces, Pods, Port, TenantIsolation,
} from '../src';

/** The namespace label that names a tenant, and the tenants. */
export const TENANT_LABEL = 'tenant';
export const TENANTS = ['team-a', 'team-b'];

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

/** Every namespace that belongs to a tenant. */
const tenantNamespaces = () => Namespaces.selectedBy(LabelSelector.of({ expressions: [LabelExpression.exists(TENANT_LABEL)] }));

class PlatformChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new kplus.Namespace(this, 'monitoring', { metadata: { name: 'monitoring' } });
    new kplus.Namespace(this, 'ingress-nginx', { metadata: { name: 'ingress-nginx' } });
    for (const tenant of TENANTS) new kplus.Namespace(this, tenant, { metadata: { name: tenant, labels: { [TENANT_LABEL]: tenant } } });
    workload(this, 'prometheus', { 'app.kubernetes.io/name': 'prometheus' }, 9090, 'monitoring');
    workload(this, 'ingress-controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, 443, 'ingress-nginx');

    new ClusterGuardrail(this, 'guardrail', {
      priority: 10,
      subject: tenantNamespaces(),
      scrapers: Pods.labelled({ 'app.kubernetes.io/name': 'prometheus' }).inNamespaces(Namespaces.named('monitoring')),
      metricsPort: Port.named('metrics'),
    });
    new TenantIsolation(this, 'isolation', { tenantLabel: TENANT_LABEL, tenants: TENANTS, priority: 20 });
    new BaselineDefaultDeny(this, 'baseline', { subject: tenantNamespaces(), priority: 100 });
  }
}

/** Builds the cluster-guardrails app; `outdir` is where `app.synth()` writes. */
export function buildClusterGuardrails(outdir = 'cdk8s.out/cluster-guardrails'): App {
  const app = new App({ outdir });
  const platform = new PlatformChart(app, 'platform');

  const teamA = new Chart(app, 'team-a', { namespace: 'team-a', disableResourceNameHashes: true });
  const api = workload(teamA, 'api', { app: 'api' }, 8080);
  const db = workload(teamA, 'db', { app: 'db' }, 5432);
  new AllowFrom(teamA, 'api-to-db', { destinations: Pods.of(db), sources: [Pods.of(api)], ports: [Port.POSTGRES] });
  new AllowFrom(teamA, 'ingress-to-api', {
    destinations: Pods.of(api),
    sources: [Pods.labelled({ 'app.kubernetes.io/name': 'ingress-nginx' }).inNamespaces(Namespaces.named('ingress-nginx'))],
    ports: [Port.tcp(8080)],
    bothEnds: false,
  });
  new AllowDnsEgress(teamA, 'api-dns', { pods: Pods.of(api) });

  const teamB = new Chart(app, 'team-b', { namespace: 'team-b', disableResourceNameHashes: true });
  const dashboard = workload(teamB, 'dashboard', { app: 'dashboard' }, 3000);
  workload(teamB, 'worker', { app: 'worker' }, 8080);
  // Team-b writes both halves (its egress, and the ingress rule in team-a); the platform lets it past the isolation.
  new AllowTo(teamB, 'dashboard-to-api', { sources: Pods.of(dashboard), destinations: [Pods.of(api)], ports: [Port.tcp(8080)] });
  new AllowDnsEgress(teamB, 'dashboard-dns', { pods: Pods.of(dashboard) });
  new DelegateToNamespaces(platform, 'dashboard-out', { priority: 15, subject: Pods.of(dashboard), peers: [Pods.of(api)], ports: [Port.tcp(8080)], ingress: false });
  new DelegateToNamespaces(platform, 'api-in', { priority: 15, subject: Pods.of(api), peers: [Pods.of(dashboard)], ports: [Port.tcp(8080)], egress: false });
  return app;
}
