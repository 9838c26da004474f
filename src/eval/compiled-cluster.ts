import { Bitset } from './bitset';
import { CompiledClusterPolicies } from './compiled-cluster-policies';
import { hasNamedPort, ruleConnections } from './ports';
import { EvaluatorOptions } from './types';
import { Cluster, ContainerPortSpec, PolicySpec, WorkloadSpec } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { Labels, selectorMatches } from '../model/labels';
import { LabelSelectorManifest } from '../model/manifest';
import { Direction, NormalizedPeer, NormalizedPolicy, NormalizedRule, normalizePolicy } from '../model/normalize';
import { ParsedIp, IpFamily, IpInterval, intervalContains, cidrInterval, parseIp } from '../net/cidr';

/**
 * An equivalence class of workloads: same namespace, labels, container ports, IPs and
 * hostNetwork flag. Every policy treats all members alike, so the evaluator works on classes.
 */
export interface Subject {
  readonly index: number;
  readonly namespace: string;
  readonly namespaceLabels: Labels;
  readonly labels: Labels;
  readonly ports: readonly ContainerPortSpec[];
  readonly ips: readonly ParsedIp[];
  /** False for hostNetwork pods under `hostNetwork: 'as-node'`: selectors never see them. */
  readonly selectable: boolean;
  /** hostNetwork pods: cluster policies never select them (B19), whatever `hostNetwork` says. */
  readonly hostNetwork: boolean;
  readonly workloads: WorkloadSpec[];
}

/** An ipBlock with parsed CIDRs; `cidr` undefined when unparseable (matches nothing). */
export interface CompiledIpBlock {
  readonly cidr?: IpInterval;
  readonly exceptCidrs: readonly IpInterval[];
}

export interface CompiledPeer {
  readonly peer: NormalizedPeer;
  /** Subjects this peer selects. */
  readonly subjects: Bitset;
  readonly ipBlock?: CompiledIpBlock;
}

export interface CompiledRule {
  readonly id: number;
  readonly policy: CompiledPolicy;
  readonly direction: Direction;
  readonly rule: NormalizedRule;
  /** The rule has no peers: it matches every pod and every address. */
  readonly allPeers: boolean;
  readonly peers: readonly CompiledPeer[];
  /** Union of the peers' subjects (every subject when `allPeers`). */
  readonly subjects: Bitset;
  /** Set when no port entry is named, so the allowed connections do not depend on the destination. */
  readonly constantPorts?: ConnectionSet;
}

export interface CompiledPolicy {
  readonly spec: PolicySpec;
  readonly normalized: NormalizedPolicy;
  readonly selected: Bitset;
  readonly ingress: readonly CompiledRule[];
  readonly egress: readonly CompiledRule[];
}

/** Options with their defaults filled in. */
export type ResolvedOptions = Required<EvaluatorOptions>;

export function resolveOptions(options: EvaluatorOptions = {}): ResolvedOptions {
  return {
    ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
    hostNetwork: options.hostNetwork ?? 'as-pod',
    nodeEgressAlwaysAllowed: options.nodeEgressAlwaysAllowed ?? false,
    selfTraffic: options.selfTraffic ?? 'allowed',
    networksMatchPodIps: options.networksMatchPodIps ?? true,
    equalPriorities: options.equalPriorities ?? 'by-name',
    mixedApiVersions: options.mixedApiVersions ?? 'refuse',
    nodeAddressTypes: options.nodeAddressTypes ?? ['InternalIP', 'ExternalIP'],
    domainNameAddresses: options.domainNameAddresses ?? {},
  };
}

/** Whether an ipBlock contains an address (in the cidr and in no except). */
function ipBlockContains(block: CompiledIpBlock, address: ParsedIp): boolean {
  if (!block.cidr || !intervalContains(block.cidr, address)) return false;
  return !block.exceptCidrs.some((e) => intervalContains(e, address));
}

function compileIpBlock(cidr: string, exceptCidrs: readonly string[]): CompiledIpBlock {
  const parsed = cidrInterval(cidr);
  return {
    ...(parsed ? { cidr: parsed } : {}),
    exceptCidrs: exceptCidrs.map(cidrInterval).filter((e): e is IpInterval => e !== undefined),
  };
}

/**
 * The cluster prepared for fast evaluation: workloads grouped into subjects, every policy's
 * selected subjects and every peer's subjects computed once as bitsets (with label indexes and
 * caches shared between policies), and per subject the rules that apply to it.
 */
export class CompiledCluster {
  public readonly subjects: Subject[] = [];
  public readonly policies: CompiledPolicy[] = [];
  public readonly rules: CompiledRule[] = [];
  /** Per subject: ingress rules of the policies isolating it, or undefined when not isolated. */
  public readonly ingressRules: (CompiledRule[] | undefined)[] = [];
  public readonly egressRules: (CompiledRule[] | undefined)[] = [];
  public readonly ingressPolicies: CompiledPolicy[][] = [];
  public readonly egressPolicies: CompiledPolicy[][] = [];
  /** The cluster-scoped policies (Admin and Baseline tiers). */
  public readonly clusterPolicies: CompiledClusterPolicies;

  private readonly subjectByWorkload = new Map<WorkloadSpec, Subject>();
  private readonly subjectsByNamespace = new Map<string, NamespaceIndex>();
  private readonly namespaceNames: string[];
  private readonly selectionCache = new Map<string, Bitset>();
  private readonly namespaceSelectionCache = new Map<string, string[]>();
  private readonly portCache = new Map<number, Map<number, ConnectionSet>>();
  private readonly interned = new Map<string, ConnectionSet>();
  private readonly ipBlockCache = new Map<string, Bitset>();
  /** Per family, every (address, subject) of the subjects ipBlocks may select, sorted by address. */
  private readonly addressIndex: Record<IpFamily, { value: bigint; subject: number }[]> = { 4: [], 6: [] };

  constructor(public readonly cluster: Cluster, public readonly options: ResolvedOptions) {
    this.buildSubjects();
    this.buildAddressIndex();
    this.namespaceNames = cluster.namespaces.map((n) => n.name);
    for (const spec of cluster.policies) this.compilePolicy(spec);
    for (let i = 0; i < this.subjects.length; i++) {
      this.ingressPolicies.push([]);
      this.egressPolicies.push([]);
      this.ingressRules.push(undefined);
      this.egressRules.push(undefined);
    }
    this.clusterPolicies = new CompiledClusterPolicies(cluster.clusterPolicies, cluster.nodes, this.subjects, options, (set) => this.intern(set));
    for (const policy of this.policies) {
      policy.selected.forEach((s) => {
        if (policy.normalized.isolatesIngress) {
          this.ingressPolicies[s].push(policy);
          (this.ingressRules[s] ??= []).push(...policy.ingress);
        }
        if (policy.normalized.isolatesEgress) {
          this.egressPolicies[s].push(policy);
          (this.egressRules[s] ??= []).push(...policy.egress);
        }
      });
    }
  }

  /** The subject (equivalence class) of a workload of this cluster. */
  public subjectOf(workload: WorkloadSpec): Subject {
    const s = this.subjectByWorkload.get(workload);
    if (!s) throw new Error(`Workload "${workload.namespace}/${workload.name}" is not part of the evaluated cluster.`);
    return s;
  }

  /** Connections a rule allows towards a destination subject (undefined: not a pod). */
  public rulePorts(rule: CompiledRule, destination: Subject | undefined): ConnectionSet {
    if (rule.constantPorts) return rule.constantPorts;
    // No pod (or a hostNetwork pod read as node traffic): named ports resolve to nothing (docs/semantics.md#named-ports).
    if (!destination || !destination.selectable) return this.intern(ruleConnections(rule.rule, undefined));
    let cache = this.portCache.get(rule.id);
    if (!cache) this.portCache.set(rule.id, cache = new Map());
    let result = cache.get(destination.index);
    if (!result) cache.set(destination.index, result = this.intern(ruleConnections(rule.rule, destination.ports)));
    return result;
  }

  /**
   * The one shared instance of an equal set, so that equal sets are identical objects and
   * callers can memoize set operations by identity.
   */
  public intern(set: ConnectionSet): ConnectionSet {
    if (set.isEmpty() || set.isAll()) return set;
    const key = set.toString();
    const existing = this.interned.get(key);
    if (existing) return existing;
    this.interned.set(key, set);
    return set;
  }

  /** Whether a peer of a rule matches an external address. */
  public peerMatchesAddress(peer: CompiledPeer, address: ParsedIp): boolean {
    return peer.ipBlock !== undefined && ipBlockContains(peer.ipBlock, address);
  }

  /** Whether a rule's peers match an external address. */
  public ruleMatchesAddress(rule: CompiledRule, address: ParsedIp): boolean {
    if (rule.allPeers) return true;
    return rule.peers.some((p) => this.peerMatchesAddress(p, address));
  }

  private buildSubjects(): void {
    const byKey = new Map<string, Subject>();
    for (const w of this.cluster.workloads) {
      const selectable = !(w.hostNetwork && this.options.hostNetwork === 'as-node');
      const key = JSON.stringify([
        w.namespace,
        sortedEntries(w.labels),
        [...w.ports].map((p) => [p.name ?? '', p.port, p.protocol]).sort(),
        [...w.podIps].sort(),
        selectable,
        w.hostNetwork,
      ]);
      let subject = byKey.get(key);
      if (!subject) {
        subject = {
          index: this.subjects.length,
          namespace: w.namespace,
          namespaceLabels: this.cluster.namespaceLabels(w.namespace),
          labels: w.labels,
          ports: w.ports,
          ips: w.podIps.map(parseIp).filter((ip): ip is ParsedIp => ip !== undefined),
          selectable,
          hostNetwork: w.hostNetwork,
          workloads: [],
        };
        byKey.set(key, subject);
        this.subjects.push(subject);
        if (selectable) this.namespaceIndex(w.namespace).add(subject);
      }
      subject.workloads.push(w);
      this.subjectByWorkload.set(w, subject);
    }
  }

  private buildAddressIndex(): void {
    for (const s of this.subjects) {
      if (!this.options.ipBlockMatchesPodIps && s.selectable) continue;
      for (const ip of s.ips) this.addressIndex[ip.family].push({ value: ip.value, subject: s.index });
    }
    for (const family of [4, 6] as IpFamily[]) {
      this.addressIndex[family].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.subject - b.subject));
    }
  }

  /** Subjects with an address in the ipBlock that it may select (see `ipBlockMatchesPodIps`), cached. */
  private selectByIpBlock(block: CompiledIpBlock, key: string): Bitset {
    let result = this.ipBlockCache.get(key);
    if (result) return result;
    result = new Bitset(this.subjects.length);
    if (block.cidr) {
      const { family, first, last } = block.cidr;
      const entries = this.addressIndex[family];
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (entries[mid].value < first) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < entries.length && entries[i].value <= last; i++) {
        const address = { family, value: entries[i].value };
        if (!block.exceptCidrs.some((e) => intervalContains(e, address))) result.add(entries[i].subject);
      }
    }
    this.ipBlockCache.set(key, result);
    return result;
  }

  private namespaceIndex(namespace: string): NamespaceIndex {
    let index = this.subjectsByNamespace.get(namespace);
    if (!index) this.subjectsByNamespace.set(namespace, index = new NamespaceIndex());
    return index;
  }

  private compilePolicy(spec: PolicySpec): void {
    const normalized = normalizePolicy(spec.manifest, spec.namespace, spec.name);
    const ingress: CompiledRule[] = [];
    const egress: CompiledRule[] = [];
    const policy: CompiledPolicy = {
      spec,
      normalized,
      selected: this.selectPods(spec.namespace, normalized.podSelector),
      ingress,
      egress,
    };
    for (const rule of normalized.ingress) ingress.push(this.compileRule(policy, 'ingress', rule));
    for (const rule of normalized.egress) egress.push(this.compileRule(policy, 'egress', rule));
    this.policies.push(policy);
  }

  private compileRule(policy: CompiledPolicy, direction: Direction, rule: NormalizedRule): CompiledRule {
    const peers = (rule.peers ?? []).map((p) => this.compilePeer(policy.spec.namespace, p));
    const allPeers = rule.peers === undefined;
    let subjects: Bitset;
    if (allPeers) {
      subjects = Bitset.full(this.subjects.length);
    } else if (peers.length === 1) {
      subjects = peers[0].subjects;
    } else {
      subjects = new Bitset(this.subjects.length);
      for (const p of peers) subjects.addAll(p.subjects);
    }
    const compiled: CompiledRule = {
      id: this.rules.length,
      policy,
      direction,
      rule,
      allPeers,
      peers,
      subjects,
      ...(hasNamedPort(rule) ? {} : { constantPorts: this.intern(ruleConnections(rule, undefined)) }),
    };
    this.rules.push(compiled);
    return compiled;
  }

  private compilePeer(policyNamespace: string, peer: NormalizedPeer): CompiledPeer {
    switch (peer.kind) {
      case 'invalid':
        return { peer, subjects: new Bitset(this.subjects.length) };
      case 'ipBlock': {
        const ipBlock = compileIpBlock(peer.cidr, peer.exceptCidrs);
        const subjects = this.selectByIpBlock(ipBlock, JSON.stringify([peer.cidr, peer.exceptCidrs]));
        return { peer, subjects, ipBlock };
      }
      case 'pods': {
        const namespaces = peer.namespaceSelector === undefined
          ? [policyNamespace]
          : this.selectNamespaces(peer.namespaceSelector);
        const podSelector = peer.podSelector ?? {};
        if (namespaces.length === 1) return { peer, subjects: this.selectPods(namespaces[0], podSelector) };
        const key = `peer\u0000${JSON.stringify(namespaces)}\u0000${JSON.stringify(podSelector)}`;
        let subjects = this.selectionCache.get(key);
        if (!subjects) {
          subjects = new Bitset(this.subjects.length);
          for (const ns of namespaces) subjects.addAll(this.selectPods(ns, podSelector));
          this.selectionCache.set(key, subjects);
        }
        return { peer, subjects };
      }
    }
  }

  /** Selectable subjects of one namespace matching a pod selector (cached). */
  private selectPods(namespace: string, selector: LabelSelectorManifest): Bitset {
    const key = `pods\u0000${namespace}\u0000${JSON.stringify(selector)}`;
    let result = this.selectionCache.get(key);
    if (!result) {
      result = new Bitset(this.subjects.length);
      const index = this.subjectsByNamespace.get(namespace);
      if (index) for (const s of index.candidates(selector)) if (selectorMatches(selector, s.labels)) result.add(s.index);
      this.selectionCache.set(key, result);
    }
    return result;
  }

  /** Names of the namespaces whose labels match a namespace selector (cached). */
  private selectNamespaces(selector: LabelSelectorManifest): string[] {
    const key = JSON.stringify(selector);
    let result = this.namespaceSelectionCache.get(key);
    if (!result) {
      result = this.namespaceNames.filter((n) => selectorMatches(selector, this.cluster.namespaceLabels(n)));
      this.namespaceSelectionCache.set(key, result);
    }
    return result;
  }
}

/** The selectable subjects of one namespace, indexed by label key and value. */
class NamespaceIndex {
  private readonly all: Subject[] = [];
  private readonly byLabel = new Map<string, Map<string, Subject[]>>();

  public add(subject: Subject): void {
    this.all.push(subject);
    for (const [key, value] of Object.entries(subject.labels)) {
      let values = this.byLabel.get(key);
      if (!values) this.byLabel.set(key, values = new Map());
      let list = values.get(value);
      if (!list) values.set(value, list = []);
      list.push(subject);
    }
  }

  /** A superset of the subjects the selector can match (the caller still checks each one). */
  public candidates(selector: LabelSelectorManifest): readonly Subject[] {
    const matchLabels = selector.matchLabels ?? {};
    let best: readonly Subject[] = this.all;
    for (const key of Object.keys(matchLabels)) {
      const list = this.byLabel.get(key)?.get(matchLabels[key]) ?? [];
      if (list.length < best.length) best = list;
    }
    return best;
  }
}

function sortedEntries(labels: Labels): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
