import { Testing } from 'cdk8s';
import { chartIn, policyNamed } from './synth-helpers';
import { DefaultDenyAll, PolicyDirection, Pods } from '../../src';

describe('DefaultDenyAll', () => {
  test('by default it denies both directions for every pod', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    const deny = new DefaultDenyAll(chart, 'default-deny');
    // THEN
    expect(deny.direction).toBe(PolicyDirection.BOTH);
    expect(policyNamed(chart, 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test.each([
    [PolicyDirection.INGRESS, ['Ingress']],
    [PolicyDirection.EGRESS, ['Egress']],
    [PolicyDirection.BOTH, ['Ingress', 'Egress']],
  ])('direction %s isolates %p without any rule', (direction, types) => {
    const chart = chartIn('shop');
    new DefaultDenyAll(chart, 'deny', { direction });
    const spec = policyNamed(chart, 'deny').spec!;
    expect(spec.policyTypes).toEqual(types);
    expect(spec.ingress).toBeUndefined();
    expect(spec.egress).toBeUndefined();
  });

  test('it can isolate only selected pods, in another namespace, under another name', () => {
    const chart = chartIn('shop');
    new DefaultDenyAll(chart, 'deny', { pods: Pods.labelled({ app: 'db' }), namespaceName: 'data', policyName: 'db-deny', direction: PolicyDirection.INGRESS });
    const policy = policyNamed(chart, 'db-deny');
    expect(policy.metadata).toEqual({ name: 'db-deny', namespace: 'data' });
    expect(policy.spec).toEqual({ podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] });
  });
});
