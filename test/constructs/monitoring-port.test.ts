import { Testing } from 'cdk8s';
import { chartIn, policyNamed } from './synth-helpers';
import { MonitoringPort, MonitoringPortProps, Namespaces, Pods, Port, Protocol } from '../../src';

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
      'test/m: MonitoringPort scrapers: is an empty list, and no peers would mean every peer. '
      + 'Fix: list the peers, e.g. scrapers: [Namespaces.named("monitoring")], or scrapers: [Peer.anywhere()] to mean every peer on purpose.');
  });

  test('trap: missing props became allow-all (no scrapers, no port)', () => {
    const chart = chartIn('shop');
    const untyped = (props: object) => props as MonitoringPortProps;
    expect(() => new MonitoringPort(chart, 'm', untyped({ port: Port.tcp(9100) }))).toThrow(
      'test/m: MonitoringPort scrapers: is undefined, and no peers would mean every peer.');
    expect(() => new MonitoringPort(chart, 'n', untyped({ scrapers: [Namespaces.named('monitoring')] }))).toThrow(
      'test/n: MonitoringPort port: is undefined. Fix: create ports with Port.tcp(8080), Port.named("metrics"), Port.allTraffic(), ….');
    expect(() => new MonitoringPort(chart, 'o', untyped({ port: Port.tcp(9100), scrapers: [Namespaces.named('monitoring')], podSelector: Pods.all() }))).toThrow(
      'test/o: MonitoringPort: unknown property podSelector; did you mean pods?');
  });
});
