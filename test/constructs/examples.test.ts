import { App } from 'cdk8s';
import { buildBookinfo } from '../../examples/bookinfo';
import { buildPlatformAndTeams } from '../../examples/platform-and-teams';
import { EXAMPLES, summarize } from '../../examples/run-all';
import { NetworkPolicyManifest } from '../../src/model/manifest';
import { validateNetworkPolicy } from '../../src/validation/network-policy';

function policies(app: App): NetworkPolicyManifest[] {
  return app.charts.flatMap((c) => c.toJson()).filter((o) => o.kind === 'NetworkPolicy');
}
function named(app: App, namespace: string, name: string): NetworkPolicyManifest {
  const found = policies(app).find((p) => p.metadata?.namespace === namespace && p.metadata?.name === name);
  if (!found) throw new Error(`no policy ${namespace}/${name}`);
  return found;
}

describe('examples', () => {
  test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s synthesizes only valid policies', (_name, example) => {
    const app = example.build('cdk8s.out/test-examples');
    const all = policies(app);
    expect(all.length).toBeGreaterThan(0);
    for (const policy of all) expect(validateNetworkPolicy(policy)).toEqual([]);
    expect(summarize(app)).toMatch(/NetworkPolicies/);
  });

  describe('bookinfo', () => {
    const app = buildBookinfo('cdk8s.out/test-bookinfo');

    test('denies everything in myproject by default and allows DNS for every pod', () => {
      expect(named(app, 'myproject', 'baseline-deny-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      expect(named(app, 'myproject', 'baseline-allow-dns').spec!.podSelector).toEqual({});
    });

    test('product reaches review and detail on 9080, with both ends written', () => {
      for (const callee of ['review', 'detail']) {
        expect(named(app, 'myproject', `product-to-${callee}`).spec).toEqual({
          podSelector: { matchLabels: { app: callee } },
          policyTypes: ['Ingress'],
          ingress: [{ from: [{ podSelector: { matchLabels: { app: 'product', tier: 'api' } } }], ports: [{ protocol: 'TCP', port: 9080 }] }],
        });
        expect(named(app, 'myproject', `product-to-${callee}-egress`).spec).toEqual({
          podSelector: { matchLabels: { app: 'product', tier: 'api' } },
          policyTypes: ['Egress'],
          egress: [{ to: [{ podSelector: { matchLabels: { app: callee } } }], ports: [{ protocol: 'TCP', port: 9080 }] }],
        });
      }
    });

    test('review reaches db; nothing else is opened towards db', () => {
      const toDb = policies(app).filter((p) => JSON.stringify(p.spec?.podSelector) === JSON.stringify({ matchLabels: { app: 'db' } }));
      expect(toDb.map((p) => p.metadata?.name)).toEqual(['review-to-db']);
      expect(toDb[0].spec!.ingress![0].from).toEqual([{ podSelector: { matchLabels: { app: 'review' } } }]);
    });

    test('the monitor namespace may scrape TCP 10050 on every pod', () => {
      expect(named(app, 'myproject', 'monitor-scrape').spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitor' } } }], ports: [{ protocol: 'TCP', port: 10050 }] }],
      });
    });

    test('the workloads are part of the app', () => {
      const deployments = app.charts.flatMap((c) => c.toJson()).filter((o) => o.kind === 'Deployment');
      expect(deployments.map((d) => `${d.metadata.namespace}/${d.spec.template.metadata.labels.app}`).sort())
        .toEqual(['monitor/scraper', 'myproject/db', 'myproject/detail', 'myproject/product', 'myproject/review']);
    });
  });

  describe('platform-and-teams', () => {
    const app = buildPlatformAndTeams('cdk8s.out/test-platform');

    test('each team namespace gets the baseline and a metrics port for Prometheus', () => {
      for (const team of ['storefront', 'payments']) {
        expect(named(app, team, `${team}-baseline-deny-all`).spec!.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(named(app, team, `${team}-metrics`).spec!.ingress).toEqual([{
          from: [{
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
          }],
          ports: [{ protocol: 'TCP', port: 'metrics' }],
        }]);
      }
    });

    test('storefront web calls the payments API across namespaces, both ends written', () => {
      expect(named(app, 'storefront', 'web-to-payments').spec!.egress).toEqual([{
        to: [{ podSelector: { matchLabels: { app: 'payments-api' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } } }],
        ports: [{ protocol: 'TCP', port: 8443 }],
      }]);
      expect(named(app, 'payments', 'web-to-payments-ingress-in-payments').spec).toEqual({
        podSelector: { matchLabels: { app: 'payments-api' } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'storefront' } } }],
          ports: [{ protocol: 'TCP', port: 8443 }],
        }],
      });
    });

    test('only the payments API may leave the cluster, to the provider on HTTPS', () => {
      const withIpBlocks = policies(app).filter((p) => JSON.stringify(p.spec).includes('ipBlock') && !p.metadata?.name?.endsWith('allow-dns'));
      expect(withIpBlocks.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual(['payments/api-to-provider']);
      expect(withIpBlocks[0].spec!.egress).toEqual([{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] }]);
    });
  });
});
