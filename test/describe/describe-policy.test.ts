import { describePolicy } from '../../src/describe/describe-policy';
import { NetworkPolicyManifest } from '../../src/model/manifest';

function np(spec: NetworkPolicyManifest['spec'], namespace = 'shop'): NetworkPolicyManifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', ...(namespace ? { namespace } : {}) }, spec };
}

describe('describePolicy', () => {
  test('describes a policy with rules in both directions', () => {
    // GIVEN
    const manifest = np({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ port: 53, protocol: 'UDP' }],
      }],
    });

    // WHEN
    const text = describePolicy(manifest);

    // THEN
    expect(text).toBe([
      'NetworkPolicy shop/p',
      '  Selects: pods where app=api, in namespace "shop".',
      '  Policy types: Ingress, Egress.',
      '  Ingress: the selected pods are isolated; this policy allows connections in:',
      '    1. from pods where app=web, in namespace "shop" (the policy\'s own), on TCP port 8080',
      '  Egress: the selected pods are isolated; this policy allows connections out:',
      '    1. to pods where k8s-app=kube-dns, in namespace "kube-system", on UDP port 53',
    ].join('\n'));
  });

  test('a missing podSelector selects every pod of the namespace', () => {
    expect(describePolicy(np({}))).toContain('Selects: every pod in namespace "shop".');
  });

  test('says when policyTypes was defaulted, and why Egress was added', () => {
    expect(describePolicy(np({ podSelector: {} }))).toContain('Policy types: Ingress (not set, so the API server sets Ingress only).');
    expect(describePolicy(np({ podSelector: {}, egress: [{}] })))
      .toContain('Policy types: Ingress, Egress (not set, so the API server sets Ingress, and Egress because egress rules are present).');
  });

  test('egress: [] does not add Egress, as in the API server', () => {
    const text = describePolicy(np({ podSelector: {}, egress: [] }));
    expect(text).toContain('Policy types: Ingress (not set');
    expect(text).toContain('Egress: not affected (policyTypes does not list Egress).');
  });

  test('a listed direction without rules denies everything', () => {
    expect(describePolicy(np({ podSelector: {}, policyTypes: ['Egress'] })))
      .toContain('Egress: the selected pods are isolated and this policy allows nothing out (deny all).');
  });

  test('rules for a direction not in policyTypes are called out as ignored', () => {
    expect(describePolicy(np({ podSelector: {}, policyTypes: ['Ingress'], egress: [{}, {}] })))
      .toContain('Egress: not affected (policyTypes does not list Egress); its 2 egress rules are ignored.');
  });

  test('ingress: [{}] allows everything from anywhere', () => {
    expect(describePolicy(np({ podSelector: {}, ingress: [{}] })))
      .toContain('1. from anywhere (every pod in every namespace, and every IP address), on any port and protocol');
  });

  test('several peers are listed one per line, ORed, with the ports after them', () => {
    const text = describePolicy(np({
      podSelector: {},
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { ipBlock: { cidr: '192.0.2.0/24' } }],
        ports: [{ port: 'metrics' }],
      }],
    }));
    expect(text).toContain([
      '    1. from any of:',
      '         - every pod in namespaces where team=ops',
      '         - IP addresses in 192.0.2.0/24',
      '       on the TCP port named "metrics"',
    ].join('\n'));
  });

  test('NotIn in a peer selector says it also matches pods without the label', () => {
    const text = describePolicy(np({
      podSelector: {},
      ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] } }] }],
    }));
    expect(text).toContain('from pods where (env!=prod or label env is absent), in namespace "shop" (the policy\'s own)');
  });

  test('a policy without namespace says where it applies', () => {
    const text = describePolicy(np({ podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }, ''));
    expect(text).toContain('NetworkPolicy p (no namespace set: it applies in the namespace it is created in)');
    expect(text).toContain('Selects: every pod in the policy\'s namespace.');
    expect(text).toContain('from every pod in the policy\'s own namespace');
  });
});
