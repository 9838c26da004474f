import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  ClusterNetworkPolicy, ClusterPeer, ClusterPolicyAction, ClusterPolicyApiVersion, ClusterPolicyRule, ClusterPolicyValidator, CrdChannel,
  IPeer, LabelExpression, LabelSelector, Namespaces, Peer, PolicyTier, Pods, Port, Protocol,
} from '../../src';
import { formatIpv4, formatIpv6 } from '../../src/net/cidr';
import { propertyRuns } from '../property-runs';
import { chartIn } from './synth-helpers';

// Generators of valid inputs: a cluster policy built from them must synthesize an object the API server accepts.

const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
const labelKey = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,10}[a-zA-Z0-9])?$/);
const labelValue = fc.oneof(fc.constant(''), fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,10}[a-zA-Z0-9])?$/));
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });
const expression = fc.oneof(
  fc.tuple(labelKey, fc.array(labelValue, { minLength: 1, maxLength: 3 })).map(([k, v]) => LabelExpression.valueIn(k, v)),
  labelKey.map((k) => LabelExpression.exists(k)),
  labelKey.map((k) => LabelExpression.doesNotExist(k)),
);
const selector = fc.tuple(labels, fc.array(expression, { maxLength: 2 })).map(([l, e]) => LabelSelector.of({ labels: l, expressions: e }));

const portNumber = fc.integer({ min: 1, max: 65535 });
const numberedPort = fc.oneof(
  portNumber.map(Port.tcp), portNumber.map(Port.udp), portNumber.map(Port.sctp),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.tcpRange(Math.min(a, b), Math.max(a, b))),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.sctpRange(Math.min(a, b), Math.max(a, b))),
  fc.constantFrom(Port.allTcp(), Port.allUdp(), Port.allTraffic(), Port.DNS_UDP, Port.HTTPS),
);
const namedPort = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/).map((n) => Port.named(n, Protocol.TCP));

const namespaces = fc.oneof(
  fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((names) => Namespaces.named(...names)),
  labels.map(Namespaces.labelled),
  selector.map(Namespaces.selectedBy),
  fc.constant(Namespaces.all()),
);
const podsInNamespaces = fc.tuple(selector, namespaces).map(([s, n]) => Pods.selectedBy(s).inNamespaces(n));
/** Peers that select pods: ingress takes only these. */
const podPeer: fc.Arbitrary<IPeer> = fc.oneof(
  namespaces, podsInNamespaces, fc.constant(ClusterPeer.allPods()),
  fc.tuple(selector, namespaces).map(([s, n]) => ClusterPeer.pods(Pods.selectedBy(s), n)),
);
function cidr(bits: 32 | 128): fc.Arbitrary<string> {
  const format = bits === 32 ? formatIpv4 : formatIpv6;
  return fc.tuple(fc.bigInt({ min: 0n, max: 2n ** BigInt(bits) - 1n }), fc.integer({ min: 0, max: bits })).map(([value, prefix]) => {
    const size = 2n ** BigInt(bits - prefix);
    return `${format((value / size) * size)}/${prefix}`;
  });
}
const anyCidr = fc.oneof(cidr(32), cidr(128));
/** Peers that are addresses, nodes or names: egress only, and never beside a named port. */
const addressPeer = (domainNames: boolean): fc.Arbitrary<IPeer> => fc.oneof(
  fc.uniqueArray(anyCidr, { minLength: 1, maxLength: 3 }).map((cidrs) => ClusterPeer.networks(...cidrs)),
  anyCidr.map((c) => Peer.ipBlock(c)),
  fc.option(selector, { nil: undefined }).map(ClusterPeer.nodes),
  ...(domainNames ? [fc.constantFrom(ClusterPeer.domainNames('example.com'), ClusterPeer.domainNames('*.example.org', 'api.example.net.'))] : []),
);

interface Case {
  readonly tier: PolicyTier;
  readonly apiVersion: ClusterPolicyApiVersion;
  readonly priority: number;
  readonly subject: IPeer;
  readonly ingress: ClusterPolicyRule[];
  readonly egress: ClusterPolicyRule[];
}

const cases: fc.Arbitrary<Case> = fc.record({
  tier: fc.constantFrom(PolicyTier.ADMIN, PolicyTier.BASELINE),
  apiVersion: fc.constantFrom(ClusterPolicyApiVersion.V1ALPHA2, ClusterPolicyApiVersion.V1ALPHA1),
}).chain(({ tier, apiVersion }) => {
  const banp = tier === PolicyTier.BASELINE && apiVersion === ClusterPolicyApiVersion.V1ALPHA1;
  const action = banp
    ? fc.constantFrom(ClusterPolicyAction.ACCEPT, ClusterPolicyAction.DENY)
    : fc.constantFrom(...Object.values(ClusterPolicyAction));
  const name = fc.option(fc.stringMatching(/^[a-z][a-z0-9 -]{0,20}$/), { nil: undefined });
  const podRule = fc.record({
    action,
    name,
    peers: fc.array(podPeer, { minLength: 1, maxLength: 3 }),
    ports: fc.option(fc.array(fc.oneof(numberedPort, namedPort), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  });
  const addressRule = fc.record({
    action,
    name,
    peers: fc.array(fc.oneof(podPeer, addressPeer(!banp)), { minLength: 1, maxLength: 3 }),
    ports: fc.option(fc.array(numberedPort, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  });
  return fc.record({
    tier: fc.constant(tier),
    apiVersion: fc.constant(apiVersion),
    priority: fc.integer({ min: 0, max: 1000 }),
    subject: fc.oneof(namespaces, podsInNamespaces),
    ingress: fc.array(podRule, { maxLength: 3 }),
    egress: fc.array(fc.oneof(podRule, addressRule), { maxLength: 3 }),
  });
});

/** Drops the keys left undefined by optional generators, as a user would not write them. */
function rule(r: ClusterPolicyRule): ClusterPolicyRule {
  return { action: r.action, peers: r.peers, ...(r.ports ? { ports: r.ports } : {}), ...(r.name !== undefined ? { name: r.name } : {}) };
}

describe('generated cluster policies', () => {
  test('synthesize objects the API server accepts, with the rules in order and the actions spelled per version', () => {
    fc.assert(fc.property(cases, (c) => {
      const chart = chartIn('platform');
      new ClusterNetworkPolicy(chart, 'p', { ...c, ingress: c.ingress.map(rule), egress: c.egress.map(rule) });
      const [object] = Testing.synth(chart);
      expect(ClusterPolicyValidator.validate(object, { channel: CrdChannel.EXPERIMENTAL }).filter((d) => d.severity === 'error')).toEqual([]);
      const spelled = (a: ClusterPolicyAction) => (c.apiVersion === ClusterPolicyApiVersion.V1ALPHA1 && a === ClusterPolicyAction.ACCEPT ? 'Allow' : a);
      expect((object.spec.ingress ?? []).map((r: any) => r.action)).toEqual(c.ingress.map((r) => spelled(r.action)));
      expect((object.spec.egress ?? []).map((r: any) => r.action)).toEqual(c.egress.map((r) => spelled(r.action)));
      expect(object.metadata.namespace).toBeUndefined();
    }), { numRuns: propertyRuns(300) });
  });
});
