import { Lint } from '../../src/lint/lint';
import { LintFinding } from '../../src/lint/lint-finding';

const V2 = 'policy.networking.k8s.io/v1alpha2';

function cnp(name: string, spec: object, annotations?: Record<string, string>): object {
  return { apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name, ...(annotations ? { annotations } : {}) }, spec };
}

function tenant(name: string): object {
  return { namespaces: { matchLabels: { tenant: name } } };
}

const ALL_NAMESPACES = { namespaces: {} };

function namespace(name: string, labels: Record<string, string> = {}): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function deployment(ns: string, name: string, labels: Record<string, string>): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
  };
}

function networkPolicy(ns: string, name: string, spec: object): object {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

function findings(objects: object[], rule: string): LintFinding[] {
  return Lint.manifests(objects).filter((f) => f.rule === rule);
}

describe('cluster-policy-equal-priority', () => {
  test('two Admin-tier policies at one priority whose subjects can overlap', () => {
    const found = findings([
      cnp('b-second', { tier: 'Admin', priority: 10, subject: ALL_NAMESPACES, ingress: [] }),
      cnp('a-first', { tier: 'Admin', priority: 10, subject: tenant('a'), ingress: [] }),
    ], 'cluster-policy-equal-priority');
    expect(found).toHaveLength(1);
    expect(Lint.format(found[0])).toContain('ClusterNetworkPolicy b-second spec.priority');
    expect(found[0].message).toContain('ClusterNetworkPolicy a-first are both in the Admin tier at priority 10');
  });

  test('not for subjects that exclude each other, other priorities, other tiers, or policies both marked order-independent', () => {
    const independent = { 'cdk8s-netpol.io/order-independent': 'true' };
    expect(findings([
      cnp('a', { tier: 'Admin', priority: 10, subject: tenant('a') }),
      cnp('b', { tier: 'Admin', priority: 10, subject: tenant('b') }),
      cnp('c', { tier: 'Admin', priority: 11, subject: ALL_NAMESPACES }),
      cnp('d', { tier: 'Baseline', priority: 10, subject: ALL_NAMESPACES }),
      cnp('e', { tier: 'Admin', priority: 20, subject: ALL_NAMESPACES }, independent),
      cnp('f', { tier: 'Admin', priority: 20, subject: ALL_NAMESPACES }, independent),
    ], 'cluster-policy-equal-priority')).toEqual([]);
  });

  test('one policy marked order-independent is not enough', () => {
    expect(findings([
      cnp('e', { tier: 'Admin', priority: 20, subject: ALL_NAMESPACES }, { 'cdk8s-netpol.io/order-independent': 'true' }),
      cnp('f', { tier: 'Admin', priority: 20, subject: ALL_NAMESPACES }),
    ], 'cluster-policy-equal-priority').map((f) => f.name)).toEqual(['f']);
  });
});

describe('cluster-rule-shadowed', () => {
  test('a later rule inside an earlier one of the same direction never decides', () => {
    const found = findings([cnp('guard', {
      tier: 'Admin',
      priority: 5,
      subject: ALL_NAMESPACES,
      ingress: [
        { name: 'deny-tenants', action: 'Deny', from: [{ namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } }] },
        {
          name: 'allow-a',
          action: 'Accept',
          from: [{ pods: { namespaceSelector: { matchLabels: { tenant: 'a' } }, podSelector: { matchLabels: { app: 'web' } } } }],
          protocols: [{ tcp: { destinationPort: { number: 8080 } } }],
        },
      ],
      egress: [
        { action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 1024 } } } }] },
        { action: 'Deny', to: [{ networks: ['10.1.0.0/16'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] },
      ],
    })], 'cluster-rule-shadowed');
    expect(found.map((f) => f.fieldPath)).toEqual(['spec.egress[1]', 'spec.ingress[1]']);
    expect(found[1].message).toBe('spec.ingress[1] ("allow-a", Accept) never decides anything: spec.ingress[0] ("deny-tenants", Deny) '
      + 'matches every connection it matches and comes first, and the first matching rule of a policy decides.');
    expect(found[1].fix).toContain('Move it above spec.ingress[0]');
  });

  test('not when the earlier rule is narrower in peers, in ports, or names another protocol', () => {
    expect(findings([cnp('guard', {
      tier: 'Admin',
      priority: 5,
      subject: ALL_NAMESPACES,
      ingress: [
        { action: 'Deny', from: [{ namespaces: { matchLabels: { tenant: 'a' } } }] },
        { action: 'Accept', from: [{ namespaces: {} }] },
      ],
      egress: [
        { action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ udp: { destinationPort: { number: 53 } } }] },
        { action: 'Deny', to: [{ networks: ['10.1.0.0/16'] }], protocols: [{ tcp: { destinationPort: { number: 53 } } }] },
        { action: 'Deny', to: [{ networks: ['10.1.0.0/16'] }] },
      ],
    })], 'cluster-rule-shadowed')).toEqual([]);
  });
});

describe('network-policy-rule-overridden', () => {
  const shop = namespace('shop', { tenant: 'a' });
  const allow = networkPolicy('shop', 'allow-web', {
    podSelector: { matchLabels: { app: 'api' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }, { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
  });

  test('a NetworkPolicy rule for pods whose in-cluster ingress an Admin-tier rule decides first', () => {
    const found = findings([shop, allow, cnp('deny-all', {
      tier: 'Admin', priority: 1, subject: tenant('a'), ingress: [{ name: 'deny', action: 'Deny', from: [{ namespaces: {} }] }],
    })], 'network-policy-rule-overridden');
    expect(found.map((f) => `${f.namespaceName}/${f.name} ${f.fieldPath}`)).toEqual(['shop/allow-web spec.ingress[0]']);
    expect(found[0].message).toContain('ClusterNetworkPolicy deny-all (Admin tier, priority 1) spec.ingress[0] ("deny", Deny) decides every in-cluster ingress connection');
  });

  test('not when an earlier Admin-tier policy may pass the traffic down, nor when the Admin rule covers only some ports or pods', () => {
    const deny = cnp('deny-all', { tier: 'Admin', priority: 2, subject: tenant('a'), ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] });
    const pass = cnp('delegate', { tier: 'Admin', priority: 1, subject: ALL_NAMESPACES, ingress: [{ action: 'Pass', from: [{ namespaces: { matchLabels: { tenant: 'a' } } }] }] });
    expect(findings([shop, allow, deny, pass], 'network-policy-rule-overridden')).toEqual([]);
    expect(findings([shop, allow, cnp('some-ports', {
      tier: 'Admin',
      priority: 1,
      subject: tenant('a'),
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { number: 22 } } }] }],
    })], 'network-policy-rule-overridden')).toEqual([]);
    expect(findings([shop, allow, cnp('some-pods', {
      tier: 'Admin',
      priority: 1,
      subject: { pods: { namespaceSelector: { matchLabels: { tenant: 'a' } }, podSelector: { matchLabels: { app: 'db' } } } },
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
    })], 'network-policy-rule-overridden')).toEqual([]);
  });
});

describe('baseline-deny-not-widened', () => {
  const baseline = cnp('default-deny', { tier: 'Baseline', priority: 100, subject: ALL_NAMESPACES, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] });

  test('lists the workloads of a namespace that no NetworkPolicy selects for the denied direction', () => {
    const found = findings([
      namespace('shop'), namespace('blog'),
      deployment('shop', 'web', { app: 'web' }), deployment('shop', 'api', { app: 'api' }), deployment('blog', 'site', { app: 'site' }),
      networkPolicy('shop', 'api-in', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: {} }] }] }),
      networkPolicy('blog', 'egress-only', { podSelector: {}, policyTypes: ['Egress'] }),
      baseline,
    ], 'baseline-deny-not-widened');
    expect(found.map((f) => f.severity)).toEqual(['info', 'info']);
    const messages = found.map((f) => f.message);
    expect(messages.some((m) => m.includes('web[Deployment] in namespace "shop"'))).toBe(true);
    expect(messages.some((m) => m.includes('api[Deployment]'))).toBe(false);
    expect(messages.some((m) => m.includes('site[Deployment] in namespace "blog"'))).toBe(true);
  });

  test('not for an allow, a deny of some ports only, or workloads a NetworkPolicy isolates', () => {
    expect(findings([
      namespace('shop'), deployment('shop', 'web', { app: 'web' }),
      cnp('baseline-ports', {
        tier: 'Baseline',
        priority: 100,
        subject: ALL_NAMESPACES,
        ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { number: 22 } } }] }],
      }),
      cnp('baseline-allow', { tier: 'Baseline', priority: 101, subject: ALL_NAMESPACES, egress: [{ action: 'Accept', to: [{ namespaces: {} }] }] }),
    ], 'baseline-deny-not-widened')).toEqual([]);
    expect(findings([
      namespace('shop'), deployment('shop', 'web', { app: 'web' }), baseline,
      networkPolicy('shop', 'all-in', { podSelector: {}, ingress: [{}] }),
    ], 'baseline-deny-not-widened')).toEqual([]);
  });
});

test('the lint-ignore annotation silences a finding on a cluster policy', () => {
  expect(findings([
    cnp('b', { tier: 'Admin', priority: 10, subject: ALL_NAMESPACES }, { 'cdk8s-netpol.io/lint-ignore': 'cluster-policy-equal-priority' }),
    cnp('a', { tier: 'Admin', priority: 10, subject: ALL_NAMESPACES }),
  ], 'cluster-policy-equal-priority')).toEqual([]);
});
