import { Bitset } from './bitset';
import type { ResolvedOptions, Subject } from './compiled-cluster';
import { ContainerPortSpec, NodeSpec } from '../model/cluster';
import {
  ClusterPolicyAction,
  ClusterPolicyDirection,
  ClusterPolicyPeer,
  ClusterPolicyPort,
  ClusterPolicyRule,
  ClusterPolicySpec,
  ClusterPolicySubject,
  ClusterPolicyTier,
  clusterPolicyLabel,
} from '../model/cluster-policy';
import { ConnectionSet } from '../model/connection-set';
import { selectorMatches } from '../model/labels';
import { LabelSelectorManifest } from '../model/manifest';
import { Protocol } from '../model/protocol';
import { IpInterval, ParsedIp, cidrInterval, intervalContains } from '../net/cidr';

/** A peer of a cluster policy rule with the subjects it matches (and its CIDRs for addresses). */
export interface CompiledClusterPeer {
  readonly peer: ClusterPolicyPeer;
  readonly subjects: Bitset;
  /** Parsed CIDRs of a `networks` peer (unparseable ones left out). */
  readonly networks?: readonly IpInterval[];
}

export interface CompiledClusterRule {
  readonly id: number;
  readonly policy: CompiledClusterPolicy;
  readonly direction: ClusterPolicyDirection;
  readonly rule: ClusterPolicyRule;
  /** The action applied: Deny for a rule that fails closed. */
  readonly action: ClusterPolicyAction;
  /** B33: a Deny or Pass rule with an unreadable peer, read as "Deny" for every peer (its ports still apply). */
  readonly failClosed: boolean;
  readonly peers: readonly CompiledClusterPeer[];
  /** Union of the peers' subjects. */
  readonly subjects: Bitset;
  /** Set when no port entry is named, so the connections do not depend on the destination. */
  readonly constantPorts?: ConnectionSet;
  /** Some peer is `networks`, so the rule can match an external address. */
  readonly matchesAddresses: boolean;
}

export interface CompiledClusterPolicy {
  readonly spec: ClusterPolicySpec;
  readonly selected: Bitset;
  readonly ingress: readonly CompiledClusterRule[];
  readonly egress: readonly CompiledClusterRule[];
  /** Same tier, same priority, a common subject: their order is the I1 tie-break (name). */
  readonly tiedWith: CompiledClusterPolicy[];
}

/** Per tier and direction, per subject: the ordered rules that apply to it (undefined: none). */
type RulesBySubject = (CompiledClusterRule[] | undefined)[];

/**
 * The cluster-scoped policies prepared for evaluation (docs/cluster-policies.md): each policy's
 * subjects and each peer's subjects as bitsets, and per subject, tier and direction the rules
 * in evaluation order: ascending priority, ties by name (I1), rules in the order written (B4).
 */
export class CompiledClusterPolicies {
  public readonly policies: CompiledClusterPolicy[] = [];
  public readonly rules: CompiledClusterRule[] = [];
  private readonly bySubject: Record<ClusterPolicyTier, Record<ClusterPolicyDirection, RulesBySubject>> = {
    Admin: { ingress: [], egress: [] },
    Baseline: { ingress: [], egress: [] },
  };
  private readonly portCache = new Map<number, Map<number, ConnectionSet>>();
  private readonly selections = new Map<string, Bitset>();
  private namespaceMembers?: Map<string, Subject[]>;

  constructor(
    specs: readonly ClusterPolicySpec[],
    private readonly nodes: readonly NodeSpec[],
    private readonly subjects: readonly Subject[],
    private readonly options: ResolvedOptions,
    private readonly intern: (set: ConnectionSet) => ConnectionSet,
  ) {
    const ordered = orderPolicies(specs, options);
    for (const spec of ordered) this.policies.push(this.compilePolicy(spec));
    this.findTies();
    for (const policy of this.policies) {
      const tier = this.bySubject[policy.spec.tier];
      policy.selected.forEach((s) => {
        if (policy.ingress.length > 0) (tier.ingress[s] ??= []).push(...policy.ingress);
        if (policy.egress.length > 0) (tier.egress[s] ??= []).push(...policy.egress);
      });
    }
  }

  /** True when some cluster policy exists. */
  public get any(): boolean {
    return this.policies.length > 0;
  }

  /** The ordered rules of one tier and direction that apply to a subject (undefined: none). */
  public rulesFor(tier: ClusterPolicyTier, direction: ClusterPolicyDirection, subject: Subject): readonly CompiledClusterRule[] | undefined {
    return this.bySubject[tier][direction][subject.index];
  }

  /** Connections a rule covers towards a destination (undefined or not a pod: named ports match nothing, B30). */
  public rulePorts(rule: CompiledClusterRule, destination: Subject | undefined): ConnectionSet {
    if (rule.constantPorts) return rule.constantPorts;
    if (!destination || !clusterSelectable(destination)) return this.intern(portsConnections(rule.rule.ports, undefined));
    let cache = this.portCache.get(rule.id);
    if (!cache) this.portCache.set(rule.id, cache = new Map());
    let result = cache.get(destination.index);
    if (!result) cache.set(destination.index, result = this.intern(portsConnections(rule.rule.ports, destination.ports)));
    return result;
  }

  /**
   * Index of the first peer matching an external address (networks only; -1 for a rule that fails
   * closed), undefined when none does.
   */
  public peerMatchingAddress(rule: CompiledClusterRule, address: ParsedIp): number | undefined {
    if (rule.failClosed) return -1;
    for (let i = 0; i < rule.peers.length; i++) {
      if (rule.peers[i].networks?.some((n) => intervalContains(n, address))) return i;
    }
    return undefined;
  }

  private compilePolicy(spec: ClusterPolicySpec): CompiledClusterPolicy {
    const ingress: CompiledClusterRule[] = [];
    const egress: CompiledClusterRule[] = [];
    const policy: CompiledClusterPolicy = { spec, selected: this.selectSubject(spec.subject), ingress, egress, tiedWith: [] };
    for (const rule of spec.ingress) ingress.push(this.compileRule(policy, 'ingress', rule));
    for (const rule of spec.egress) egress.push(this.compileRule(policy, 'egress', rule));
    return policy;
  }

  private compileRule(policy: CompiledClusterPolicy, direction: ClusterPolicyDirection, rule: ClusterPolicyRule): CompiledClusterRule {
    const peers = rule.peers.map((p) => this.compilePeer(p, direction));
    // B33: a Deny or Pass rule with a peer no field of which is known is read as "Deny all".
    const failClosed = rule.action !== 'Accept' && rule.peers.some((p) => p.kind === 'unknown');
    const subjects = failClosed ? Bitset.full(this.subjects.length) : new Bitset(this.subjects.length);
    if (!failClosed) for (const p of peers) subjects.addAll(p.subjects);
    const named = (rule.ports ?? []).some((p) => p.kind === 'named');
    const compiled: CompiledClusterRule = {
      id: this.rules.length,
      policy,
      direction,
      rule,
      action: failClosed ? 'Deny' : rule.action,
      failClosed,
      peers,
      subjects,
      ...(named ? {} : { constantPorts: this.intern(portsConnections(rule.ports, undefined)) }),
      matchesAddresses: failClosed || peers.some((p) => p.networks !== undefined),
    };
    this.rules.push(compiled);
    return compiled;
  }

  private compilePeer(peer: ClusterPolicyPeer, direction: ClusterPolicyDirection): CompiledClusterPeer {
    // networks, nodes and domainNames are egress peers only (B26): in ingress they match nothing,
    // as an unknown peer does in either direction (below).
    if (direction === 'ingress' && peer.kind !== 'namespaces' && peer.kind !== 'pods') {
      return { peer, subjects: new Bitset(this.subjects.length) };
    }
    switch (peer.kind) {
      case 'namespaces':
        return { peer, subjects: this.select(peer.namespaceSelector) };
      case 'pods':
        return { peer, subjects: this.select(peer.namespaceSelector, peer.podSelector) };
      // networks, the addresses of the selected nodes (I3), the addresses given for the names (I4):
      // all match by destination IP (B22, B24, B25).
      case 'networks':
        return this.addressPeer(peer, peer.cidrs);
      case 'nodes':
        return this.addressPeer(peer, this.nodes
          .filter((n) => selectorMatches(peer.nodeSelector, n.labels))
          .flatMap((n) => n.addresses.filter((a) => this.options.nodeAddressTypes.includes(a.type)).map((a) => a.address)));
      case 'domainNames':
        return this.addressPeer(peer, Object.entries(this.options.domainNameAddresses)
          .filter(([name]) => peer.domainNames.some((pattern) => domainMatches(pattern, name)))
          .flatMap(([, addresses]) => addresses));
      // A peer with no known field fails closed (B33): see `compileRule`.
      case 'unknown':
        return { peer, subjects: new Bitset(this.subjects.length) };
    }
  }

  /** A peer matching destination addresses (CIDRs or single IPs), and the pods that have one. */
  private addressPeer(peer: ClusterPolicyPeer, addresses: readonly string[]): CompiledClusterPeer {
    const networks = addresses.map((a) => cidrInterval(a.includes('/') ? a : `${a}/${a.includes(':') ? 128 : 32}`))
      .filter((n): n is IpInterval => n !== undefined);
    const subjects = new Bitset(this.subjects.length);
    for (const s of this.subjects) {
      if (clusterSelectable(s) && !this.options.networksMatchPodIps) continue;
      if (s.ips.some((ip) => networks.some((n) => intervalContains(n, ip)))) subjects.add(s.index);
    }
    return { peer, subjects, networks };
  }

  private selectSubject(subject: ClusterPolicySubject): Bitset {
    return subject.kind === 'namespaces' ? this.select(subject.namespaceSelector) : this.select(subject.namespaceSelector, subject.podSelector);
  }

  /**
   * Subjects a cluster policy can see (never hostNetwork pods, B19) in the namespaces a selector
   * matches, and matching a pod selector when one is given. Each namespace's labels are matched
   * once, and equal selectors share one result.
   */
  private select(namespaceSelector: LabelSelectorManifest, podSelector?: LabelSelectorManifest): Bitset {
    const key = JSON.stringify([namespaceSelector, podSelector ?? null]);
    const cached = this.selections.get(key);
    if (cached) return cached;
    const result = new Bitset(this.subjects.length);
    for (const members of this.byNamespace().values()) {
      if (!selectorMatches(namespaceSelector, members[0].namespaceLabels)) continue;
      for (const s of members) if (!podSelector || selectorMatches(podSelector, s.labels)) result.add(s.index);
    }
    this.selections.set(key, result);
    return result;
  }

  /** The subjects cluster policies can see, by namespace. */
  private byNamespace(): Map<string, Subject[]> {
    if (!this.namespaceMembers) {
      this.namespaceMembers = new Map();
      for (const s of this.subjects) {
        if (!clusterSelectable(s)) continue;
        let list = this.namespaceMembers.get(s.namespace);
        if (!list) this.namespaceMembers.set(s.namespace, list = []);
        list.push(s);
      }
    }
    return this.namespaceMembers;
  }

  private findTies(): void {
    for (let i = 0; i < this.policies.length; i++) {
      for (let j = i + 1; j < this.policies.length; j++) {
        const a = this.policies[i];
        const b = this.policies[j];
        if (a.spec.tier !== b.spec.tier || a.spec.priority !== b.spec.priority || !intersects(a.selected, b.selected)) continue;
        if (this.options.equalPriorities === 'error') {
          throw new ClusterPolicyOrderError(`${clusterPolicyLabel(a.spec)} and ${clusterPolicyLabel(b.spec)} are both in the ${a.spec.tier} tier with priority `
            + `${a.spec.priority ?? '(none)'} and select common pods: upstream leaves their order undefined. Give them different priorities, `
            + 'or evaluate with equalPriorities \'by-name\' (--equal-priorities by-name).');
        }
        a.tiedWith.push(b);
        b.tiedWith.push(a);
      }
    }
  }
}

/** The cluster policies cannot be put in one order without a choice the user has not made (I1, I12). */
export class ClusterPolicyOrderError extends Error {}

/** A cluster policy sees pods that are not host-networked (B19), whatever the NetworkPolicy hostNetwork option. */
export function clusterSelectable(subject: Subject): boolean {
  return !subject.hostNetwork;
}

/**
 * Evaluation order of the cluster policies (B2, B3, I1, I12): by tier, then ascending priority
 * (a v1alpha1 BaselineAdminNetworkPolicy has none and comes first), then by name. When one tier
 * holds both API versions, `mixedApiVersions` decides, or the evaluation is refused.
 */
function orderPolicies(policies: readonly ClusterPolicySpec[], options: ResolvedOptions): ClusterPolicySpec[] {
  for (const tier of ['Admin', 'Baseline'] as const) {
    const inTier = policies.filter((p) => p.tier === tier);
    const v1 = inTier.find((p) => p.apiVersion === 'v1alpha1');
    const v2 = inTier.find((p) => p.apiVersion === 'v1alpha2');
    if (v1 && v2 && options.mixedApiVersions === 'refuse') {
      throw new ClusterPolicyOrderError(`The ${tier} tier holds both ${clusterPolicyLabel(v1)} (v1alpha1) and ${clusterPolicyLabel(v2)} (v1alpha2): upstream defines `
        + 'no order between the two API versions. Keep one of them, or choose an order with mixedApiVersions '
        + '\'v1alpha1-first\' or \'v1alpha2-first\' (--mixed-api-versions).');
    }
  }
  return [...policies].sort((a, b) => compareEvaluationOrder(a, b, options.mixedApiVersions));
}

/**
 * The evaluation order of two cluster policies of one tier: API version (only where one tier holds
 * both, as `mixedApiVersions` says), ascending priority, then name (I1), then kind.
 */
export function compareEvaluationOrder(
  a: ClusterPolicySpec,
  b: ClusterPolicySpec,
  mixedApiVersions: ResolvedOptions['mixedApiVersions'] = 'refuse',
): number {
  const versionRank = (p: ClusterPolicySpec) => (mixedApiVersions === 'v1alpha2-first'
    ? (p.apiVersion === 'v1alpha2' ? 0 : 1)
    : (p.apiVersion === 'v1alpha1' ? 0 : 1));
  return versionRank(a) - versionRank(b)
    || (a.priority ?? -1) - (b.priority ?? -1)
    || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
    || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

/** The connections a rule's port list covers towards a destination's container ports (B27–B30, I6, I8). */
export function portsConnections(
  ports: readonly ClusterPolicyPort[] | undefined,
  destinationPorts: readonly ContainerPortSpec[] | undefined,
): ConnectionSet {
  if (!ports) return ConnectionSet.all();
  let result = ConnectionSet.none();
  for (const entry of ports) {
    if (entry.kind === 'named') {
      for (const cp of destinationPorts ?? []) if (cp.name === entry.name) result = result.union(ConnectionSet.ports(cp.protocol, cp.port));
      continue;
    }
    // ConnectionSet.ports cuts the range to 1-65535, and is empty when first > last.
    if (entry.protocol) result = result.union(ConnectionSet.ports(entry.protocol, entry.first, entry.last));
  }
  return result;
}

/** Whether a rule's port list admits one protocol/port towards a destination. */
export function portsAdmit(
  ports: readonly ClusterPolicyPort[] | undefined,
  protocol: Protocol,
  port: number,
  destinationPorts: readonly ContainerPortSpec[] | undefined,
): number | undefined {
  if (!ports) return -1;
  for (let i = 0; i < ports.length; i++) {
    const entry = ports[i];
    if (entry.kind === 'named') {
      if ((destinationPorts ?? []).some((cp) => cp.name === entry.name && cp.protocol === protocol && cp.port === port)) return i;
    } else if (entry.protocol === protocol && port >= entry.first && port <= entry.last) {
      return i;
    }
  }
  return undefined;
}

function intersects(a: Bitset, b: Bitset): boolean {
  let found = false;
  a.forEach((i) => {
    if (!found && b.has(i)) found = true;
  });
  return found;
}

/**
 * Whether a `domainNames` entry matches a name (B25): exact names match themselves; `*.` matches
 * one or more whole leading labels, never the bare parent. Case and a trailing dot do not matter.
 */
export function domainMatches(pattern: string, name: string): boolean {
  const canonical = (text: string) => text.toLowerCase().replace(/\.$/, '');
  const p = canonical(pattern);
  const n = canonical(name);
  if (!p.startsWith('*.')) return p === n;
  const parent = p.slice(1);
  return n.endsWith(parent) && n.length > parent.length;
}
