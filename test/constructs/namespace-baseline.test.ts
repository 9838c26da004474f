import { Testing } from 'cdk8s';
import { chartIn, policiesOf, policyNamed } from './synth-helpers';
import { NamespaceBaseline } from '../../src';

describe('NamespaceBaseline', () => {
  test('one line gives default deny both ways plus DNS egress', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    const baseline = new NamespaceBaseline(chart, 'baseline');
    // THEN
    expect(baseline.allowClusterEgress).toBeUndefined();
    expect(policiesOf(chart).map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual(['shop/baseline-deny-all', 'shop/baseline-allow-dns']);
    expect(policyNamed(chart, 'baseline-deny-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(policyNamed(chart, 'baseline-allow-dns').spec!.egress![0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('options add cluster-internal egress and pass DNS settings through', () => {
    const chart = chartIn('shop');
    new NamespaceBaseline(chart, 'zero-trust', {
      namespaceName: 'payments',
      allowClusterInternalEgress: true,
      podCidrs: ['10.244.0.0/16'],
      nodeLocalDns: true,
    });
    expect(policiesOf(chart).map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)).toEqual([
      'payments/zero-trust-deny-all', 'payments/zero-trust-allow-dns', 'payments/zero-trust-allow-cluster-egress',
    ]);
    expect(policyNamed(chart, 'zero-trust-allow-dns').spec!.egress![0].to).toContainEqual({ ipBlock: { cidr: '169.254.20.10/32' } });
    expect(policyNamed(chart, 'zero-trust-allow-cluster-egress').spec!.egress).toEqual([{
      to: [{ namespaceSelector: {} }, { ipBlock: { cidr: '10.244.0.0/16' } }],
    }]);
  });
});
