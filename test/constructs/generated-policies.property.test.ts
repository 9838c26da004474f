import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import {
  AllowClusterInternalEgress, AllowDnsEgress, AllowFrom, AllowTo, DefaultDenyAll, IPeer, LabelExpression, LabelSelector,
  MonitoringPort, Namespaces, NamespaceBaseline, NetworkPolicy, Peer, PolicyType, Pods, Port, Protocol,
} from '../../src';
import { toKubeSpec } from '../../src/constructs/render';
import { formatIpv4, formatIpv6 } from '../../src/net/cidr';
import { validateNetworkPolicy } from '../../src/validation/network-policy';
import { propertyRuns } from '../property-runs';

// Generators of valid inputs: every construct built from them must synthesize objects the API server accepts.

const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
const labelKey = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,10}[a-zA-Z0-9])?$/),
  fc.tuple(dnsLabel, fc.stringMatching(/^[a-z0-9]([a-z0-9_.-]{0,6}[a-z0-9])?$/)).map(([p, n]) => `${p}.io/${n}`),
);
const labelValue = fc.oneof(fc.constant(''), fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,10}[a-zA-Z0-9])?$/));
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });
const expression = fc.oneof(
  fc.tuple(labelKey, fc.array(labelValue, { minLength: 1, maxLength: 3 })).map(([k, v]) => LabelExpression.valueIn(k, v)),
  fc.tuple(labelKey, fc.array(labelValue, { minLength: 1, maxLength: 3 })).map(([k, v]) => LabelExpression.valueNotIn(k, v)),
  labelKey.map((k) => LabelExpression.exists(k)),
  labelKey.map((k) => LabelExpression.doesNotExist(k)),
);
const selector = fc.tuple(labels, fc.array(expression, { maxLength: 2 })).map(([l, e]) => LabelSelector.of({ labels: l, expressions: e }));

const portNumber = fc.integer({ min: 1, max: 65535 });
const portName = fc.stringMatching(/^[a-z]([a-z0-9]{0,6}-)?[a-z0-9]{1,6}$/);
const protocol = fc.constantFrom(Protocol.TCP, Protocol.UDP, Protocol.SCTP);
const port = fc.oneof(
  portNumber.map(Port.tcp), portNumber.map(Port.udp), portNumber.map(Port.sctp),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.tcpRange(Math.min(a, b), Math.max(a, b))),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.udpRange(Math.min(a, b), Math.max(a, b))),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.sctpRange(Math.min(a, b), Math.max(a, b))),
  fc.tuple(portName, fc.option(protocol, { nil: undefined })).map(([n, p]) => Port.named(n, p)),
  fc.constantFrom(Port.allTcp(), Port.allUdp(), Port.allSctp(), Port.allTraffic(), Port.DNS_UDP, Port.HTTPS, Port.KAFKA),
);

function network(bits: 32 | 128, value: bigint, prefix: number): bigint {
  const size = 2n ** BigInt(bits - prefix);
  return (value / size) * size;
}
function ipBlock(bits: 32 | 128) {
  const format = bits === 32 ? formatIpv4 : formatIpv6;
  const address = fc.bigInt({ min: 0n, max: 2n ** BigInt(bits) - 1n });
  const holes = fc.array(fc.tuple(address, fc.nat()), { maxLength: 2 });
  return fc.tuple(address, fc.integer({ min: 0, max: bits - 1 }), holes).map(([value, prefix, wanted]) => {
    const net = network(bits, value, prefix);
    const except = wanted.map(([hostPart, n]) => {
      const holePrefix = prefix + 1 + (n % (bits - prefix));
      const inside = net + (hostPart % 2n ** BigInt(bits - prefix));
      return `${format(network(bits, inside, holePrefix))}/${holePrefix}`;
    });
    return Peer.ipBlock(`${format(net)}/${prefix}`, except.length > 0 ? except : undefined);
  });
}

const namespaces = fc.oneof(
  fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((names) => Namespaces.named(...names)),
  labels.map(Namespaces.labelled),
  selector.map(Namespaces.selectedBy),
  fc.constant(Namespaces.all()),
);
const pods = fc.oneof(labels.map(Pods.labelled), selector.map(Pods.selectedBy), fc.constant(Pods.all()));
const peer: fc.Arbitrary<IPeer> = fc.oneof(
  pods, namespaces,
  fc.tuple(pods, namespaces).map(([p, n]) => p.inNamespaces(n)),
  ipBlock(32), ipBlock(128),
  fc.constantFrom(Peer.anyIpv4(), Peer.anyIpv6(), Peer.anywhere()),
);
const peers = fc.array(peer, { maxLength: 3 });
const ports = fc.array(port, { maxLength: 3 });
const common = fc.record({ namespaceName: fc.option(dnsLabel, { nil: undefined }) });

type Build = (scope: Construct, id: string) => void;
const rule = fc.record({ peers, ports });
const optionalPods = fc.option(pods, { nil: undefined });
const lowLevel = fc.record({
  common,
  target: optionalPods,
  ingress: fc.array(rule, { maxLength: 2 }),
  egress: fc.array(rule, { maxLength: 2 }),
  types: fc.subarray([PolicyType.INGRESS, PolicyType.EGRESS]),
}).map((p): Build => (scope, id) => {
  new NetworkPolicy(scope, id, { ...p.common, pods: p.target, ingress: p.ingress, egress: p.egress, policyTypes: p.types });
});
const deniedTypes = fc.constantFrom([PolicyType.INGRESS], [PolicyType.EGRESS], [PolicyType.INGRESS, PolicyType.EGRESS]);
const denyAll = fc.record({ common, target: optionalPods, deniedTypes })
  .map((p): Build => (scope, id) => {
    new DefaultDenyAll(scope, id, { ...p.common, policyTypes: [...p.deniedTypes], pods: p.target });
  });
const somePeers = fc.array(peer, { minLength: 1, maxLength: 3 });
const allow = fc.record({ common, target: pods, peers: somePeers, ports, bothEnds: fc.boolean(), egress: fc.boolean() })
  .map((p): Build => (scope, id) => {
    // Both ends cannot be written for pods in namespaces chosen by labels: the constructor refuses them.
    const bothEnds = p.bothEnds && p.peers.every((each) => each._oppositeEnd()?.unwritable === undefined);
    if (p.egress) {
      new AllowTo(scope, id, { ...p.common, sources: p.target, destinations: p.peers, ports: p.ports, bothEnds });
    } else {
      new AllowFrom(scope, id, { ...p.common, destinations: p.target, sources: p.peers, ports: p.ports, bothEnds });
    }
  });
const dns = fc.record({
  common,
  nodeLocalDns: fc.boolean(),
  dnsNamespace: fc.option(dnsLabel, { nil: undefined }),
  dnsPodLabels: fc.option(labels, { nil: undefined }),
}).map((p): Build => (scope, id) => {
  new AllowDnsEgress(scope, id, { ...p.common, nodeLocalDns: p.nodeLocalDns, dnsNamespace: p.dnsNamespace, dnsPodLabels: p.dnsPodLabels });
});
const clusterEgress = fc.record({ common, ports }).map((p): Build => (scope, id) => {
  new AllowClusterInternalEgress(scope, id, { ...p.common, ports: p.ports, podCidrs: ['10.244.0.0/16'] });
});
const monitoring = fc.record({ common, port, scrapers: fc.array(peer, { minLength: 1, maxLength: 2 }) }).map((p): Build => (scope, id) => {
  new MonitoringPort(scope, id, { ...p.common, port: p.port, scrapers: p.scrapers });
});
const baseline = fc.record({ common, cluster: fc.boolean() }).map((p): Build => (scope, id) => {
  new NamespaceBaseline(scope, id, { ...p.common, allowClusterInternalEgress: p.cluster });
});
const construct: fc.Arbitrary<Build> = fc.oneof(lowLevel, denyAll, allow, dns, clusterEgress, monitoring, baseline);

describe('generated constructs', () => {
  test('every synthesized NetworkPolicy passes the API server rules and never renders port 0', () => {
    fc.assert(
      fc.property(fc.array(construct, { minLength: 1, maxLength: 4 }), fc.option(dnsLabel, { nil: undefined }), (builds, chartNamespace) => {
        const app = new App({ outdir: 'cdk8s.out/property' });
        // bothEnds needs a namespace: give the chart one.
        const chart = new Chart(app, 'generated', { namespace: chartNamespace ?? 'generated' });
        builds.forEach((build, i) => build(chart, `policy-${i}`));

        const objects = chart.toJson();
        expect(objects.length).toBeGreaterThan(0);
        for (const object of objects) {
          expect(validateNetworkPolicy(object).filter((d) => d.severity === 'error')).toEqual([]);
          expect(object.metadata.name.length).toBeLessThanOrEqual(63);
        }
        expect(app.synthYaml()).not.toMatch(/port: 0\b/);
        expect(JSON.stringify(objects)).not.toMatch(/"port":0\b/);
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  test('each policy renders exactly as the generated KubeNetworkPolicy renders the same spec, key order included', () => {
    fc.assert(
      fc.property(fc.array(construct, { minLength: 1, maxLength: 4 }), (builds) => {
        const chart = new Chart(new App({ outdir: 'cdk8s.out/property' }), 'generated', { namespace: 'generated', labels: { team: 'a' } });
        builds.forEach((build, i) => build(chart, `policy-${i}`));
        const generated = new Chart(new App({ outdir: 'cdk8s.out/property' }), 'generated', { namespace: 'generated' });
        const policies = chart.node.findAll().filter((c): c is NetworkPolicy => c instanceof NetworkPolicy);
        expect(policies.length).toBeGreaterThan(0);
        policies.forEach((policy, i) => {
          const reference = new k8s.KubeNetworkPolicy(generated, `p${i}`, {
            metadata: policy.apiObject.metadata.toJson(),
            spec: toKubeSpec(policy._renderSpec()),
          });
          expect(JSON.stringify(policy.apiObject.toJson())).toBe(JSON.stringify(reference.toJson()));
        });
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});
