import { Testing } from 'cdk8s';
import { chartIn, policyNamed } from './synth-helpers';
import { DefaultDenyAll, PolicyType, Pods } from '../../src';

describe('DefaultDenyAll', () => {
  test('by default it denies both directions for every pod', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    const deny = new DefaultDenyAll(chart, 'default-deny');
    // THEN
    expect(deny.deniedTypes).toEqual([PolicyType.INGRESS, PolicyType.EGRESS]);
    expect(policyNamed(chart, 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test.each([
    [[PolicyType.INGRESS], ['Ingress']],
    [[PolicyType.EGRESS], ['Egress']],
    [[PolicyType.EGRESS, PolicyType.INGRESS], ['Ingress', 'Egress']],
  ])('policyTypes %p isolates %p without any rule', (policyTypes, types) => {
    const chart = chartIn('shop');
    new DefaultDenyAll(chart, 'deny', { policyTypes });
    const spec = policyNamed(chart, 'deny').spec!;
    expect(spec.policyTypes).toEqual(types);
    expect(spec.ingress).toBeUndefined();
    expect(spec.egress).toBeUndefined();
  });

  test('it can isolate only selected pods, in another namespace, under another name', () => {
    const chart = chartIn('shop');
    new DefaultDenyAll(chart, 'deny', { pods: Pods.labelled({ app: 'db' }), namespaceName: 'data', policyName: 'db-deny', policyTypes: [PolicyType.INGRESS] });
    const policy = policyNamed(chart, 'db-deny');
    expect(policy.metadata).toEqual({ name: 'db-deny', namespace: 'data' });
    expect(policy.spec).toEqual({ podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] });
  });

  test('an empty policyTypes list is refused, and the old prop name is pointed to the new one', () => {
    const chart = chartIn('shop');
    expect(() => new DefaultDenyAll(chart, 'none', { policyTypes: [] })).toThrow(/policyTypes: must list at least one/);
    expect(() => new DefaultDenyAll(chart, 'old', { direction: 'INGRESS' } as any)).toThrow(/direction.*policyTypes/);
  });
});
