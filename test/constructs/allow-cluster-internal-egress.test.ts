import { Testing } from 'cdk8s';
import { chartIn, policyNamed } from './synth-helpers';
import { AllowClusterInternalEgress, Pods, Port } from '../../src';

describe('AllowClusterInternalEgress', () => {
  test('allows egress to every pod of every namespace and nothing else', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    new AllowClusterInternalEgress(chart, 'in-cluster');
    // THEN
    expect(policyNamed(chart, 'in-cluster').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }] }] });
    expect(JSON.stringify(Testing.synth(chart))).not.toContain('0.0.0.0/0');
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('pod and service CIDRs are added as IP blocks, with optional ports and pods', () => {
    const chart = chartIn('shop');
    new AllowClusterInternalEgress(chart, 'in-cluster', {
      pods: Pods.labelled({ app: 'api' }),
      podCidrs: ['10.244.0.0/16'],
      serviceCidrs: ['10.96.0.0/12', 'fd00:10:96::/112'],
      ports: [Port.allTcp()],
    });
    expect(policyNamed(chart, 'in-cluster').spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{
        to: [
          { namespaceSelector: {} },
          { ipBlock: { cidr: '10.244.0.0/16' } },
          { ipBlock: { cidr: '10.96.0.0/12' } },
          { ipBlock: { cidr: 'fd00:10:96::/112' } },
        ],
        ports: [{ protocol: 'TCP' }],
      }],
    });
  });

  test('a /0 CIDR is refused: it is the internet, not the cluster', () => {
    const chart = chartIn('shop');
    expect(() => new AllowClusterInternalEgress(chart, 'x', { podCidrs: ['0.0.0.0/0'] })).toThrow(
      'AllowClusterInternalEgress: podCidrs contains "0.0.0.0/0", which is every address, not the cluster\'s. Give the cluster\'s own range, e.g. "10.244.0.0/16".');
    expect(() => new AllowClusterInternalEgress(chart, 'y', { serviceCidrs: ['::/0'] })).toThrow(/serviceCidrs contains "::\/0"/);
  });
});
