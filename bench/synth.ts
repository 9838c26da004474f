import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { SyntheticCluster } from './generate';
import { NetworkPolicy, NetworkPolicyRule } from '../src/constructs/network-policy';
import { PolicyType } from '../src/constructs/policy-type';
import { Linting } from '../src/lint/linting';
import {
  LabelSelectorManifest,
  NetworkPolicyManifest,
  NetworkPolicyPeerManifest,
  NetworkPolicyPortManifest,
} from '../src/model/manifest';
import { LabelExpression, LabelSelector } from '../src/values/label-selector';
import { Namespaces } from '../src/values/namespaces';
import { IPeer } from '../src/values/peer';
import { Peer } from '../src/values/peers';
import { Pods } from '../src/values/pods';
import { Port } from '../src/values/port';
import { Protocol } from '../src/values/protocol';

/**
 * Synthesizes the cluster's policies through our `NetworkPolicy` construct (value objects,
 * rendering, validation at synthesis), one chart per namespace. Returns the YAML.
 *
 * @param lint whether the best-practice lints run too (`Linting.enable(app)`)
 */
export function synthWithConstructs(synthetic: SyntheticCluster, lint = true): string {
  const app = new App({ outdir: 'cdk8s.out' });
  if (lint) Linting.enable(app, { reporter: { report: () => undefined } });
  const charts = new Map<string, Chart>();
  synthetic.policies.forEach((manifest, i) => {
    const namespace = manifest.metadata!.namespace!;
    const chart = chartFor(app, charts, namespace);
    const spec = manifest.spec!;
    new NetworkPolicy(chart, `p${i}`, {
      policyName: manifest.metadata!.name,
      pods: Pods.selectedBy(selector(spec.podSelector ?? {})),
      policyTypes: (spec.policyTypes ?? []).map((t) => (t === 'Egress' ? PolicyType.EGRESS : PolicyType.INGRESS)),
      ingress: (spec.ingress ?? []).map((r) => rule(r.from ?? [], r.ports ?? [])),
      egress: (spec.egress ?? []).map((r) => rule(r.to ?? [], r.ports ?? [])),
    });
  });
  return app.synthYaml();
}

/** The same policies as raw generated `KubeNetworkPolicy` objects (no validation), same charts, same synthesis. */
export function synthRaw(synthetic: SyntheticCluster): string {
  const app = new App({ outdir: 'cdk8s.out' });
  const charts = new Map<string, Chart>();
  synthetic.policies.forEach((manifest, i) => {
    const chart = chartFor(app, charts, manifest.metadata!.namespace!);
    new k8s.KubeNetworkPolicy(chart, `p${i}`, { metadata: manifest.metadata, spec: kubeSpec(manifest) });
  });
  return app.synthYaml();
}

function chartFor(app: App, charts: Map<string, Chart>, namespace: string): Chart {
  let chart = charts.get(namespace);
  if (!chart) charts.set(namespace, chart = new Chart(app, namespace, { namespace }));
  return chart;
}

function selector(manifest: LabelSelectorManifest): LabelSelector {
  return LabelSelector.of({
    labels: manifest.matchLabels ?? {},
    expressions: (manifest.matchExpressions ?? []).map((e) => {
      switch (e.operator) {
        case 'In': return LabelExpression.valueIn(e.key!, e.values ?? []);
        case 'NotIn': return LabelExpression.valueNotIn(e.key!, e.values ?? []);
        case 'Exists': return LabelExpression.exists(e.key!);
        default: return LabelExpression.doesNotExist(e.key!);
      }
    }),
  });
}

function rule(peers: NetworkPolicyPeerManifest[], ports: NetworkPolicyPortManifest[]): NetworkPolicyRule {
  return { peers: peers.map(peer), ports: ports.map(portOf) };
}

function peer(p: NetworkPolicyPeerManifest): IPeer {
  if (p.ipBlock) return Peer.ipBlock(p.ipBlock.cidr!, p.ipBlock.except);
  const namespaces = p.namespaceSelector ? Namespaces.selectedBy(selector(p.namespaceSelector)) : undefined;
  if (!p.podSelector) return namespaces!;
  const pods = Pods.selectedBy(selector(p.podSelector));
  return namespaces ? pods.inNamespaces(namespaces) : pods;
}

function portOf(p: NetworkPolicyPortManifest): Port {
  const protocol = (p.protocol ?? 'TCP') as Protocol;
  if (typeof p.port === 'string') return Port.named(p.port, protocol);
  if (p.port === undefined) {
    return protocol === Protocol.UDP ? Port.allUdp() : protocol === Protocol.SCTP ? Port.allSctp() : Port.allTcp();
  }
  const end = p.endPort ?? p.port;
  switch (protocol) {
    case Protocol.UDP: return end === p.port ? Port.udp(p.port) : Port.udpRange(p.port, end);
    case Protocol.SCTP: return end === p.port ? Port.sctp(p.port) : Port.sctpRange(p.port, end);
    default: return end === p.port ? Port.tcp(p.port) : Port.tcpRange(p.port, end);
  }
}

function kubeSpec(manifest: NetworkPolicyManifest): k8s.NetworkPolicySpec {
  const spec = manifest.spec!;
  return {
    podSelector: kubeSelector(spec.podSelector ?? {}),
    policyTypes: spec.policyTypes ?? undefined,
    ingress: spec.ingress?.map((r) => ({ from: r.from?.map(kubePeer), ports: r.ports?.map(kubePort) })),
    egress: spec.egress?.map((r) => ({ to: r.to?.map(kubePeer), ports: r.ports?.map(kubePort) })),
  };
}

function kubeSelector(s: LabelSelectorManifest): k8s.LabelSelector {
  return {
    matchLabels: s.matchLabels,
    matchExpressions: s.matchExpressions?.map((e) => ({ key: e.key!, operator: e.operator!, values: e.values })),
  };
}

function kubePeer(p: NetworkPolicyPeerManifest): k8s.NetworkPolicyPeer {
  return {
    podSelector: p.podSelector ? kubeSelector(p.podSelector) : undefined,
    namespaceSelector: p.namespaceSelector ? kubeSelector(p.namespaceSelector) : undefined,
    ipBlock: p.ipBlock ? { cidr: p.ipBlock.cidr!, except: p.ipBlock.except } : undefined,
  };
}

function kubePort(p: NetworkPolicyPortManifest): k8s.NetworkPolicyPort {
  const port = p.port === undefined ? undefined
    : typeof p.port === 'number' ? k8s.IntOrString.fromNumber(p.port) : k8s.IntOrString.fromString(p.port);
  return { protocol: p.protocol, port, endPort: p.endPort };
}
