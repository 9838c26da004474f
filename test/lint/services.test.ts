import { servicesFromManifests } from '../../src/lint/services';

describe('servicesFromManifests', () => {
  test('reads selector, ports with defaults, and cluster IPs without None', () => {
    const [service] = servicesFromManifests([{
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10', 'fd00::a'],
        ports: [{ name: 'http', port: 80, targetPort: 'http' }, { port: 53, protocol: 'UDP' }, { port: 81, targetPort: '8081' }],
      },
    }]);
    expect(service).toEqual({
      namespace: 'default',
      name: 'web',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { port: 53, targetPort: 53, protocol: 'UDP' },
        { port: 81, targetPort: 8081, protocol: 'TCP' },
      ],
      clusterIps: ['10.96.0.10', 'fd00::a'],
    });
  });

  test('flattens lists, unwraps loaded documents and skips headless IPs and other kinds', () => {
    const services = servicesFromManifests([
      { kind: 'List', items: [{ kind: 'Service', metadata: { name: 'a', namespace: 'x' }, spec: { clusterIP: 'None' } }] },
      { object: { kind: 'Service', metadata: { name: 'b', namespace: 'y' }, spec: {} } },
      { kind: 'Deployment', metadata: { name: 'c' } },
    ]);
    expect(services.map((s) => `${s.namespace}/${s.name} ${s.clusterIps.length} ${s.selector === undefined}`)).toEqual(['x/a 0 true', 'y/b 0 true']);
  });

  test('skips what it cannot read instead of throwing', () => {
    expect(servicesFromManifests([null, 'text', { kind: 'Service', metadata: {} }, { kind: 'Service', metadata: { name: 'd' }, spec: { ports: [{ port: 'x' }, { port: 1, protocol: 'tcp' }] } }]))
      .toEqual([{ namespace: 'default', name: 'd', ports: [], clusterIps: [] }]);
  });
});
