import { Chart, Testing } from 'cdk8s';
import { chartIn, synthError } from './synth-helpers';
import {
  BaselineDefaultDeny, ClusterGuardrail, ClusterNetworkPolicy, ClusterPeer, ClusterPolicyAction, ClusterPolicyApiVersion, ClusterPolicyValidator,
  DelegateToNamespaces, Namespaces, PolicyTier, Pods, Port, TenantIsolation,
} from '../../src';

const PROMETHEUS = Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'));
const KUBE_DNS = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
const DNS_PROTOCOLS = [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }];

function objects(chart: Chart): any[] {
  const all = Testing.synth(chart).filter((o) => String(o.apiVersion).startsWith('policy.networking.k8s.io/'));
  for (const o of all) expect(ClusterPolicyValidator.validate(o).filter((p) => p.severity === 'error')).toEqual([]);
  return all;
}

describe('ClusterGuardrail', () => {
  test('accepts the scrapers on the metrics port and DNS, at both ends of each connection, in the Admin tier', () => {
    const chart = chartIn();
    const guardrail = new ClusterGuardrail(chart, 'guardrail', { priority: 5, scrapers: PROMETHEUS, metricsPort: Port.tcp(9100) });
    expect([guardrail.workloads.name, guardrail.scrapers.name, guardrail.dns?.name]).toEqual(['guardrail-workloads', 'guardrail-scrapers', 'guardrail-dns']);
    const prometheusPods = { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } } };
    expect(objects(chart).map((o) => o.spec)).toEqual([
      {
        tier: 'Admin',
        priority: 5,
        subject: { namespaces: {} },
        ingress: [{ name: 'accept-scrapers', action: 'Accept', from: [prometheusPods], protocols: [{ tcp: { destinationPort: { number: 9100 } } }] }],
        egress: [{ name: 'accept-dns', action: 'Accept', to: [{ pods: KUBE_DNS }], protocols: DNS_PROTOCOLS }],
      },
      {
        tier: 'Admin',
        priority: 5,
        subject: prometheusPods,
        egress: [{ name: 'accept-scraping', action: 'Accept', to: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { number: 9100 } } }] }],
      },
      {
        tier: 'Admin',
        priority: 5,
        subject: { pods: KUBE_DNS },
        ingress: [{ name: 'accept-dns-queries', action: 'Accept', from: [{ namespaces: {} }], protocols: DNS_PROTOCOLS }],
      },
    ]);
  });

  test('its three policies share a priority without an error, but another Admin policy at that priority is refused', () => {
    const chart = chartIn();
    new ClusterGuardrail(chart, 'guardrail', { priority: 5, scrapers: PROMETHEUS, metricsPort: Port.named('metrics') });
    expect(() => Testing.synth(chart)).not.toThrow();
    new ClusterNetworkPolicy(chart, 'deny', { tier: PolicyTier.ADMIN, priority: 5, subject: Namespaces.all(), ingress: [{ action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods()] }] });
    expect(synthError(chart)).toContain('[test/deny] spec.priority: the ClusterNetworkPolicy "guardrail-workloads"');
  });

  test('NodeLocal DNSCache and v1alpha1', () => {
    const chart = chartIn();
    new ClusterGuardrail(chart, 'g', { priority: 1, scrapers: PROMETHEUS, metricsPort: Port.tcp(9100), nodeLocalDns: true, clusterDns: false, apiVersion: ClusterPolicyApiVersion.V1ALPHA1 });
    const rendered = objects(chart);
    expect(rendered.map((o) => o.kind)).toEqual(['AdminNetworkPolicy', 'AdminNetworkPolicy']);
    expect(rendered[0].spec.egress[0].to).toEqual([{ networks: ['169.254.20.10/32'] }]);
  });
});

describe('TenantIsolation', () => {
  test('one Admin policy per tenant denies traffic from and to every other tenant', () => {
    const chart = chartIn();
    const isolation = new TenantIsolation(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'], priority: 20 });
    expect(isolation.policies.map((p) => p.name)).toEqual(['tenants-a', 'tenants-b']);
    const others = (t: string) => ({ namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }, { key: 'tenant', operator: 'NotIn', values: [t] }] } });
    expect(objects(chart).map((o) => o.spec)).toEqual(['a', 'b'].map((t) => ({
      tier: 'Admin',
      priority: 20,
      subject: { namespaces: { matchLabels: { tenant: t } } },
      ingress: [{ name: 'deny-other-tenants', action: 'Deny', from: [others(t)] }],
      egress: [{ name: 'deny-other-tenants', action: 'Deny', to: [others(t)] }],
    })));
  });

  test('bad input: no tenants, an invalid label', () => {
    expect(() => new TenantIsolation(chartIn(), 't', { tenantLabel: 'tenant', tenants: [], priority: 1 }))
      .toThrow('test/t: TenantIsolation tenants: is an empty list. Fix: list the tenants');
    expect(() => new TenantIsolation(chartIn(), 't', { tenantLabel: 'bad key!', tenants: ['a'], priority: 1 })).toThrow(/label key "bad key!" is invalid/);
  });
});

describe('DelegateToNamespaces', () => {
  test('a Pass in both directions, ahead of a tenant isolation it carves an exception out of', () => {
    const chart = chartIn();
    new TenantIsolation(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'], priority: 20 });
    const delegate = new DelegateToNamespaces(chart, 'a-from-b', {
      priority: 10,
      subject: Namespaces.labelled({ tenant: 'a' }),
      peers: [Pods.labelled({ app: 'reporting' }).inNamespaces(Namespaces.labelled({ tenant: 'b' }))],
      ports: [Port.HTTPS],
    });
    expect(delegate.priority).toBe(10);
    const spec = objects(chart).find((o) => o.metadata.name === 'a-from-b').spec;
    const rule = { name: 'pass-to-namespaces', action: 'Pass', protocols: [{ tcp: { destinationPort: { number: 443 } } }] };
    const reporting = [{ pods: { namespaceSelector: { matchLabels: { tenant: 'b' } }, podSelector: { matchLabels: { app: 'reporting' } } } }];
    expect(spec).toEqual({
      tier: 'Admin',
      priority: 10,
      subject: { namespaces: { matchLabels: { tenant: 'a' } } },
      ingress: [{ ...rule, from: reporting }],
      egress: [{ ...rule, to: reporting }],
    });
  });

  test('one direction only; none is an error', () => {
    const chart = chartIn();
    new DelegateToNamespaces(chart, 'd', { priority: 1, subject: Namespaces.all(), peers: [Namespaces.named('x')], egress: false });
    expect(objects(chart)[0].spec.egress).toBeUndefined();
    expect(() => new DelegateToNamespaces(chartIn(), 'd', { priority: 1, subject: Namespaces.all(), peers: [Namespaces.named('x')], egress: false, ingress: false }))
      .toThrow('and egress are both false');
  });
});

describe('BaselineDefaultDeny', () => {
  test('Baseline-tier deny of every pod in and every pod and address out, with DNS kept open', () => {
    const chart = chartIn();
    new BaselineDefaultDeny(chart, 'deny', { subject: Namespaces.labelled({ tenant: 'a' }), priority: 100 });
    expect(objects(chart)[0].spec).toEqual({
      tier: 'Baseline',
      priority: 100,
      subject: { namespaces: { matchLabels: { tenant: 'a' } } },
      ingress: [{ name: 'deny-all', action: 'Deny', from: [{ namespaces: {} }] }],
      egress: [
        { name: 'accept-dns', action: 'Accept', to: [{ pods: KUBE_DNS }], protocols: DNS_PROTOCOLS },
        { name: 'deny-all', action: 'Deny', to: [{ namespaces: {} }, { networks: ['0.0.0.0/0', '::/0'] }] },
      ],
    });
  });

  test('as the v1alpha1 BaselineAdminNetworkPolicy, ingress only', () => {
    const chart = chartIn();
    new BaselineDefaultDeny(chart, 'deny', { subject: Namespaces.all(), priority: 0, denyEgress: false, apiVersion: ClusterPolicyApiVersion.V1ALPHA1 });
    expect(objects(chart)).toEqual([{
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: { subject: { namespaces: {} }, ingress: [{ name: 'deny-all', action: 'Deny', from: [{ namespaces: {} }] }] },
    }]);
  });
});

describe('intent constructs check their priority where it is written', () => {
  test.each([
    ['ClusterGuardrail', () => new ClusterGuardrail(chartIn(), 'g', { priority: -1, scrapers: PROMETHEUS, metricsPort: Port.tcp(9100) })],
    ['TenantIsolation', () => new TenantIsolation(chartIn(), 'g', { tenantLabel: 'tenant', tenants: ['a'], priority: 1.5 })],
    ['DelegateToNamespaces', () => new DelegateToNamespaces(chartIn(), 'g', { priority: 2000, subject: Namespaces.all(), peers: [Namespaces.all()] })],
    ['BaselineDefaultDeny', () => new BaselineDefaultDeny(chartIn(), 'g', { priority: '5' as unknown as number, subject: Namespaces.all() })],
  ])('%s', (construct, build) => {
    expect(build).toThrow(new RegExp(`^test/g: ${construct} priority: is .*, and a priority is a whole number from 0 to 1000\\. Fix: `));
  });
});
