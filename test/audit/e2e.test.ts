/**
 * The upstream e2e expectations of docs/semantics.md B.12 (kubernetes/kubernetes
 * test/e2e/network/netpol/network_policy.go), on the e2e topology: namespaces x, y, z with
 * pods a, b, c each, serving 80 and 81 on TCP, UDP and SCTP under e2e's port names.
 */
import { e2eTopology, endpoint, policy } from './objects';
import { Reachability } from '../../src/testing/reachability';
import { Port } from '../../src/values/port';

const PODS = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'];
const podB = { matchLabels: { pod: 'b' } };
const podA = { matchLabels: { pod: 'a' } };
const notInX = { matchExpressions: [{ key: 'ns', operator: 'NotIn', values: ['x'] }] };

/** The sources (other than the destination itself) that reach `destination` on `port`. */
function sourcesOf(reach: Reachability, destination: string, port: Port): string[] {
  return PODS.filter((s) => s !== destination && reach.isAllowed(endpoint(s), endpoint(destination), port));
}

function cluster(...policies: any[]): Reachability {
  return Reachability.fromManifests([...e2eTopology(), ...policies]);
}

test('a podSelector: {} policy without rules in x makes every x pod unreachable; y to y stays open', () => {
  const r = cluster(policy('x/deny-all', { podSelector: {} }));
  for (const dst of ['x/a', 'x/b', 'x/c']) expect(sourcesOf(r, dst, Port.tcp(80))).toEqual([]);
  expect(sourcesOf(r, 'y/a', Port.tcp(80))).toEqual(PODS.filter((p) => p !== 'y/a'));
});

test('ingress from {podSelector: pod=b} on x/a admits only x/b', () => {
  const r = cluster(policy('x/allow-b', { podSelector: podA, ingress: [{ from: [{ podSelector: podB }] }] }));
  expect(sourcesOf(r, 'x/a', Port.tcp(80))).toEqual(['x/b']);
});

test('{namespaceSelector: NotIn [x]} OR {podSelector: pod=b}: x/b and every y, z pod; not x/c', () => {
  const r = cluster(policy('x/or', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: notInX }, { podSelector: podB }] }] }));
  expect(sourcesOf(r, 'x/a', Port.tcp(80))).toEqual(['x/b', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c']);
});

test('{namespaceSelector: NotIn [x], podSelector: pod=b} (AND): only y/b and z/b', () => {
  const r = cluster(policy('x/and', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: notInX, podSelector: podB }] }] }));
  expect(sourcesOf(r, 'x/a', Port.tcp(80))).toEqual(['y/b', 'z/b']);
});

test('namespaceSelector: {} admits x, y and z; podSelector: {} admits only x', () => {
  const all = cluster(policy('x/all-ns', { podSelector: podA, ingress: [{ from: [{ namespaceSelector: {} }] }] }));
  expect(sourcesOf(all, 'x/a', Port.tcp(80))).toEqual(PODS.filter((p) => p !== 'x/a'));
  const local = cluster(policy('x/local', { podSelector: podA, ingress: [{ from: [{ podSelector: {} }] }] }));
  expect(sourcesOf(local, 'x/a', Port.tcp(80))).toEqual(['x/b', 'x/c']);
});

test('two stacked policies for ports 81 and 80 open each port', () => {
  const r = cluster(
    policy('x/p81', { podSelector: podA, ingress: [{ ports: [{ port: 81 }] }] }),
    policy('x/p80', { podSelector: podA, ingress: [{ ports: [{ port: 80 }] }] }),
  );
  expect(sourcesOf(r, 'x/a', Port.tcp(80))).toHaveLength(8);
  expect(sourcesOf(r, 'x/a', Port.tcp(81))).toHaveLength(8);
  expect(sourcesOf(r, 'x/a', Port.tcp(82))).toEqual([]);
});

test('allow-all (ingress: [{}]) next to a port-80 policy opens port 81', () => {
  const portOnly = policy('x/p80', { podSelector: podA, ingress: [{ ports: [{ port: 80 }] }] });
  expect(sourcesOf(cluster(portOnly), 'x/a', Port.tcp(81))).toEqual([]);
  const r = cluster(portOnly, policy('x/allow-all', { podSelector: podA, ingress: [{}] }));
  expect(sourcesOf(r, 'x/a', Port.tcp(81))).toHaveLength(8);
  expect(sourcesOf(r, 'x/a', Port.udp(81))).toHaveLength(8);
});

test('a named ingress port serve-81-tcp opens 81 and closes 80 for every source', () => {
  const r = cluster(policy('x/named', { podSelector: podA, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] }));
  expect(sourcesOf(r, 'x/a', Port.tcp(81))).toHaveLength(8);
  expect(sourcesOf(r, 'x/a', Port.tcp(80))).toEqual([]);
  expect(sourcesOf(r, 'x/a', Port.udp(81))).toEqual([]);
});

test('an egress named port serve-80-tcp resolves on the destination pods', () => {
  const r = cluster(policy('x/named-egress', { podSelector: podA, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-tcp' }] }] }));
  expect(r.isAllowed(endpoint('x/a'), endpoint('y/b'), Port.tcp(80))).toBe(true);
  expect(r.isAllowed(endpoint('x/a'), endpoint('y/b'), Port.tcp(81))).toBe(false);
  expect(r.isAllowed(endpoint('x/a'), endpoint('203.0.113.9'), Port.tcp(80))).toBe(false);
});

test('egress port 80 with [Egress, Ingress] plus ingress from pod=b: on 81 x/a neither sends nor receives, except from x/b', () => {
  const r = cluster(policy('x/both', {
    podSelector: podA,
    policyTypes: ['Egress', 'Ingress'],
    egress: [{ ports: [{ port: 80 }] }],
    ingress: [{ from: [{ podSelector: podB }] }],
  }));
  for (const dst of PODS.filter((p) => p !== 'x/a')) {
    expect(r.isAllowed(endpoint('x/a'), endpoint(dst), Port.tcp(81))).toBe(false);
    expect(r.isAllowed(endpoint('x/a'), endpoint(dst), Port.tcp(80))).toBe(true);
  }
  expect(sourcesOf(r, 'x/a', Port.tcp(81))).toEqual(['x/b']);
});

test('a protocol-only ingress {protocol: TCP} opens TCP 80 and keeps UDP 80 closed', () => {
  const r = cluster(policy('x/tcp', { podSelector: podA, ingress: [{ ports: [{ protocol: 'TCP' }] }] }));
  expect(sourcesOf(r, 'x/a', Port.tcp(80))).toHaveLength(8);
  expect(sourcesOf(r, 'x/a', Port.udp(80))).toEqual([]);
});

test('an SCTP-only or UDP-only allow keeps TCP blocked', () => {
  const sctp = cluster(policy('x/sctp', { podSelector: podA, ingress: [{ ports: [{ protocol: 'SCTP', port: 80 }] }] }));
  expect(sourcesOf(sctp, 'x/a', Port.tcp(80))).toEqual([]);
  expect(sourcesOf(sctp, 'x/a', Port.sctp(80))).toHaveLength(8);
  const udp = cluster(policy('x/udp', { podSelector: podA, ingress: [{ ports: [{ protocol: 'UDP', port: 80 }] }] }));
  expect(sourcesOf(udp, 'x/a', Port.tcp(80))).toEqual([]);
  expect(sourcesOf(udp, 'x/a', Port.udp(80))).toHaveLength(8);
});

test('egress denied at the client even when the server allows it', () => {
  const r = cluster(
    policy('x/deny-egress', { podSelector: podA, policyTypes: ['Egress'] }),
    policy('y/allow-in', { podSelector: {}, ingress: [{}] }),
  );
  expect(r.isAllowed(endpoint('x/a'), endpoint('y/b'), Port.tcp(80))).toBe(false);
});

test('updating a pod label changes the result: a pod relabelled pod=b is admitted', () => {
  const p = policy('x/allow-b', { podSelector: podA, ingress: [{ from: [{ podSelector: podB }] }] });
  const topology = e2eTopology();
  expect(Reachability.fromManifests([...topology, p]).isAllowed(endpoint('x/c'), endpoint('x/a'), Port.tcp(80))).toBe(false);
  const relabelled = topology.map((o) => (o.kind === 'Pod' && o.metadata.namespace === 'x' && o.metadata.name === 'c'
    ? { ...o, metadata: { ...o.metadata, labels: { pod: 'b' } } } : o));
  expect(Reachability.fromManifests([...relabelled, p]).isAllowed(endpoint('x/c'), endpoint('x/a'), Port.tcp(80))).toBe(true);
});
