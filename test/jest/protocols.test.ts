/**
 * The matchers and the jsii assertions carry the protocol through: a UDP or SCTP allow must not
 * read as TCP, and a TCP port must not be admitted by a UDP or SCTP rule.
 */
import { Endpoint, Port, Reachability } from '../../src';
import '../../src/jest';

const deployment = (name: string, ports: object[]) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 't' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name, ports }] } },
  },
});

/** server accepts UDP 5353 and SCTP 3868 from client, and nothing else. */
function reachability(): Reachability {
  return Reachability.fromManifests([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 't' } },
    deployment('client', []),
    deployment('server', [{ containerPort: 5353, protocol: 'UDP' }, { containerPort: 3868, protocol: 'SCTP' }]),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'server', namespace: 't' },
      spec: {
        podSelector: { matchLabels: { app: 'server' } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ podSelector: { matchLabels: { app: 'client' } } }],
          ports: [{ protocol: 'UDP', port: 5353 }, { protocol: 'SCTP', port: 3868 }],
        }],
      },
    },
  ]);
}

const client = Endpoint.workload('t/client');
const server = Endpoint.workload('t/server');

describe.each([
  ['UDP', Port.udp(5353), [Port.tcp(5353), Port.sctp(5353), Port.udp(5354)]],
  ['SCTP', Port.sctp(3868), [Port.tcp(3868), Port.udp(3868), Port.sctp(3869)]],
])('a %s allow', (_name, allowed, others) => {
  test('passes toAllow and fails toDeny for its own protocol and port', () => {
    const reach = reachability();
    expect(reach).toAllow(client, server, allowed);
    expect(() => expect(reach).toDeny(client, server, allowed)).toThrow(`on ${allowed} to be denied, but it is allowed`);
  });

  test('passes toDeny and fails toAllow for another protocol or port', () => {
    const reach = reachability();
    for (const other of others) {
      expect(reach).toDeny(client, server, other);
      expect(() => expect(reach).toAllow(client, server, other)).toThrow(`on ${other} to be allowed, but it is denied`);
    }
  });

  test('answers the same through the jsii assertions', () => {
    const reach = reachability();
    expect(reach.isAllowed(client, server, allowed)).toBe(true);
    reach.assertAllowed(client, server, allowed);
    expect(() => reach.assertDenied(client, server, allowed)).toThrow(/allowed/);
    for (const other of others) {
      expect(reach.isAllowed(client, server, other)).toBe(false);
      reach.assertDenied(client, server, other);
      expect(() => reach.assertAllowed(client, server, other)).toThrow(/denied/);
    }
  });
});
