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

  constructor(private readonly cluster: Cluster, options: EvaluatorOptions = {}) {
    this.ipBlockMatchesPodIps = options.ipBlockMatchesPodIps ?? true;
    this.hostNetworkAsNode = (options.hostNetwork ?? 'as-pod') === 'as-node';
    this.nodeEgressAlwaysAllowed = options.nodeEgressAlwaysAllowed ?? false;
    this.selfTrafficAllowed = (options.selfTraffic ?? 'allowed') === 'allowed';
  }

  /** Every connection the source workload may open to the destination workload. */
  public workloadConnections(source: WorkloadSpec, destination: WorkloadSpec): ConnectionSet {
    if (source === destination && source.replicas === 1 && this.selfTrafficAllowed) return ConnectionSet.all();
    return this.connections({ kind: 'pod', workload: source }, { kind: 'pod', workload: destination });
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
    return { allowed: this.connections(source, destination).contains(query.protocol, query.port) };
  }

  private connections(source: Other, destination: Other): ConnectionSet {
    // Named ports resolve on a destination pod; a hostNetwork pod read as node traffic has none.
    const destinationPorts = destination.kind === 'pod' && this.isPolicyPod(destination.workload) ? destination.workload.ports : undefined;
    let egress = ConnectionSet.all();
    if (source.kind === 'pod' && this.isPolicyPod(source.workload)) {
      if (!(destination.kind === 'node' && this.nodeEgressAlwaysAllowed)) {
        egress = this.side('Egress', source.workload, destination, destinationPorts);
      }
    }
    let ingress = ConnectionSet.all();
    if (destination.kind === 'pod' && this.isPolicyPod(destination.workload) && source.kind !== 'node') {
      ingress = this.side('Ingress', destination.workload, source, destinationPorts);
    }
    return egress.intersect(ingress);
  }

  /** B.11 steps 3/4: what `pod` allows in `type` towards/from `other`. */
  private side(type: 'Ingress' | 'Egress', pod: WorkloadSpec, other: Other, destinationPorts: readonly ContainerPortSpec[] | undefined): ConnectionSet {
    const policies = this.cluster.policies.filter((p) => {
      const spec: any = p.manifest.spec ?? {};
      return p.namespace === pod.namespace && matches(spec.podSelector ?? {}, pod.labels) && effectiveTypes(spec).includes(type);
    });
    if (policies.length === 0) return ConnectionSet.all();
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
