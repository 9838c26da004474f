/**
 * A third, independent reading of docs/semantics.md#algorithm, written from the spec alone (it shares
 * no code with src/eval or its reference evaluator), compared with Reachability on random
 * small clusters of valid policies: namespaces with labels, pods with labels, named container
 * ports and one IPv4 or IPv6 address, and policies using every selector operator, peer shape, port
 * shape and policyTypes spelling the API server accepts, with ipBlocks matching pod IPs or not.
 */
import * as fc from 'fast-check';
import { endpoint, namespace, pod, policy } from './objects';
import { Reachability } from '../../src/testing/reachability';
import { Port } from '../../src/values/port';
import { propertyRuns } from '../property-runs';

type Labels = Record<string, string>;
interface PodModel { ns: string; name: string; labels: Labels; ports: { name: string; containerPort: number; protocol: string }[]; ip: string }
interface Model {
  namespaces: Record<string, Labels>;
  pods: PodModel[];
  policies: { ns: string; name: string; spec: any }[];
  ipBlockMatchesPodIps: boolean;
}

const NAMESPACES = ['x', 'y'];
const KEYS = ['app', 'env', 'kubernetes.io/metadata.name'];
const VALUES = ['a', 'b', '', 'x'];
const PORT_NAMES = ['http', 'dns'];
const NUMBERS = [53, 80, 81];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const IPS = ['10.0.0.1', '10.0.1.2', '192.168.3.4', 'fd00::1', 'fd00:0:0:1::2'];
const EXTERNAL = ['10.0.0.9', '10.0.1.200', '203.0.113.1', 'fd00::9', 'fd00:0:0:1::200', '2001:db8::1'];
const CIDRS: { cidr: string; except?: string[] }[] = [
  { cidr: '10.0.0.0/16' }, { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] }, { cidr: '10.0.1.0/24' },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, { cidr: '10.0.0.1/32' },
  { cidr: 'fd00::/48', except: ['fd00:0:0:1::/64'] }, { cidr: '::/0' }, { cidr: 'fd00::1/128' },
];

const labelsArb = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 });
const selectorArb: fc.Arbitrary<any> = fc.record({
  matchLabels: fc.option(labelsArb, { nil: undefined }),
  matchExpressions: fc.option(fc.array(fc.oneof(
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }) }),
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  ), { maxLength: 2 }), { nil: undefined }),
}, { requiredKeys: [] });
const peerArb: fc.Arbitrary<any> = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: selectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: selectorArb }),
  fc.constantFrom(...CIDRS).map((b) => ({ ipBlock: b })),
);
const portArb: fc.Arbitrary<any> = fc.record({
  protocol: fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined }),
  port: fc.option(fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...PORT_NAMES)), { nil: undefined }),
}, { requiredKeys: [] }).chain((p) => (typeof p.port === 'number'
  ? fc.option(fc.integer({ min: p.port, max: p.port + 2 }), { nil: undefined }).map((e) => (e === undefined ? p : { ...p, endPort: e }))
  : fc.constant(p)));
const listArb = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[] | undefined> => fc.option(fc.array(item, { maxLength: 2 }), { nil: undefined });
const ruleArb = (peerKey: 'from' | 'to'): fc.Arbitrary<any> => fc.record({ [peerKey]: listArb(peerArb), ports: listArb(portArb) }, { requiredKeys: [] });
const specArb: fc.Arbitrary<any> = fc.record({
  podSelector: fc.option(selectorArb, { nil: undefined }),
  policyTypes: fc.option(fc.constantFrom([], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']), { nil: undefined }),
  ingress: listArb(ruleArb('from')),
  egress: listArb(ruleArb('to')),
}, { requiredKeys: [] });

const modelArb: fc.Arbitrary<Model> = fc.record({
  namespaces: fc.record({ x: labelsArb, y: labelsArb }),
  pods: fc.array(fc.record({
    ns: fc.constantFrom(...NAMESPACES),
    labels: labelsArb,
    ports: fc.array(fc.record({
      name: fc.constantFrom(...PORT_NAMES),
      containerPort: fc.constantFrom(...NUMBERS),
      protocol: fc.constantFrom(...PROTOCOLS),
    }), { maxLength: 2 }),
    ip: fc.constantFrom(...IPS),
  }), { minLength: 2, maxLength: 4 }).map((pods) => pods.map((p, i) => ({
    ...p,
    name: `p${i}`,
    // One container may not declare a name twice.
    ports: p.ports.filter((q, j) => p.ports.findIndex((r) => r.name === q.name) === j),
  }))),
  policies: fc.array(fc.record({ ns: fc.constantFrom(...NAMESPACES), spec: specArb }), { maxLength: 3 })
    .map((ps) => ps.map((p, i) => ({ ...p, name: `np${i}` }))),
  ipBlockMatchesPodIps: fc.boolean(),
});

// ---- The spec, read independently ----------------------------------------------------------

/** An address as [family, value]; IPv6 here is always written with one "::" or in full. */
function ipValue(ip: string): [number, bigint] {
  if (!ip.includes(':')) return [4, ip.split('.').reduce((acc, octet) => acc * 256n + BigInt(octet), 0n)];
  const [head, tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return [6, groups.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n)];
}
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const [family, value] = ipValue(ip);
  const [blockFamily, blockValue] = ipValue(base);
  if (family !== blockFamily) return false;
  const size = 2n ** BigInt((family === 4 ? 32 : 128) - Number(bits));
  return value / size === blockValue / size;
}
function selects(selector: any, labels: Labels): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = hasKey(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
function hasKey(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}
function types(spec: any): string[] {
  if (spec.policyTypes && spec.policyTypes.length > 0) return spec.policyTypes;
  return spec.egress && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}
type End = { pod: PodModel } | { ip: string };
function peerMatches(m: Model, peer: any, end: End, policyNs: string): boolean {
  if (peer.ipBlock) {
    if ('pod' in end && !m.ipBlockMatchesPodIps) return false;
    const ip = 'pod' in end ? end.pod.ip : end.ip;
    return inCidr(ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((e: string) => inCidr(ip, e));
  }
  if (!('pod' in end)) return false;
  const nsLabels = { ...m.namespaces[end.pod.ns], 'kubernetes.io/metadata.name': end.pod.ns };
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels) : end.pod.ns === policyNs;
  return nsOk && (peer.podSelector ? selects(peer.podSelector, end.pod.labels) : true);
}
function portMatches(entry: any, protocol: string, port: number, destination: PodModel | undefined): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return port >= entry.port && port <= (entry.endPort ?? entry.port);
  return destination !== undefined && destination.ports.some((c) => c.name === entry.port && c.protocol === protocol && c.containerPort === port);
}
function sideAllows(m: Model, self: PodModel, direction: 'ingress' | 'egress', other: End, protocol: string, port: number): boolean {
  const isolating = m.policies.filter((p) => p.ns === self.ns && selects(p.spec.podSelector, self.labels)
    && types(p.spec).includes(direction === 'ingress' ? 'Ingress' : 'Egress'));
  if (isolating.length === 0) return true;
  const destination = direction === 'ingress' ? self : ('pod' in other ? other.pod : undefined);
  return isolating.some((p) => (p.spec[direction] ?? []).some((rule: any) => {
    const peers = rule[direction === 'ingress' ? 'from' : 'to'] ?? [];
    const ports = rule.ports ?? [];
    return (peers.length === 0 || peers.some((peer: any) => peerMatches(m, peer, other, p.ns)))
      && (ports.length === 0 || ports.some((e: any) => portMatches(e, protocol, port, destination)));
  }));
}

// ---- Comparison ------------------------------------------------------------------------------

function manifests(m: Model): any[] {
  return [
    ...NAMESPACES.map((n) => namespace(n, m.namespaces[n])),
    ...m.pods.map((p) => pod(`${p.ns}/${p.name}`, p.labels, { containers: [p.ports], ips: [p.ip] })),
    ...m.policies.map((p) => policy(`${p.ns}/${p.name}`, p.spec)),
  ];
}
function portOf(protocol: string, port: number): Port {
  return protocol === 'TCP' ? Port.tcp(port) : protocol === 'UDP' ? Port.udp(port) : Port.sctp(port);
}

test('Reachability agrees with an independent reading of the spec on random clusters', () => {
  fc.assert(fc.property(modelArb, (m) => {
    const reach = Reachability.fromManifests(manifests(m), { ipBlockMatchesPodIps: m.ipBlockMatchesPodIps });
    for (const protocol of PROTOCOLS) {
      for (const port of [53, 81, 82]) {
        for (const src of m.pods) {
          for (const dst of m.pods) {
            if (src === dst) continue;
            const egress = sideAllows(m, src, 'egress', { pod: dst }, protocol, port);
            const ingress = sideAllows(m, dst, 'ingress', { pod: src }, protocol, port);
            // The answer comes from the connectivity code, the per-side reports from the single-query code.
            const v = reach.verdict(endpoint(`${src.ns}/${src.name}`), endpoint(`${dst.ns}/${dst.name}`), portOf(protocol, port));
            const what = `${src.ns}/${src.name} -> ${dst.ns}/${dst.name} ${protocol}/${port}`;
            if (v.allowed !== (egress && ingress)) throw new Error(`${what}: library ${v.allowed}, spec ${egress && ingress}`);
            if (v.egress.allowed !== egress) throw new Error(`${what}: library egress ${v.egress.allowed}, spec ${egress}`);
            if (v.ingress.allowed !== ingress) throw new Error(`${what}: library ingress ${v.ingress.allowed}, spec ${ingress}`);
          }
          for (const ip of EXTERNAL) {
            const out = sideAllows(m, src, 'egress', { ip }, protocol, port);
            const outActual = reach.isAllowed(endpoint(`${src.ns}/${src.name}`), endpoint(ip), portOf(protocol, port));
            if (outActual !== out) throw new Error(`${src.ns}/${src.name} -> ${ip} ${protocol}/${port}: library ${outActual}, spec ${out}`);
            const inn = sideAllows(m, src, 'ingress', { ip }, protocol, port);
            const inActual = reach.isAllowed(endpoint(ip), endpoint(`${src.ns}/${src.name}`), portOf(protocol, port));
            if (inActual !== inn) throw new Error(`${ip} -> ${src.ns}/${src.name} ${protocol}/${port}: library ${inActual}, spec ${inn}`);
          }
        }
      }
    }
  }), { numRuns: propertyRuns(200) });
});
