import { Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Describe } from '../../src/describe/describe';

describe('Describe', () => {
  test('describes one NetworkPolicy manifest', () => {
    const text = Describe.manifest({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny', namespace: 'shop' },
      spec: { podSelector: {} },
    });
    expect(text.split('\n')[0]).toBe('NetworkPolicy shop/deny');
  });

  test('refuses an object that is not a NetworkPolicy, naming its kind', () => {
    expect(() => Describe.manifest({ kind: 'Service' }))
      .toThrow('Describe.manifest expects a NetworkPolicy object, but got kind "Service". Pass one NetworkPolicy manifest.');
  });

  test('describes every NetworkPolicy of a chart, separated by a blank line, and nothing else', () => {
    // GIVEN
    const chart = Testing.chart();
    new k8s.KubeNetworkPolicy(chart, 'a', { metadata: { name: 'a' }, spec: { podSelector: {} } });
    new k8s.KubeService(chart, 'svc', { metadata: { name: 'svc' }, spec: { ports: [{ port: 80 }] } });
    new k8s.KubeNetworkPolicy(chart, 'b', { metadata: { name: 'b' }, spec: { podSelector: {}, policyTypes: ['Egress'] } });

    // WHEN
    const blocks = Describe.of(chart).split('\n\n');

    // THEN
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['NetworkPolicy a (no namespace set: it applies in the namespace it is created in)', 'NetworkPolicy b (no namespace set: it applies in the namespace it is created in)']);
  });

  test('is empty for a chart without policies', () => {
    expect(Describe.of(Testing.chart())).toBe('');
  });
});
