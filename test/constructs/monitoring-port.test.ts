import { Testing } from 'cdk8s';
import { chartIn, policyNamed } from './synth-helpers';
import { MonitoringPort, Namespaces, Pods, Port, Protocol } from '../../src';

describe('MonitoringPort', () => {
  test('a monitoring namespace may reach one port on every pod of the namespace', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    const monitoring = new MonitoringPort(chart, 'metrics', { port: Port.tcp(10050), scrapers: [Namespaces.named('monitor')] });
    // THEN
    expect(monitoring.port.toString()).toBe('TCP 10050');
    expect(policyNamed(chart, 'metrics').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitor' } } }],
        ports: [{ protocol: 'TCP', port: 10050 }],
      }],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('a named port on selected pods for Prometheus pods in one peer', () => {
    const chart = chartIn('shop');
    new MonitoringPort(chart, 'metrics', {
      port: Port.named('metrics', Protocol.TCP),
      scrapers: [Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))],
      pods: Pods.labelled({ app: 'api' }),
    });
    const spec = policyNamed(chart, 'metrics').spec!;
    expect(spec.podSelector).toEqual({ matchLabels: { app: 'api' } });
    expect(spec.ingress).toEqual([{
      from: [{ podSelector: { matchLabels: { app: 'prometheus' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ protocol: 'TCP', port: 'metrics' }],
    }]);
  });

  test('without scrapers it refuses to open the port to everyone', () => {
    const chart = chartIn('shop');
    expect(() => new MonitoringPort(chart, 'm', { port: Port.tcp(9100), scrapers: [] })).toThrow(
      'MonitoringPort m: no scrapers given, so every source could reach TCP 9100. Pass the monitoring pods, e.g. scrapers: [Namespaces.named("monitoring")].');
  });
});
