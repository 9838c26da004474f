import { DNS_EGRESS_RULE, findingsOf, policy, workload } from './cluster-fixture';
import { LintLevel } from '../../src/lint/lint-finding';

describe('egress-without-dns', () => {
  test('fires for a policy that isolates egress and allows no DNS', () => {
    // GIVEN
    const denyAll = policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

    // WHEN
    const findings = findingsOf('egress-without-dns', { policies: [denyAll] });

    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', namespaceName: 'shop', name: 'deny-all', fieldPath: 'spec.egress' });
    expect(findings[0].message).toContain('UDP 53 and TCP 53 are blocked');
    expect(findings[0].fix).toContain('cdk8s-netpol.io/allow-no-dns');
  });

  test('stays silent when the same policy allows UDP and TCP 53 to kube-dns', () => {
    const baseline = policy('baseline', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_EGRESS_RULE] });
    expect(findingsOf('egress-without-dns', { policies: [baseline] })).toEqual([]);
  });

  test('stays silent when another policy covering the same pods allows DNS', () => {
    const baseline = policy('baseline', { podSelector: {}, policyTypes: ['Egress'], egress: [DNS_EGRESS_RULE] });
    const web = policy('web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] });
    expect(findingsOf('egress-without-dns', { policies: [baseline, web] })).toEqual([]);
  });

  test('says which protocol is missing when only UDP 53 is allowed', () => {
    const udpOnly = policy('udp-only', {
      podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }],
    });
    const [finding] = findingsOf('egress-without-dns', { policies: [udpOnly] });
    expect(finding.message).toContain('TCP 53 is blocked');
  });

  test('counts a rule to any peer on port 53, such as a node-local DNS address', () => {
    const nodeLocal = policy('node-local', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
    });
    expect(findingsOf('egress-without-dns', { policies: [nodeLocal] })).toEqual([]);
  });

  test('does not count an all-ports rule to pods that cannot be the cluster DNS', () => {
    const toDb = policy('to-db', {
      podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }],
    });
    expect(findingsOf('egress-without-dns', { policies: [toDb] })).toHaveLength(1);
  });

  test('is silenced by the allow-no-dns annotation', () => {
    const batch = policy('batch', { podSelector: {}, policyTypes: ['Egress'] },
      { annotations: { 'cdk8s-netpol.io/allow-no-dns': 'true' } });
    expect(findingsOf('egress-without-dns', { policies: [batch] })).toEqual([]);
  });

  test('is silenced by turning the rule off', () => {
    const denyAll = policy('deny-all', { podSelector: {}, policyTypes: ['Egress'] });
    const findings = findingsOf('egress-without-dns', { policies: [denyAll] }, { rules: { 'egress-without-dns': LintLevel.OFF } });
    expect(findings).toEqual([]);
  });

  test('groups the affected workloads when workloads are known', () => {
    // GIVEN two workloads isolated by one policy, a third one covered by a DNS rule
    const denyWeb = policy('deny-web', { podSelector: { matchLabels: { tier: 'front' } }, policyTypes: ['Egress'] });
    const apiDns = policy('api-dns', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [DNS_EGRESS_RULE] });
    const workloads = [
      workload('web', { app: 'web', tier: 'front' }),
      workload('shop-ui', { app: 'ui', tier: 'front' }),
      workload('api', { app: 'api', tier: 'back' }),
    ];

    // WHEN
    const findings = findingsOf('egress-without-dns', { policies: [denyWeb, apiDns], workloads });

    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0].name).toBe('deny-web');
    expect(findings[0].message).toContain('shop/web[Deployment], shop/shop-ui[Deployment]');
    expect(findings[0].message).not.toContain('shop/api');
  });

  test('accepts an all-ports rule to a known DNS workload', () => {
    const toDns = policy('to-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] }],
    });
    const workloads = [
      workload('web', { app: 'web' }),
      { namespace: 'kube-system', name: 'coredns', kind: 'Deployment', labels: { 'k8s-app': 'kube-dns' } },
    ];
    expect(findingsOf('egress-without-dns', { policies: [toDns], workloads })).toEqual([]);
  });
});

describe('egress-without-dns with workloads in some namespaces only', () => {
  test('checks a policy per policy when its namespace has no workloads in the input', () => {
    const elsewhere = policy('deny-all', { podSelector: {}, policyTypes: ['Egress'] }, { namespace: 'elsewhere' });
    const findings = findingsOf('egress-without-dns', { policies: [elsewhere], workloads: [workload('web', { app: 'web' })] });
    expect(findings.map((f) => `${f.namespaceName}/${f.name}`)).toEqual(['elsewhere/deny-all']);
    expect(findings[0].message).toContain('The policy isolates its pods for egress');
  });
});

describe('egress-without-dns with port ranges', () => {
  const rangePolicy = (start: number, end: number) => policy('range', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{ ports: [{ protocol: 'UDP', port: start, endPort: end }, { protocol: 'TCP', port: start, endPort: end }] }],
  });

  test('counts a range that contains 53', () => {
    expect(findingsOf('egress-without-dns', { policies: [rangePolicy(50, 60)] })).toEqual([]);
  });

  test('counts a range that ends on 53', () => {
    expect(findingsOf('egress-without-dns', { policies: [rangePolicy(40, 53)] })).toEqual([]);
  });

  test('fires for a range that starts above 53', () => {
    expect(findingsOf('egress-without-dns', { policies: [rangePolicy(54, 60)] })).toHaveLength(1);
  });

  test('fires for a range that ends below 53', () => {
    expect(findingsOf('egress-without-dns', { policies: [rangePolicy(40, 52)] })).toHaveLength(1);
  });
});
