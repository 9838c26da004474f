import * as ipaddr from 'ipaddr.js';
import { QueryEnd, EvaluatorOptions, Query } from '../../src/eval/types';
import { Cluster, ContainerPortSpec, NamespaceSpec, Protocol, WorkloadSpec } from '../../src/model/cluster';
import { ConnectionSet } from '../../src/model/connection-set';
import { NAMESPACE_NAME_LABEL } from '../../src/model/manifest';

/**
 * A deliberately simple evaluator written straight from docs/semantics.md#algorithm, pair by pair,
 * with its own defaulting, selector matching and port matching. It shares no logic with
 * `Evaluator` beyond the `ConnectionSet` type, so tests and the benchmark can use it as an
 * oracle. It is slow (it scans every policy for every pair) and gives no explanations.
 */
export class ReferenceEvaluator {
  private readonly ipBlockMatchesPodIps: boolean;
  private readonly hostNetworkAsNode: boolean;
  private readonly nodeEgressAlwaysAllowed: boolean;
  private readonly selfTrafficAllowed: boolean;
  private readonly networksMatchPodIps: boolean;
  private readonly nodeAddressTypes: readonly string[];
  private readonly domainNameAddresses: Readonly<Record<string, readonly string[]>>;
  /** Cluster policies in evaluation order (B2, B3: priority, then name; I12: API versions as the option orders them). */
  private readonly tiers: { readonly admin: RawClusterPolicy[]; readonly baseline: RawClusterPolicy[] };

  constructor(private readonly cluster: Cluster, options: EvaluatorOptions = {}) {
    this.networksMatchPodIps = options.networksMatchPodIps ?? true;
    this.nodeAddressTypes = options.nodeAddressTypes ?? ['InternalIP', 'ExternalIP'];
    this.domainNameAddresses = options.domainNameAddresses ?? {};
    const v2First = options.mixedApiVersions === 'v1alpha2-first';
    const raw = cluster.clusterPolicies.map((p) => p.manifest as RawClusterPolicy);
    const rank = (p: RawClusterPolicy) => ((p.apiVersion.endsWith('v1alpha2') === v2First) ? 0 : 1);
    const ordered = [...raw].sort((a, b) => rank(a) - rank(b)
      || (a.spec.priority ?? -1) - (b.spec.priority ?? -1)
      || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0)
      || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    const tierOf = (p: RawClusterPolicy) => (p.kind === 'AdminNetworkPolicy' ? 'Admin' : p.kind === 'BaselineAdminNetworkPolicy' ? 'Baseline' : p.spec.tier);
    this.tiers = { admin: ordered.filter((p) => tierOf(p) === 'Admin'), baseline: ordered.filter((p) => tierOf(p) === 'Baseline') };
    this.ipBlockMatchesPodIps = options.ipBlockMatchesPodIps ?? true;
    this.hostNetworkAsNode = (options.hostNetwork ?? 'as-pod') === 'as-node';
    this.nodeEgressAlwaysAllowed = options.nodeEgressAlwaysAllowed ?? false;
    this.selfTrafficAllowed = (options.selfTraffic ?? 'allowed') === 'allowed';
  }

  /** Every connection the source workload may open to the destination workload. */
  public workloadConnections(source: WorkloadSpec, destination: WorkloadSpec): ConnectionSet {
    const onePod = source === destination && source.replicas === 1;
    if (onePod && this.selfTrafficAllowed) return ConnectionSet.all();
    return this.connections({ kind: 'pod', workload: source }, { kind: 'pod', workload: destination }, onePod);
  }

  /** What an external address may open to a workload (`ingress`) or the workload to it (`egress`). */
  public externalConnections(workload: WorkloadSpec, direction: 'ingress' | 'egress', ip: string): ConnectionSet {
    const external: Other = { kind: 'ip', ip };
    return direction === 'ingress'
      ? this.connections(external, { kind: 'pod', workload })
      : this.connections({ kind: 'pod', workload }, external);
  }

  /** Whether one connection is allowed. */
  public verdict(query: Query): { readonly allowed: boolean } {
    const source = this.resolve(query.source);
    const destination = this.resolve(query.destination);
    // Only a pod talking to itself bypasses policy: a workload of one pod, never two of its replicas.
    if (source.kind === 'pod' && destination.kind === 'pod' && source.workload === destination.workload
      && source.workload.replicas === 1 && this.selfTrafficAllowed) {
      return { allowed: true };
    }
    const onePod = source.kind === 'pod' && destination.kind === 'pod' && source.workload === destination.workload && source.workload.replicas === 1;
    return { allowed: this.connections(source, destination, onePod).contains(query.protocol, query.port) };
  }

  private connections(source: Other, destination: Other, networkPoliciesOnly = false): ConnectionSet {
    // Named ports resolve on a destination pod; a hostNetwork pod read as node traffic has none.
    const destinationPorts = destination.kind === 'pod' && this.isPolicyPod(destination.workload) ? destination.workload.ports : undefined;
    let egress = ConnectionSet.all();
    if (source.kind === 'pod' && this.isPolicyPod(source.workload)) {
      if (!(destination.kind === 'node' && this.nodeEgressAlwaysAllowed)) {
        egress = this.tiered('Egress', source.workload, destination, networkPoliciesOnly,
          this.side('Egress', source.workload, destination, destinationPorts));
      }
    }
    let ingress = ConnectionSet.all();
    if (destination.kind === 'pod' && this.isPolicyPod(destination.workload) && source.kind !== 'node') {
      ingress = this.tiered('Ingress', destination.workload, source, networkPoliciesOnly,
        this.side('Ingress', destination.workload, source, destinationPorts));
    }
    return egress.intersect(ingress);
  }

  /**
   * Spec B.7, literally, for every connection: the space is cut where any rule's port set
   * changes, and each piece is decided by walking Admin policies, NetworkPolicies (when they
   * isolate), Baseline policies, then the default.
   */
  private tiered(type: 'Ingress' | 'Egress', pod: WorkloadSpec, other: Other, networkPoliciesOnly: boolean, networkPolicy: ConnectionSet | undefined): ConnectionSet {
    // B19: hostNetwork pods are never subjects of cluster policies; B31: nor is a pod reaching itself.
    if (networkPoliciesOnly || pod.hostNetwork) return networkPolicy ?? ConnectionSet.all();
    const direction = type === 'Ingress' ? 'ingress' : 'egress';
    const destination = type === 'Ingress' ? { kind: 'pod' as const, workload: pod } : other;
    const destinationPorts = destination.kind === 'pod' && !destination.workload.hostNetwork ? destination.workload.ports : undefined;
    const matching = (policies: RawClusterPolicy[]) => policies
      .filter((p) => this.subjectMatches(p.spec.subject, pod))
      .flatMap((p) => (p.spec[direction] ?? []).map((rule: any) => ({ rule, version: p.apiVersion })))
      .map(({ rule, version }) => this.ruleOutcome(rule, direction, version, other, destinationPorts))
      .filter((r): r is { action: string; ports: ConnectionSet } => r !== undefined);
    const admin = matching(this.tiers.admin);
    const baseline = matching(this.tiers.baseline);
    if (admin.length === 0 && (networkPolicy !== undefined || baseline.length === 0)) return networkPolicy ?? ConnectionSet.all();
    let result = ConnectionSet.none();
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as Protocol[]) {
      const cuts = new Set<number>([1]);
      for (const set of [networkPolicy ?? ConnectionSet.none(), ...admin.map((r) => r.ports), ...baseline.map((r) => r.ports)]) {
        for (const iv of set.intervals(protocol)) {
          cuts.add(iv.first);
          if (iv.last < 65535) cuts.add(iv.last + 1);
        }
      }
      const starts = [...cuts].sort((a, b) => a - b);
      starts.forEach((start, i) => {
        const end = i + 1 < starts.length ? starts[i + 1] - 1 : 65535;
        if (decide(admin, networkPolicy, baseline, protocol, start)) result = result.union(ConnectionSet.ports(protocol, start, end));
      });
    }
    return result;
  }

  /** The rule's action and port set when its peers match `other` (undefined when they do not). */
  private ruleOutcome(rule: any, direction: 'ingress' | 'egress', apiVersion: string, other: Other, destinationPorts: readonly ContainerPortSpec[] | undefined): { action: string; ports: ConnectionSet } | undefined {
    const peers: any[] = (direction === 'ingress' ? rule.from : rule.to) ?? [];
    let action: string = rule.action === 'Allow' ? 'Accept' : rule.action;
    const known = ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];
    // B33: a Deny or Pass rule with a peer of no known field denies every peer.
    const failClosed = action !== 'Accept' && peers.some((peer) => !known.some((k) => peer?.[k] !== undefined && peer?.[k] !== null));
    let matched: boolean;
    if (failClosed) {
      action = 'Deny';
      matched = other.kind === 'pod' || direction === 'egress';
    } else {
      matched = peers.some((peer) => this.clusterPeerMatches(peer, direction, other));
    }
    if (!matched) return undefined;
    const entries: any[] | undefined = apiVersion.endsWith('v1alpha2') ? rule.protocols : rule.ports;
    return { action, ports: clusterPorts(entries, apiVersion, destinationPorts) };
  }

  private clusterPeerMatches(peer: any, direction: 'ingress' | 'egress', other: Other): boolean {
    if (peer.namespaces) {
      return other.kind === 'pod' && !other.workload.hostNetwork && matches(peer.namespaces, this.namespaceOf(other.workload.namespace).labels);
    }
    if (peer.pods) {
      return other.kind === 'pod' && !other.workload.hostNetwork
        && matches(peer.pods.namespaceSelector ?? {}, this.namespaceOf(other.workload.namespace).labels)
        && matches(peer.pods.podSelector ?? {}, other.workload.labels);
    }
    if (direction !== 'egress') return false;
    // networks, the addresses of matching Node objects (I3), the addresses given for matching names (I4).
    let addresses: string[] = [];
    if (peer.networks) addresses = peer.networks;
    if (peer.nodes) {
      addresses = this.cluster.nodes.filter((n) => matches(peer.nodes, n.labels))
        .flatMap((n) => n.addresses.filter((a) => this.nodeAddressTypes.includes(a.type)).map((a) => a.address));
    }
    if (peer.domainNames) {
      addresses = Object.entries(this.domainNameAddresses)
        .filter(([name]) => peer.domainNames.some((pattern: string) => wildcardMatch(pattern, name)))
        .flatMap(([, ips]) => [...ips]);
    }
    const cidrs = addresses.map((a) => (a.includes('/') ? a : `${a}/${a.includes(':') ? 128 : 32}`));
    const inAddresses = (ip: string) => cidrs.some((cidr) => inIpBlock(ip, { cidr }));
    if (other.kind === 'ip') return inAddresses(other.ip);
    if (other.kind === 'pod' && (other.workload.hostNetwork || this.networksMatchPodIps)) return other.workload.podIps.some(inAddresses);
    return false;
  }

  private subjectMatches(subject: any, pod: WorkloadSpec): boolean {
    const nsLabels = this.namespaceOf(pod.namespace).labels;
    if (subject.namespaces) return matches(subject.namespaces, nsLabels);
    return matches(subject.pods.namespaceSelector ?? {}, nsLabels) && matches(subject.pods.podSelector ?? {}, pod.labels);
  }

  /** B.11 steps 3/4: what `pod` allows in `type` towards/from `other` (undefined: no policy isolates it). */
  private side(type: 'Ingress' | 'Egress', pod: WorkloadSpec, other: Other, destinationPorts: readonly ContainerPortSpec[] | undefined): ConnectionSet | undefined {
    const policies = this.cluster.policies.filter((p) => {
      const spec: any = p.manifest.spec ?? {};
      return p.namespace === pod.namespace && matches(spec.podSelector ?? {}, pod.labels) && effectiveTypes(spec).includes(type);
    });
    if (policies.length === 0) return undefined;
    let allowed = ConnectionSet.none();
    for (const policy of policies) {
      const spec: any = policy.manifest.spec ?? {};
      const rules: any[] = (type === 'Ingress' ? spec.ingress : spec.egress) ?? [];
      for (const rule of rules) {
        const peers: any[] = (type === 'Ingress' ? rule?.from : rule?.to) ?? [];
        const peerOk = peers.length === 0 || peers.some((peer) => this.peerMatches(peer, policy.namespace, other));
        if (peerOk) allowed = allowed.union(portsOf(rule?.ports ?? [], destinationPorts));
      }
    }
    return allowed;
  }

  private peerMatches(peer: any, policyNamespace: string, other: Other): boolean {
    if (peer?.ipBlock) {
      if (other.kind === 'ip') return inIpBlock(other.ip, peer.ipBlock);
      if (other.kind === 'pod' && (this.ipBlockMatchesPodIps || !this.isPolicyPod(other.workload))) {
        return other.workload.podIps.some((ip) => inIpBlock(ip, peer.ipBlock));
      }
      return false;
    }
    if (!peer?.podSelector && !peer?.namespaceSelector) return false;
    if (other.kind !== 'pod' || !this.isPolicyPod(other.workload)) return false;
    const namespaceOk = peer.namespaceSelector
      ? matches(peer.namespaceSelector, this.namespaceOf(other.workload.namespace).labels)
      : other.workload.namespace === policyNamespace;
    const podOk = peer.podSelector ? matches(peer.podSelector, other.workload.labels) : true;
    return namespaceOk && podOk;
  }

  private isPolicyPod(workload: WorkloadSpec): boolean {
    return !(this.hostNetworkAsNode && workload.hostNetwork);
  }

  private namespaceOf(name: string): NamespaceSpec {
    return this.cluster.namespaces.find((n) => n.name === name) ?? { name, labels: { [NAMESPACE_NAME_LABEL]: name } };
  }

  private resolve(endpoint: QueryEnd): Other {
    if ('workload' in endpoint) {
      const w = typeof endpoint.workload === 'string' ? this.cluster.findWorkload(endpoint.workload) : endpoint.workload;
      if (!w) throw new Error(`Unknown workload "${String(endpoint.workload)}".`);
      return { kind: 'pod', workload: w };
    }
    if ('ip' in endpoint) return { kind: 'ip', ip: endpoint.ip };
    if ('internet' in endpoint) return { kind: 'internet' };
    return { kind: 'node' };
  }
}

/** B25: `*.` stands for one or more whole leading labels; otherwise the names are equal (case and a final dot aside). */
function wildcardMatch(pattern: string, name: string): boolean {
  const norm = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s).toLowerCase();
  const p = norm(pattern);
  const n = norm(name);
  if (!p.startsWith('*.')) return p === n;
  const labels = n.split('.');
  const parent = p.slice(2).split('.');
  return labels.length > parent.length && labels.slice(labels.length - parent.length).join('.') === parent.join('.');
}

interface RawClusterPolicy {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly spec: any;
}

/** Cluster spec B.7 `decide` for one connection: Admin, then NetworkPolicy (if isolating), then Baseline, then allow. */
function decide(
  admin: readonly { action: string; ports: ConnectionSet }[],
  networkPolicy: ConnectionSet | undefined,
  baseline: readonly { action: string; ports: ConnectionSet }[],
  protocol: Protocol,
  port: number,
): boolean {
  let skipAdmin = false;
  for (const rule of admin) {
    if (skipAdmin || !rule.ports.contains(protocol, port)) continue;
    if (rule.action === 'Accept') return true;
    if (rule.action === 'Deny') return false;
    skipAdmin = true;
  }
  if (networkPolicy !== undefined) return networkPolicy.contains(protocol, port);
  for (const rule of baseline) {
    if (!rule.ports.contains(protocol, port)) continue;
    return rule.action !== 'Deny';
  }
  return true;
}

/** B27–B30: v1alpha2 `protocols` or v1alpha1 `ports` (protocol TCP when omitted); named ports on the destination pod. */
function clusterPorts(entries: any[] | undefined, apiVersion: string, destinationPorts: readonly ContainerPortSpec[] | undefined): ConnectionSet {
  if (entries === undefined || entries === null) return ConnectionSet.all();
  let result = ConnectionSet.none();
  const range = (protocol: string, first: number, last: number) => {
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') return;
    if (first >= 1 && last <= 65535 && first <= last) result = result.union(ConnectionSet.ports(protocol as Protocol, first, last));
  };
  const named = (name: string) => {
    for (const cp of destinationPorts ?? []) if (cp.name === name) result = result.union(ConnectionSet.ports(cp.protocol, cp.port));
  };
  for (const e of entries) {
    if (apiVersion.endsWith('v1alpha2')) {
      if (typeof e.destinationNamedPort === 'string') named(e.destinationNamedPort);
      for (const key of ['tcp', 'udp', 'sctp']) {
        const dp = e[key]?.destinationPort;
        if (!dp) continue;
        if (typeof dp.number === 'number') range(key.toUpperCase(), dp.number, dp.number);
        else if (dp.range) range(key.toUpperCase(), dp.range.start, dp.range.end);
      }
    } else if (typeof e.namedPort === 'string') {
      named(e.namedPort);
    } else if (e.portNumber) {
      range(e.portNumber.protocol ?? 'TCP', e.portNumber.port, e.portNumber.port);
    } else if (e.portRange) {
      range(e.portRange.protocol ?? 'TCP', e.portRange.start, e.portRange.end);
    }
  }
  return result;
}

type Other =
  | { readonly kind: 'pod'; readonly workload: WorkloadSpec }
  | { readonly kind: 'ip'; readonly ip: string }
  | { readonly kind: 'internet' }
  | { readonly kind: 'node' };

/** A.0: policyTypes default to [Ingress], plus Egress when egress rules exist. */
function effectiveTypes(spec: any): string[] {
  const declared: string[] = spec.policyTypes ?? [];
  if (declared.length > 0) return declared;
  return (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** B.5: label selector semantics. */
function matches(selector: any, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    // JSON null in a selector decodes to "" on the API server.
    if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== (value ?? '')) return false;
  }
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, expr.key);
    const inValues = has && (expr.values ?? []).map((v: string | null) => v ?? '').includes(labels[expr.key]);
    const ok = expr.operator === 'In' ? inValues
      : expr.operator === 'NotIn' ? !inValues
        : expr.operator === 'Exists' ? has
          : expr.operator === 'DoesNotExist' ? !has
            : false;
    if (!ok) return false;
  }
  return true;
}

/** B.7/B.8: the connections a rule's port list admits towards a destination. */
function portsOf(ports: any[], destinationPorts: readonly ContainerPortSpec[] | undefined): ConnectionSet {
  if (ports.length === 0) return ConnectionSet.all();
  let result = ConnectionSet.none();
  for (const p of ports) {
    const protocol: string = p?.protocol ?? 'TCP';
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') continue;
    const proto = protocol as Protocol;
    if (p?.port === undefined || p?.port === null) {
      result = result.union(ConnectionSet.allPortsOf(proto));
    } else if (typeof p.port === 'number') {
      result = result.union(ConnectionSet.ports(proto, p.port, p.endPort ?? p.port));
    } else {
      for (const cp of destinationPorts ?? []) {
        if (cp.name === p.port && cp.protocol === proto) result = result.union(ConnectionSet.ports(proto, cp.port));
      }
    }
  }
  return result;
}

/** B.9: in the cidr and in no except, same family only. */
function inIpBlock(ip: string, block: any): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    addr = ipaddr.process(ip);
    range = ipaddr.parseCIDR(block.cidr);
  } catch {
    return false;
  }
  const within = (cidr: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean =>
    cidr[0].kind() === addr.kind() && addr.match(cidr as any);
  if (!within(range)) return false;
  for (const e of block.except ?? []) {
    try {
      if (within(ipaddr.parseCIDR(e))) return false;
    } catch {
      // an unparseable except excludes nothing
    }
  }
  return true;
}
