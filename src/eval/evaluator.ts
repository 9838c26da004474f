import { CompiledCluster, CompiledPeer, CompiledPolicy, CompiledRule, Subject, resolveOptions, ResolvedOptions } from './compiled-cluster';
import { CompiledClusterRule, clusterSelectable, portsAdmit } from './compiled-cluster-policies';
import { describeClusterRule, describePass, describePolicy, describeRule, describeRuleRef, describeSource, ruleRefPath } from './describe';
import { ExternalConnectivity } from './external';
import { PairCandidates } from './pair-candidates';
import { portEntryAdmits } from './ports';
import { SetOps, TierHit, tieredConnections } from './tiers';
import {
  ClusterRuleRef,
  Connectivity,
  DecidingTier,
  DirectionVerdict,
  QueryEnd,
  EvaluatorOptions,
  ExternalConnections,
  PolicyRef,
  Query,
  RuleRef,
  Verdict,
  WorkloadPair,
} from './types';
import { Cluster, ContainerPortSpec, Protocol, WorkloadSpec, describeReplicas, isSinglePod, workloadKey } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { Direction } from '../model/normalize';
import { MAX_PORT, MIN_PORT, isProtocol } from '../model/protocol';
import { ParsedIp, formatIp, parseIp } from '../net/cidr';

export * from './types';

/** A destination subject and what a source may open to it. */
interface SubjectConnections {
  readonly destination: Subject;
  readonly connections: ConnectionSet;
}

/** An endpoint resolved against the cluster. */
type Resolved =
  | { readonly kind: 'pod'; readonly workload: WorkloadSpec; readonly subject: Subject }
  | { readonly kind: 'ip'; readonly text: string; readonly address: ParsedIp }
  | { readonly kind: 'internet' }
  | { readonly kind: 'node' };

/**
 * Evaluates NetworkPolicies over a cluster with Kubernetes semantics (docs/semantics.md): per-direction
 * isolation, union of rules, both ends for pod-to-pod traffic, named ports resolved on the
 * destination. Workloads are grouped into equivalence classes and every selector is matched once,
 * so full connectivity of large clusters stays fast. Behaviour Kubernetes leaves to the network
 * plugin is chosen with `EvaluatorOptions`.
 *
 * The cluster is read once at construction; build a new Evaluator after changing it.
 */
export class Evaluator {
  public readonly options: ResolvedOptions;
  private readonly compiled: CompiledCluster;
  private readonly unions = new Map<ConnectionSet, Map<ConnectionSet, ConnectionSet>>();
  private readonly intersections = new Map<ConnectionSet, Map<ConnectionSet, ConnectionSet>>();
  private readonly differences = new Map<ConnectionSet, Map<ConnectionSet, ConnectionSet>>();
  private readonly setIds = new Map<ConnectionSet, number>();
  private readonly tieredCache = new Map<string, ConnectionSet>();
  private candidates?: PairCandidates;
  private lastRow?: { readonly source: Subject; readonly row: readonly SubjectConnections[] };
  private readonly setOps: SetOps = {
    union: (a, b) => this.memo(this.unions, a, b, (x, y) => x.union(y)),
    intersect: (a, b) => this.memo(this.intersections, a, b, (x, y) => x.intersect(y)),
    subtract: (a, b) => (a === b ? ConnectionSet.none() : this.memo(this.differences, a, b, (x, y) => x.subtract(y))),
  };

  constructor(public readonly cluster: Cluster, options?: EvaluatorOptions) {
    this.options = resolveOptions(options);
    this.compiled = new CompiledCluster(cluster, this.options);
  }

  /** Every connection the source workload may open to the destination workload. */
  public workloadConnections(source: WorkloadSpec, destination: WorkloadSpec): ConnectionSet {
    const onePod = source === destination && isSinglePod(source);
    if (onePod && this.options.selfTraffic === 'allowed') return ConnectionSet.all();
    // B31: a pod reaching its own IP is exempt from cluster policies; NetworkPolicies still apply.
    return this.subjectConnections(this.compiled.subjectOf(source), this.compiled.subjectOf(destination), onePod);
  }

  /** Full workload-level connectivity: every allowed ordered pair and every workload's external connections. */
  public connectivity(): Connectivity {
    const pairs: WorkloadPair[] = [];
    // Subject by subject, so that the workloads of one subject share its row.
    for (const subject of this.compiled.subjects) {
      for (const source of subject.workloads) for (const pair of this.connectionsFrom(source)) pairs.push(pair);
    }
    return { pairs, external: this.externalConnections() };
  }

  /**
   * The pairs of `connectivity()` that start at one workload: every other workload it may open
   * a connection to, with the (non-empty) connections. Asked source by source, a caller holds one
   * source's answer at a time instead of all pairs of the cluster.
   */
  public connectionsFrom(source: WorkloadSpec): WorkloadPair[] {
    const pairs: WorkloadPair[] = [];
    for (const { destination, connections } of this.subjectRow(this.compiled.subjectOf(source))) {
      for (const dst of destination.workloads) {
        if (dst !== source) pairs.push({ source, destination: dst, connections });
      }
    }
    return pairs;
  }

  /** Every workload's connections with external addresses, in cluster order (the `external` of `connectivity()`). */
  public externalConnections(): ExternalConnections[] {
    const tiered = (admin: readonly TierHit[], np: ConnectionSet | undefined, baseline: readonly TierHit[]) => this.tiered(admin, np, baseline);
    const ingress = new ExternalConnectivity(this.compiled, 'ingress', tiered);
    const egress = new ExternalConnectivity(this.compiled, 'egress', tiered);
    return this.cluster.workloads.map((workload) => {
      const subject = this.compiled.subjectOf(workload);
      return { workload, ingress: ingress.rangesFor(subject), egress: egress.rangesFor(subject) };
    });
  }

  /** The destination subjects a source subject reaches, with the connections; the last row is kept for the subject's other workloads. */
  private subjectRow(source: Subject): readonly SubjectConnections[] {
    if (this.lastRow?.source === source) return this.lastRow.row;
    this.candidates ??= new PairCandidates(this.compiled);
    const subjects = this.compiled.subjects;
    const row: SubjectConnections[] = [];
    this.candidates.destinationsOf(source).forEach((di) => {
      const connections = this.subjectConnections(source, subjects[di]);
      if (!connections.isEmpty()) row.push({ destination: subjects[di], connections });
    });
    this.lastRow = { source, row };
    return row;
  }

  /** Whether one connection is allowed, with the reasons on each side. */
  public verdict(query: Query): Verdict {
    checkQuery(query);
    const source = this.resolve(query.source, 'source');
    const destination = this.resolve(query.destination, 'destination');
    if (source.kind !== 'pod' && destination.kind !== 'pod') {
      throw new Error(
        `Query from ${describeEndpoint(source)} to ${describeEndpoint(destination)} has no workload end: `
        + 'NetworkPolicies only govern traffic to or from pods. Name a workload as source or destination.',
      );
    }
    const sameWorkload = source.kind === 'pod' && destination.kind === 'pod' && source.workload === destination.workload;
    const self = sameWorkload && isSinglePod(source.workload) && this.options.selfTraffic === 'allowed';
    const onePod = sameWorkload && isSinglePod(source.workload);
    const egress = this.egressVerdict(source, destination, query, self, onePod);
    const ingress = this.ingressVerdict(source, destination, query, self, onePod);
    const allowed = egress.allowed && ingress.allowed;
    const selfCase = sameWorkload ? describeSelfCase(source.workload, self) : undefined;
    return withLazyText({ allowed, egress, ingress, ...(selfCase ? { selfCase } : {}) }, 'text', () => {
      const head = `${query.protocol}/${query.port} from ${describeEndpoint(source)} to ${describeEndpoint(destination)}: `
        + (allowed ? 'ALLOWED' : 'DENIED');
      return [
        head,
        ...(selfCase ? [`  ${selfCase}`] : []),
        ...sideText('egress', source, egress),
        ...sideText('ingress', destination, ingress),
      ].join('\n');
    });
  }

  private subjectConnections(source: Subject, destination: Subject, networkPoliciesOnly = false): ConnectionSet {
    // Egress first: sources usually have few egress rules, and most candidate pairs end there.
    const egress = this.sideConnections('egress', source, destination, destination, networkPoliciesOnly);
    if (egress.isEmpty()) return egress;
    const ingress = this.sideConnections('ingress', destination, source, destination, networkPoliciesOnly);
    return this.memo(this.intersections, egress, ingress, (a, b) => a.intersect(b));
  }

  /**
   * What one direction allows at `subject` towards or from `peer` (B1–B13): the Admin tier, then
   * the NetworkPolicies when they isolate the pod, else the Baseline tier, else allow.
   */
  private sideConnections(direction: Direction, subject: Subject, peer: Subject, destination: Subject, networkPoliciesOnly: boolean): ConnectionSet {
    const npRules = direction === 'egress' ? this.compiled.egressRules[subject.index] : this.compiled.ingressRules[subject.index];
    const tiers = this.compiled.clusterPolicies;
    if (!tiers.any) return npRules ? this.allowedConnections(npRules, peer, destination) : ConnectionSet.all();
    const admin = networkPoliciesOnly ? undefined : tiers.rulesFor('Admin', direction, subject);
    const baseline = networkPoliciesOnly || (npRules && !admin) ? undefined : tiers.rulesFor('Baseline', direction, subject);
    const networkPolicy = npRules ? this.allowedConnections(npRules, peer, destination) : undefined;
    if (!admin && !baseline) return networkPolicy ?? ConnectionSet.all();
    const adminHits = this.tierHits(admin, (r) => r.subjects.has(peer.index), destination);
    const baselineHits = networkPolicy ? [] : this.tierHits(baseline, (r) => r.subjects.has(peer.index), destination);
    if (adminHits.length === 0 && baselineHits.length === 0) return networkPolicy ?? ConnectionSet.all();
    return this.tiered(adminHits, networkPolicy, baselineHits);
  }

  /** The matching rules of a tier, in order, with the connections each covers. */
  private tierHits(
    rules: readonly CompiledClusterRule[] | undefined,
    matches: (r: CompiledClusterRule) => boolean,
    destination: Subject | undefined,
  ): TierHit[] {
    const hits: TierHit[] = [];
    for (const r of rules ?? []) {
      if (matches(r)) hits.push({ action: r.action, connections: this.compiled.clusterPolicies.rulePorts(r, destination) });
    }
    return hits;
  }

  /** `tieredConnections`, memoized by the hits' actions and (interned) sets. */
  private tiered(admin: readonly TierHit[], networkPolicy: ConnectionSet | undefined, baseline: readonly TierHit[]): ConnectionSet {
    const id = (set: ConnectionSet) => {
      let n = this.setIds.get(set);
      if (n === undefined) this.setIds.set(set, n = set.isAll() ? -1 : set.isEmpty() ? -2 : this.setIds.size);
      return n;
    };
    const key = `${admin.map((h) => `${h.action[0]}${id(h.connections)}`).join(',')}|${networkPolicy ? id(networkPolicy) : '-'}|`
      + baseline.map((h) => `${h.action[0]}${id(h.connections)}`).join(',');
    let result = this.tieredCache.get(key);
    if (!result) this.tieredCache.set(key, result = this.compiled.intern(tieredConnections(admin, networkPolicy, baseline, this.setOps)));
    return result;
  }

  /** Union of what the rules allow for the peer (undefined rules: not isolated, all allowed). */
  private allowedConnections(rules: readonly CompiledRule[] | undefined, peer: Subject, destination: Subject): ConnectionSet {
    if (!rules) return ConnectionSet.all();
    let result = ConnectionSet.none();
    for (const rule of rules) {
      if (!rule.subjects.has(peer.index)) continue;
      result = this.memo(this.unions, result, this.compiled.rulePorts(rule, destination), (a, b) => a.union(b));
      if (result.isAll()) break;
    }
    return result;
  }

  /** A set operation memoized by operand identity (operands and results are interned). */
  private memo(
    cache: Map<ConnectionSet, Map<ConnectionSet, ConnectionSet>>,
    a: ConnectionSet,
    b: ConnectionSet,
    op: (a: ConnectionSet, b: ConnectionSet) => ConnectionSet,
  ): ConnectionSet {
    if (a === b) return a;
    let inner = cache.get(a);
    if (!inner) cache.set(a, inner = new Map());
    let result = inner.get(b);
    if (!result) inner.set(b, result = this.compiled.intern(op(a, b)));
    return result;
  }

  private resolve(endpoint: QueryEnd, role: string): Resolved {
    if ('workload' in endpoint) {
      const ref = endpoint.workload;
      const workload = typeof ref === 'string' ? this.cluster.findWorkload(ref) : ref;
      if (!workload) {
        const known = this.cluster.workloads.slice(0, 10).map(workloadKey).join(', ');
        throw new Error(`Unknown ${role} workload "${String(ref)}". Use "ns/name" or "ns/name[Kind]"; known workloads include: ${known || '(none)'}.`);
      }
      return { kind: 'pod', workload, subject: this.compiled.subjectOf(workload) };
    }
    if ('ip' in endpoint) {
      const address = parseIp(endpoint.ip);
      if (!address) throw new Error(`Invalid ${role} IP address "${endpoint.ip}": use an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7.`);
      return { kind: 'ip', text: endpoint.ip, address };
    }
    if ('internet' in endpoint) return { kind: 'internet' };
    return { kind: 'node' };
  }

  private egressVerdict(source: Resolved, destination: Resolved, query: Query, self: boolean, onePod: boolean): DirectionVerdict {
    if (source.kind !== 'pod' || !source.subject.selectable) {
      return notApplicable(source.kind === 'pod'
        ? 'a hostNetwork pod sends node traffic, which NetworkPolicies do not police'
        : 'the source is not a pod');
    }
    const policies = this.compiled.egressPolicies[source.subject.index];
    const isolatingPolicies = policies.map(policyRef);
    if (self) return selfVerdict(isolatingPolicies);
    if (destination.kind === 'node' && this.options.nodeEgressAlwaysAllowed) {
      if (policies.length === 0) return notIsolated('egress', source.workload.namespace);
      return allowedWithoutRule(isolatingPolicies, 'egress to the pod\'s own node is always allowed (option nodeEgressAlwaysAllowed)');
    }
    const destinationPorts = destination.kind === 'pod' ? destination.subject.ports : undefined;
    return this.tieredVerdict('egress', source.subject, destination, query, destinationPorts, onePod, isolatingPolicies, () => {
      if (policies.length === 0) return undefined;
      return this.ruleVerdict('egress', policies, destination, query, isolatingPolicies);
    }, () => notIsolated('egress', source.workload.namespace));
  }

  private ingressVerdict(source: Resolved, destination: Resolved, query: Query, self: boolean, onePod: boolean): DirectionVerdict {
    if (destination.kind !== 'pod' || !destination.subject.selectable) {
      return notApplicable(destination.kind === 'pod'
        ? 'a hostNetwork pod receives node traffic, which NetworkPolicies do not police'
        : 'the destination is not a pod');
    }
    const policies = this.compiled.ingressPolicies[destination.subject.index];
    const isolatingPolicies = policies.map(policyRef);
    if (self) return selfVerdict(isolatingPolicies);
    return this.tieredVerdict('ingress', destination.subject, source, query, destination.subject.ports, onePod, isolatingPolicies, () => {
      if (policies.length === 0) return undefined;
      if (source.kind === 'node') return allowedWithoutRule(isolatingPolicies, 'ingress from the pod\'s own node is always allowed');
      return this.ruleVerdict('ingress', policies, source, query, isolatingPolicies, destination);
    }, () => notIsolated('ingress', destination.workload.namespace));
  }

  /**
   * One direction through the layers (B1–B13): the Admin tier's first matching rule, then the
   * NetworkPolicies (`networkPolicies` gives their verdict, or undefined when none isolates the
   * pod in this direction), then the Baseline tier, then the default. Without cluster policies
   * the verdict is the NetworkPolicy one as it always was.
   */
  private tieredVerdict(
    direction: Direction,
    subject: Subject,
    peer: Resolved,
    query: Query,
    subjectOrPeerPorts: readonly ContainerPortSpec[] | undefined,
    networkPoliciesOnly: boolean,
    isolatingPolicies: PolicyRef[],
    networkPolicies: () => DirectionVerdict | undefined,
    notIsolatedVerdict: () => DirectionVerdict,
  ): DirectionVerdict {
    const tiers = this.compiled.clusterPolicies;
    if (!tiers.any) return networkPolicies() ?? notIsolatedVerdict();
    // Named ports resolve on the destination pod; a node address (hostNetwork pod) has none (B30).
    const destination = direction === 'ingress' ? { kind: 'pod' as const, subject } : peer;
    const destinationPorts = destination.kind === 'pod' && clusterSelectable(destination.subject) ? subjectOrPeerPorts : undefined;
    const passedBy: ClusterRuleRef[] = [];
    if (!networkPoliciesOnly) {
      const admin = this.tierDecision(tiers.rulesFor('Admin', direction, subject), peer, query, destinationPorts, subject);
      if (admin && admin.action !== 'Pass') return decidedByRule(admin, passedBy, isolatingPolicies);
      if (admin) passedBy.push(admin);
    }
    const fromNetworkPolicies = networkPolicies();
    if (fromNetworkPolicies) return withTier(fromNetworkPolicies, 'NetworkPolicy', passedBy);
    if (!networkPoliciesOnly) {
      const baseline = this.tierDecision(tiers.rulesFor('Baseline', direction, subject), peer, query, destinationPorts, subject);
      if (baseline && baseline.action !== 'Pass') return decidedByRule(baseline, passedBy, isolatingPolicies);
      if (baseline) passedBy.push(baseline);
    }
    const verdict = withTier(notIsolatedVerdict(), 'default', passedBy);
    return networkPoliciesOnly ? withNote(verdict, 'cluster policies do not apply to a pod reaching itself') : verdict;
  }

  /** The first rule of a tier that matches the peer and the port (B4, B5), as a reference. */
  private tierDecision(
    rules: readonly CompiledClusterRule[] | undefined,
    peer: Resolved,
    query: Query,
    destinationPorts: readonly ContainerPortSpec[] | undefined,
    subject: Subject,
  ): ClusterRuleRef | undefined {
    for (const rule of rules ?? []) {
      if (this.clusterPeerIndex(rule, peer) === undefined) continue;
      if (portsAdmit(rule.rule.ports, query.protocol, query.port, destinationPorts) === undefined) continue;
      return clusterRuleRef(rule, subject);
    }
    return undefined;
  }

  /** Index of the rule's first peer matching the other end (-1: a rule that fails closed, B33), undefined when none does. */
  private clusterPeerIndex(rule: CompiledClusterRule, peer: Resolved): number | undefined {
    switch (peer.kind) {
      case 'pod': {
        if (!rule.subjects.has(peer.subject.index)) return undefined;
        // -1 when no peer matches: the rule fails closed.
        return rule.peers.findIndex((p) => p.subjects.has(peer.subject.index));
      }
      case 'ip': return rule.direction === 'egress' ? this.compiled.clusterPolicies.peerMatchingAddress(rule, peer.address) : undefined;
      default: return rule.direction === 'egress' && rule.failClosed ? -1 : undefined;
    }
  }

  /**
   * Checks every rule of the isolating policies. `peer` is matched against the rule's peers;
   * ports are resolved on the destination (the peer for egress, `target` for ingress).
   */
  private ruleVerdict(
    direction: Direction,
    policies: readonly CompiledPolicy[],
    peer: Resolved,
    query: Query,
    isolatingPolicies: PolicyRef[],
    target?: Resolved,
  ): DirectionVerdict {
    const destination = direction === 'egress' ? peer : target!;
    // A hostNetwork pod read as node traffic is a node: it has no named ports (docs/semantics.md#named-ports).
    const destinationPorts = destination.kind === 'pod' && destination.subject.selectable ? destination.subject.ports : undefined;
    const allowedBy: RuleRef[] = [];
    const allowing: CompiledRule[] = [];
    // Explanations of the rules that did not match are only written if the reason is read.
    // `closeness` counts what did match (peer, port), so the closest rules are listed first.
    const misses: { closeness: number; text: () => string }[] = [];
    for (const policy of policies) {
      const rules = direction === 'ingress' ? policy.ingress : policy.egress;
      if (rules.length === 0) {
        misses.push({ closeness: -1, text: () => `${describePolicy(policyRef(policy))} has no ${direction} rules: it only isolates` });
        continue;
      }
      for (const rule of rules) {
        const peerIndex = this.matchingPeer(rule, peer);
        const portIndex = matchingPort(rule, query.protocol, query.port, destinationPorts);
        if (peerIndex !== undefined && portIndex !== undefined) {
          const ref: RuleRef = {
            policy: policyRef(policy),
            direction,
            ruleIndex: rule.rule.index,
            ...(peerIndex >= 0 ? { peerIndex } : {}),
            ...(portIndex >= 0 ? { portIndex } : {}),
            fieldPath: ruleRefPath(direction, rule.rule.index, peerIndex >= 0 ? peerIndex : undefined, portIndex >= 0 ? portIndex : undefined),
          };
          allowedBy.push(ref);
          allowing.push(rule);
        } else {
          const closeness = (peerIndex !== undefined ? 1 : 0) + (portIndex !== undefined ? 1 : 0);
          misses.push({
            closeness,
            text: () => {
              const why = [
                peerIndex === undefined ? `${describeEndpoint(peer)} is not a listed peer` : '',
                portIndex === undefined ? `${query.protocol}/${query.port} is not a listed port` : '',
              ].filter((s) => s).join(' and ');
              return `${describePolicy(policyRef(policy))} ${ruleRefPath(direction, rule.rule.index)} allows `
              + `${describeRule(rule.rule, direction, policy.spec.namespace)}, but ${why}`;
            },
          });
        }
      }
    }
    const allowed = allowedBy.length > 0;
    const uncoveredIps = allowed && peer.kind === 'pod' ? this.ipsOutsideAllowingIpBlocks(peer.subject, allowing) : [];
    const verdict = {
      applies: true,
      isolated: true,
      isolatingPolicies,
      allowedBy,
      allowed,
      ...(uncoveredIps.length > 0 ? { deniedPeerIps: uncoveredIps.map(formatParsedIp) } : {}),
    };
    return withLazyText(verdict, 'reason', () => (allowed
      ? [
        `allowed by ${allowedBy.map(describeRuleRef).join('; ')}`,
        ...(uncoveredIps.length > 0 ? [onlySomeAddressesText(peer, uncoveredIps)] : []),
      ].join('\n')
      : [
        'no rule matched; the rules require:',
        ...[...misses].sort((a, b) => b.closeness - a.closeness).map((m) => `  - ${m.text()}`),
      ].join('\n')));
  }

  /**
   * The peer pod's addresses that no allowing rule covers, when the pod is allowed only through
   * ipBlocks that contain some of its addresses (e.g. the IPv6 address of a dual-stack pod):
   * a connection from or to one of the others is denied. Empty when a rule without peers or a
   * selector peer allows the pod, since that covers every address.
   */
  private ipsOutsideAllowingIpBlocks(peer: Subject, allowing: readonly CompiledRule[]): ParsedIp[] {
    const blocks: CompiledPeer[] = [];
    for (const rule of allowing) {
      if (rule.allPeers) return [];
      for (const p of rule.peers) {
        if (!p.subjects.has(peer.index)) continue;
        if (!p.ipBlock) return [];
        blocks.push(p);
      }
    }
    return peer.ips.filter((ip) => !blocks.some((b) => this.compiled.peerMatchesAddress(b, ip)));
  }

  /** Index of the first peer that matches (-1: the rule has no peers), undefined when none does. */
  private matchingPeer(rule: CompiledRule, peer: Resolved): number | undefined {
    if (rule.allPeers) return -1;
    for (let i = 0; i < rule.peers.length; i++) {
      const p = rule.peers[i];
      if (peer.kind === 'pod' && p.subjects.has(peer.subject.index)) return i;
      if (peer.kind === 'ip' && this.compiled.peerMatchesAddress(p, peer.address)) return i;
    }
    return undefined;
  }
}

function checkQuery(query: Query): void {
  if (!isProtocol(query.protocol)) {
    throw new Error(`Unsupported protocol ${JSON.stringify(query.protocol)}: NetworkPolicies only cover "TCP", "UDP" and "SCTP" (upper case).`);
  }
  if (!Number.isInteger(query.port) || query.port < MIN_PORT || query.port > MAX_PORT) {
    throw new Error(`Invalid port ${JSON.stringify(query.port)}: use a whole number from ${MIN_PORT} to ${MAX_PORT}.`);
  }
}

/** Index of the first port entry that admits the port (-1: no ports listed), undefined when none does. */
function matchingPort(
  rule: CompiledRule,
  protocol: Protocol,
  port: number,
  destinationPorts: readonly ContainerPortSpec[] | undefined,
): number | undefined {
  const entries = rule.rule.ports;
  if (!entries) return -1;
  for (let i = 0; i < entries.length; i++) {
    if (portEntryAdmits(entries[i], protocol, port, destinationPorts)) return i;
  }
  return undefined;
}

/**
 * Adds a text field that is written on first read and then kept: a query's answer is needed
 * at once, its explanation only when someone reads it. The field is enumerable, so equality
 * checks, spreading and JSON see it like any other.
 */
function withLazyText<T extends object, K extends string>(target: T, key: K, write: () => string): T & Record<K, string> {
  let text: string | undefined;
  return Object.defineProperty(target, key, {
    enumerable: true,
    get: () => (text ??= write()),
  }) as T & Record<K, string>;
}

function policyRef(policy: CompiledPolicy): PolicyRef {
  const spec = policy.spec;
  return { namespace: spec.namespace, name: spec.name, ...(spec.source ? { source: spec.source } : {}) };
}

function formatParsedIp(ip: ParsedIp): string {
  return formatIp(ip.family, ip.value);
}

function onlySomeAddressesText(peer: Resolved, uncovered: readonly ParsedIp[]): string {
  const families = [...new Set(uncovered.map((ip) => `IPv${ip.family}`))].join(' and ');
  return `only for ${describeEndpoint(peer)}'s addresses inside the allowing ipBlocks: connections over `
    + `${uncovered.map(formatParsedIp).join(', ')} (${families}) are DENIED`;
}

/** The verdict of a cluster policy rule that accepted or denied. */
function decidedByRule(ref: ClusterRuleRef, passedBy: readonly ClusterRuleRef[], isolatingPolicies: PolicyRef[]): DirectionVerdict {
  const allowed = ref.action === 'Accept';
  const verdict = {
    applies: true,
    isolated: isolatingPolicies.length > 0,
    isolatingPolicies,
    allowedBy: [],
    allowed,
    decidedBy: ref.tier,
    clusterRule: ref,
    ...(passedBy.length > 0 ? { passedBy } : {}),
  };
  return withLazyText(verdict, 'reason', () => [
    ...passedBy.map(describePass),
    `${allowed ? 'accepted' : 'denied'} by ${describeClusterRule(ref)}`,
  ].join('\n'));
}

/** A NetworkPolicy or default verdict, with the layer that decided and the Passes that led there. */
function withTier(verdict: DirectionVerdict, decidedBy: DecidingTier, passedBy: readonly ClusterRuleRef[]): DirectionVerdict {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(verdict)) if (key !== 'reason') result[key] = (verdict as unknown as Record<string, unknown>)[key];
  result.decidedBy = decidedBy;
  if (passedBy.length > 0) result.passedBy = passedBy;
  const tail = decidedBy === 'default' ? ['no Admin, NetworkPolicy or Baseline rule decides: allowed by default'] : [];
  return withLazyText(result as unknown as DirectionVerdict, 'reason', () => [...passedBy.map(describePass), verdict.reason, ...tail].join('\n'));
}

function withNote(verdict: DirectionVerdict, note: string): DirectionVerdict {
  return { ...verdict, reason: `${verdict.reason}\n${note}` };
}

function clusterRuleRef(rule: CompiledClusterRule, subject: Subject): ClusterRuleRef {
  const spec = rule.policy.spec;
  const tied = rule.policy.tiedWith.filter((p) => p.selected.has(subject.index)).map((p) => p.spec.name);
  return {
    tier: spec.tier,
    kind: spec.kind,
    name: spec.name,
    ...(spec.priority !== undefined ? { priority: spec.priority } : {}),
    direction: rule.direction,
    ruleIndex: rule.rule.index,
    ...(rule.rule.name ? { ruleName: rule.rule.name } : {}),
    action: rule.action,
    fieldPath: `spec.${rule.direction}[${rule.rule.index}]`,
    ...(spec.source ? { source: spec.source } : {}),
    ...(tied.length > 0 ? { tiedWith: [spec.name, ...tied].sort() } : {}),
  };
}

function notApplicable(reason: string): DirectionVerdict {
  return { applies: false, isolated: false, isolatingPolicies: [], allowedBy: [], allowed: true, reason: `not checked: ${reason}` };
}

function describeSelfCase(workload: WorkloadSpec, bypassed: boolean): string {
  if (bypassed) return `${workloadKey(workload)} is a single pod: traffic from a pod to itself is never policed`;
  if (isSinglePod(workload)) return `${workloadKey(workload)} is a single pod; self traffic is evaluated (option selfTraffic)`;
  return `between two pods of ${workloadKey(workload)} (${describeReplicas(workload)}): policies apply as between any two pods; `
    + 'only a pod talking to itself bypasses them';
}

function selfVerdict(isolatingPolicies: PolicyRef[]): DirectionVerdict {
  return allowedWithoutRule(isolatingPolicies, 'traffic from a pod to itself is always allowed (a pod cannot block access to itself)');
}

/** The pod is not isolated in this direction: no policy of its namespace selects it for it. */
function notIsolated(direction: Direction, namespace: string): DirectionVerdict {
  const policyType = direction === 'ingress' ? 'Ingress' : 'Egress';
  return allowedWithoutRule([], `not isolated for ${direction}: no NetworkPolicy in namespace ${namespace} selects it with policyType ${policyType}`);
}

/** Allowed whatever the rules say (self traffic, the node); isolated when policies select the pod. */
function allowedWithoutRule(isolatingPolicies: PolicyRef[], reason: string): DirectionVerdict {
  return { applies: true, isolated: isolatingPolicies.length > 0, isolatingPolicies, allowedBy: [], allowed: true, reason };
}

function describeEndpoint(endpoint: Resolved): string {
  switch (endpoint.kind) {
    case 'pod': {
      const where = describeSource(endpoint.workload.source);
      return where ? `${workloadKey(endpoint.workload)} (${where})` : workloadKey(endpoint.workload);
    }
    case 'ip': return endpoint.text;
    case 'internet': return 'the internet (an address outside every ipBlock)';
    case 'node': return 'the node';
  }
}

function sideText(direction: Direction, endpoint: Resolved, verdict: DirectionVerdict): string[] {
  const label = `${direction} at ${describeEndpoint(endpoint)}`;
  if (!verdict.applies) return [`  ${label}: ${verdict.reason}`];
  const isolation = [
    verdict.isolated ? `isolated by ${verdict.isolatingPolicies.map(describePolicy).join(', ')}` : 'not isolated',
    ...(verdict.decidedBy === 'Admin' || verdict.decidedBy === 'Baseline' ? [`decided by the ${verdict.decidedBy} tier`] : []),
  ].join('; ');
  const lines = [`  ${label}: ${verdict.allowed ? 'allowed' : 'DENIED'} (${isolation})`];
  for (const line of verdict.reason.split('\n')) lines.push(`    ${line}`);
  return lines;
}
