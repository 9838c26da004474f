import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DNS_EGRESS_RULE, findingsOf, policy, workload } from './cluster-fixture';
import { AllowFrom, AllowTo, Lint, NamespaceBaseline, Pods, Port } from '../../src';

const RULE = 'one-sided-allow';
const web = workload('web', { app: 'web' });
const api = workload('api', { app: 'api' }, { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] });
const denyAll = policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_EGRESS_RULE] });
const webToApi = policy('web-to-api', {
  podSelector: { matchLabels: { app: 'api' } },
  ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
});

describe('one-sided-allow', () => {
  test('trap: an ingress allow under a default deny left the sources\' egress closed, and no lint said so', () => {
    const findings = findingsOf(RULE, { policies: [denyAll, webToApi], workloads: [web, api] });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', namespaceName: 'shop', name: 'web-to-api', fieldPath: 'spec.ingress[0].from[0]' });
    expect(findings[0].message).toBe('The rule lets shop/web[Deployment] connect to shop/api[Deployment] on TCP 8080, but their egress is isolated '
      + '(by "deny-all") and no egress rule lets them send this traffic, so it stays denied: the allow is one-sided.');
    expect(findings[0].fix).toBe('Open the other end too: an egress rule at the sources to these pods on the same ports '
      + '(AllowFrom writes it unless bothEnds is false; or add an AllowTo from the sources).');
  });

  test('stays silent when the sources\' egress is opened on an overlapping port', () => {
    const webEgress = policy('web-egress', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 'http' }] }],
    });
    expect(findingsOf(RULE, { policies: [denyAll, webToApi, webEgress], workloads: [web, api] })).toEqual([]);
  });

  test('fires at both ends when each opens a port the other does not', () => {
    const webEgress = policy('web-egress', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }],
    });
    const findings = findingsOf(RULE, { policies: [denyAll, webToApi, webEgress], workloads: [web, api] });
    expect(findings.map((f) => `${f.name} ${f.fieldPath}`)).toEqual(['web-egress spec.egress[0].to[0]', 'web-to-api spec.ingress[0].from[0]']);
  });

  test('stays silent when the sources are not isolated for egress', () => {
    const ingressOnly = policy('deny-ingress', { podSelector: {} });
    expect(findingsOf(RULE, { policies: [ingressOnly, webToApi], workloads: [web, api] })).toEqual([]);
  });

  test('reports an egress allow whose destinations never accept it', () => {
    const apiToWeb = policy('api-to-web', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    const [finding] = findingsOf(RULE, { policies: [denyAll, apiToWeb], workloads: [web, api] });
    expect(finding).toMatchObject({ name: 'api-to-web', fieldPath: 'spec.egress[0].to[0]' });
    expect(finding.message).toContain('The rule lets shop/api[Deployment] connect to shop/web[Deployment] on any port, but the destinations\' ingress is isolated (by "deny-all")');
  });

  test('checks peers in other namespaces through the namespace labels', () => {
    const front = workload('front', { app: 'front' }, { namespace: 'edge' });
    const edgeDeny = policy('deny-all', { podSelector: {}, policyTypes: ['Egress'], egress: [DNS_EGRESS_RULE] }, { namespace: 'edge' });
    const fromEdge = policy('from-edge', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } }, podSelector: { matchLabels: { app: 'front' } } }] }],
    });
    const [finding] = findingsOf(RULE, { policies: [edgeDeny, fromEdge], workloads: [front, api] });
    expect(finding.message).toContain('The rule lets edge/front[Deployment] connect to shop/api[Deployment] on any port');
  });

  test('skips peers that mean every pod of every namespace', () => {
    const fromAll = policy('from-all', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ namespaceSelector: {} }] }] });
    expect(findingsOf(RULE, { policies: [denyAll, fromAll], workloads: [web, api] })).toEqual([]);
  });

  describe('on constructs', () => {
    function shop(bothEnds?: boolean): Chart {
      const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
      const w = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web' }] });
      const a = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8080 }] });
      new NamespaceBaseline(chart, 'baseline');
      new AllowFrom(chart, 'web-to-api', { destinations: Pods.of(a), sources: [Pods.of(w)], ports: [Port.tcp(8080)], bothEnds });
      new AllowTo(chart, 'api-to-web', { sources: Pods.of(a), destinations: [Pods.of(w)], ports: [Port.tcp(8081)], bothEnds });
      return chart;
    }

    test('AllowFrom and AllowTo with bothEnds: false under a NamespaceBaseline are reported, with the fix', () => {
      const findings = Lint.of(shop(false)).filter((f) => f.rule === RULE).map(Lint.format);
      expect(findings).toEqual([
        'warning shop/api-to-web spec.egress[0].to[0] [one-sided-allow]: The rule lets shop/api[Deployment] connect to shop/web[Deployment] on TCP 8081, '
        + 'but the destinations\' ingress is isolated (by "baseline-deny-all") and no ingress rule accepts this traffic, so it stays denied: the allow is one-sided. '
        + 'Fix: Open the other end too: an ingress rule at the destinations from these pods on the same ports '
        + '(AllowTo writes it unless bothEnds is false; or add an AllowFrom at the destinations). (shop/api-to-web/Resource)',
        'warning shop/web-to-api spec.ingress[0].from[0] [one-sided-allow]: The rule lets shop/web[Deployment] connect to shop/api[Deployment] on TCP 8080, '
        + 'but their egress is isolated (by "baseline-deny-all", "baseline-allow-dns") and no egress rule lets them send this traffic, so it stays denied: the allow is one-sided. '
        + 'Fix: Open the other end too: an egress rule at the sources to these pods on the same ports '
        + '(AllowFrom writes it unless bothEnds is false; or add an AllowTo from the sources). (shop/web-to-api/Resource)',
      ]);
    });

    test('both ends, the default, leave nothing to report', () => {
      expect(Lint.of(shop()).filter((f) => f.rule === RULE)).toEqual([]);
    });
  });
});
