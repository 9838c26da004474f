import { k8s } from 'cdk8s-plus-28';
import {
  LabelSelectorManifest,
  NetworkPolicyPeerManifest,
  NetworkPolicyPortManifest,
  NetworkPolicySpecManifest,
} from '../model/manifest';
import { IPeer, PeerContext } from '../values/peer';
import { Port } from '../values/port';

/** One rendered rule: `from`/`to` peers and ports, each undefined when it means "all". */
export interface RenderedRule {
  readonly peers?: NetworkPolicyPeerManifest[];
  readonly ports?: NetworkPolicyPortManifest[];
}

/**
 * Renders a rule. No peers, or a peer meaning anywhere, gives no peer list (all sources or
 * destinations); no ports, or all traffic, gives no port list (all ports). Duplicates are
 * dropped, keeping the first occurrence.
 */
export function renderRule(peers: readonly IPeer[], ports: readonly Port[], context: PeerContext): RenderedRule {
  return { peers: renderPeers(peers, context), ports: renderPorts(ports) };
}

function renderPeers(peers: readonly IPeer[], context: PeerContext): NetworkPolicyPeerManifest[] | undefined {
  if (peers.length === 0) return undefined;
  const rendered: NetworkPolicyPeerManifest[] = [];
  for (const peer of peers) {
    const entries = peer._toPeerManifests(context);
    if (entries === undefined) return undefined;
    rendered.push(...entries);
  }
  return unique(rendered);
}

function renderPorts(ports: readonly Port[]): NetworkPolicyPortManifest[] | undefined {
  if (ports.length === 0 || ports.some((p) => p.isAllTraffic)) return undefined;
  return unique(ports.map((p) => p._toManifest()!));
}

function unique<T>(items: T[]): T[] {
  if (items.length < 2) return items;
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The generated cdk8s-plus type of a spec rendered as a manifest. */
export function toKubeSpec(spec: NetworkPolicySpecManifest): k8s.NetworkPolicySpec {
  return {
    podSelector: toKubeSelector(spec.podSelector ?? {}),
    policyTypes: spec.policyTypes ?? undefined,
    ingress: spec.ingress?.map((rule) => ({ from: rule.from?.map(toKubePeer), ports: rule.ports?.map(toKubePort) })),
    egress: spec.egress?.map((rule) => ({ to: rule.to?.map(toKubePeer), ports: rule.ports?.map(toKubePort) })),
  };
}

function toKubeSelector(selector: LabelSelectorManifest): k8s.LabelSelector {
  return {
    matchLabels: selector.matchLabels,
    matchExpressions: selector.matchExpressions?.map((e) => ({ key: e.key!, operator: e.operator!, values: e.values })),
  };
}

function toKubePeer(peer: NetworkPolicyPeerManifest): k8s.NetworkPolicyPeer {
  return {
    podSelector: peer.podSelector ? toKubeSelector(peer.podSelector) : undefined,
    namespaceSelector: peer.namespaceSelector ? toKubeSelector(peer.namespaceSelector) : undefined,
    ipBlock: peer.ipBlock ? { cidr: peer.ipBlock.cidr!, except: peer.ipBlock.except } : undefined,
  };
}

function toKubePort(port: NetworkPolicyPortManifest): k8s.NetworkPolicyPort {
  const value = port.port;
  return {
    protocol: port.protocol,
    port: value === undefined ? undefined : typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value),
    endPort: port.endPort,
  };
}
