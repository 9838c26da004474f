import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Endpoint, MixedApiVersions, Port, Reachability } from '../../src';

/**
 * Reachability reads cluster-scoped policies from the synthesized app like any other object,
 * so assertions and explanations take the Admin and Baseline tiers into account.
 */
function app() {
  const a = Testing.app();
  const shop = new Chart(a, 'shop', { namespace: 'shop' });
  new kplus.Deployment(shop, 'web', { containers: [{ image: 'web', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
  const tenant = new Chart(a, 'tenant', { namespace: 'tenant' });
  new kplus.Deployment(tenant, 'app', { containers: [{ image: 'app', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
  const platform = new Chart(a, 'platform');
  new ApiObject(platform, 'isolate-tenants', {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'isolate-tenants' },
    spec: {
      tier: 'Admin',
      priority: 10,
      subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
      ingress: [{ name: 'no-tenants', action: 'Deny', from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'tenant' } } }] }],
    },
  });
  return a;
}

test('an Admin-tier Deny in the app denies the connection, and the verdict names the tier, policy and rule', () => {
  const reach = Reachability.of(app());
  const verdict = reach.verdict(Endpoint.workload('tenant/app'), Endpoint.workload('shop/web'), Port.tcp(8080));
  expect(verdict.allowed).toBe(false);
  expect(verdict.ingress.decidedBy).toBe('Admin');
  expect(verdict.ingress.clusterRule).toBe('Admin ClusterNetworkPolicy isolate-tenants spec.ingress[0] (Deny)');
  expect(verdict.explanation).toContain('denied by Admin tier: ClusterNetworkPolicy isolate-tenants (priority 10) spec.ingress[0] "no-tenants" (Deny) (platform/isolate-tenants)');
  // The reverse direction is not covered by the policy.
  expect(reach.isAllowed(Endpoint.workload('shop/web'), Endpoint.workload('tenant/app'), Port.tcp(8080))).toBe(true);
});

test('the options for what upstream leaves open reach the evaluator: mixed API versions are refused unless ordered', () => {
  const a = app();
  const platform = a.node.findChild('platform') as Chart;
  new ApiObject(platform, 'old-accept', {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'old-accept' },
    spec: { priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: {} }] }] },
  });
  const question = [Endpoint.workload('tenant/app'), Endpoint.workload('shop/web'), Port.tcp(8080)] as const;
  expect(() => Reachability.of(a).isAllowed(...question)).toThrow(/upstream defines no order/);
  expect(Reachability.of(a, { mixedApiVersions: MixedApiVersions.V1ALPHA1_FIRST }).isAllowed(...question)).toBe(true);
  expect(Reachability.of(a, { mixedApiVersions: MixedApiVersions.V1ALPHA2_FIRST }).isAllowed(...question)).toBe(false);
});
