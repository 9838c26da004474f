import { buildClusterGuardrails } from '../../examples/cluster-guardrails';
import { ClusterPolicyValidator } from '../../src';

describe('examples/cluster-guardrails', () => {
  const app = buildClusterGuardrails('cdk8s.out/test-cluster-guardrails');
  const objects = app.charts.flatMap((c) => c.toJson());
  const cluster = objects.filter((o) => o.kind === 'ClusterNetworkPolicy');

  test('the platform\'s cluster policies: valid, ordered by tier and priority as the example describes', () => {
    for (const o of cluster) expect(ClusterPolicyValidator.validate(o).filter((p) => p.severity === 'error')).toEqual([]);
    expect(cluster.map((o) => `${o.spec.tier} ${o.spec.priority} ${o.metadata.name}`).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual([
      'Admin 10 guardrail-dns', 'Admin 10 guardrail-scrapers', 'Admin 10 guardrail-workloads',
      'Admin 15 api-in', 'Admin 15 dashboard-out',
      'Admin 20 isolation-team-a', 'Admin 20 isolation-team-b',
      'Baseline 100 baseline',
    ]);
    expect(cluster.every((o) => o.metadata.namespace === undefined)).toBe(true);
  });

  test('the delegation passes exactly the dashboard-to-API traffic, at both ends', () => {
    const byName = (name: string) => cluster.find((o) => o.metadata.name === name);
    expect(byName('dashboard-out').spec.egress).toEqual([expect.objectContaining({ action: 'Pass', protocols: [{ tcp: { destinationPort: { number: 8080 } } }] })]);
    expect(byName('api-in').spec.ingress).toEqual([expect.objectContaining({ action: 'Pass', protocols: [{ tcp: { destinationPort: { number: 8080 } } }] })]);
  });

  test('the tenants\' own NetworkPolicies', () => {
    const names = objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();
    expect(names).toEqual([
      'team-a/api-dns', 'team-a/api-to-db', 'team-a/api-to-db-egress', 'team-a/dashboard-to-api-ingress-in-team-a', 'team-a/ingress-to-api',
      'team-b/dashboard-dns', 'team-b/dashboard-to-api',
    ]);
  });
});
