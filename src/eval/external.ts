import { CompiledCluster, CompiledRule, Subject } from './compiled-cluster';
import { CompiledClusterRule } from './compiled-cluster-policies';
import { TierHit } from './tiers';
import { ExternalRange } from './types';
import { ConnectionSet } from '../model/connection-set';
import { IpFamily, IpInterval, MAX_ADDRESS, ParsedIp, formatIp } from '../net/cidr';

const FAMILIES: readonly IpFamily[] = [4, 6];

/** Combines the tiers' outcomes for one address (the evaluator's memoized `tieredConnections`). */
export type Tiered = (admin: readonly TierHit[], networkPolicy: ConnectionSet | undefined, baseline: readonly TierHit[]) => ConnectionSet;

/**
 * Computes, per subject, the connections external addresses get: ingress from them
 * (`direction: 'ingress'`, only the destination's ingress rules count) or egress to them.
 * Only NetworkPolicy rules without peers or with ipBlock peers, and cluster policy egress rules
 * with `networks` peers, can match an address (no cluster policy ingress peer matches one, B21);
 * the address space is cut at the boundaries of their CIDRs, so every block contains a whole
 * segment or none of it. Subjects with the same relevant rules share one result.
 */
export class ExternalConnectivity {
  private readonly cache = new Map<string, ExternalRange[]>();

  constructor(private readonly compiled: CompiledCluster, private readonly direction: 'ingress' | 'egress', private readonly tiered: Tiered) {}

  public rangesFor(subject: Subject): ExternalRange[] {
    const rules = this.direction === 'ingress'
      ? this.compiled.ingressRules[subject.index]
      : this.compiled.egressRules[subject.index];
    const tiers = this.compiled.clusterPolicies;
    const clusterRules = (tier: 'Admin' | 'Baseline') => (this.direction === 'egress'
      ? (tiers.rulesFor(tier, 'egress', subject) ?? []).filter((r) => r.matchesAddresses)
      : []);
    const admin = clusterRules('Admin');
    const baseline = rules ? [] : clusterRules('Baseline');
    if (!rules && admin.length === 0 && baseline.length === 0) return WHOLE_SPACE;
    const relevant = (rules ?? []).filter((r) => r.allPeers || r.peers.some((p) => p.ipBlock?.cidr));
    // Ingress ports resolve on this subject (the destination); egress ones have no pod to resolve on.
    const destination = this.direction === 'ingress' ? subject : undefined;
    const dependsOnDestination = destination !== undefined && relevant.some((r) => !r.constantPorts);
    const key = `${rules ? relevant.map((r) => r.id).join(',') : '-'}|${admin.map((r) => r.id).join(',')}|${baseline.map((r) => r.id).join(',')}`
      + (dependsOnDestination ? `@${subject.index}` : '');
    let result = this.cache.get(key);
    if (!result) this.cache.set(key, result = this.compute(rules ? relevant : undefined, admin, baseline, destination));
    return result;
  }

  private compute(
    rules: readonly CompiledRule[] | undefined,
    admin: readonly CompiledClusterRule[],
    baseline: readonly CompiledClusterRule[],
    destination: Subject | undefined,
  ): ExternalRange[] {
    const ranges: ExternalRange[] = [];
    const tiers = this.compiled.clusterPolicies;
    const hits = (list: readonly CompiledClusterRule[], address: ParsedIp): TierHit[] => list
      .filter((r) => tiers.peerMatchingAddress(r, address) !== undefined)
      .map((r) => ({ action: r.action, connections: tiers.rulePorts(r, undefined) }));
    for (const family of FAMILIES) {
      const starts = segmentStarts(rules ?? [], [...admin, ...baseline], family);
      const perRule = (rules ?? []).map((rule) => ({ rule, connections: this.compiled.rulePorts(rule, destination) }));
      let open: { first: bigint; connections: ConnectionSet } | undefined;
      for (const start of starts) {
        const address = { family, value: start };
        let networkPolicy: ConnectionSet | undefined;
        if (rules) {
          networkPolicy = ConnectionSet.none();
          for (const { rule, connections: c } of perRule) {
            if (this.compiled.ruleMatchesAddress(rule, address)) networkPolicy = networkPolicy.union(c);
          }
        }
        const connections = admin.length === 0 && baseline.length === 0
          ? networkPolicy!
          : this.tiered(hits(admin, address), networkPolicy, hits(baseline, address));
        if (open && open.connections.equals(connections)) continue;
        if (open) ranges.push(makeRange(family, open.first, start - 1n, open.connections));
        open = { first: start, connections };
      }
      ranges.push(makeRange(family, open!.first, MAX_ADDRESS[family], open!.connections));
    }
    return ranges;
  }
}

/** Sorted start addresses of the segments cut by the rules' CIDR boundaries (always includes 0). */
function segmentStarts(rules: readonly CompiledRule[], clusterRules: readonly CompiledClusterRule[], family: IpFamily): bigint[] {
  const cuts = new Set<bigint>([0n]);
  const cut = (iv: IpInterval) => {
    if (iv.family !== family) return;
    cuts.add(iv.first);
    if (iv.last < MAX_ADDRESS[family]) cuts.add(iv.last + 1n);
  };
  for (const rule of rules) {
    for (const peer of rule.peers) {
      const block = peer.ipBlock;
      if (!block?.cidr) continue;
      for (const iv of [block.cidr, ...block.exceptCidrs]) cut(iv);
    }
  }
  for (const rule of clusterRules) for (const peer of rule.peers) for (const iv of peer.networks ?? []) cut(iv);
  return [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const WHOLE_SPACE: ExternalRange[] = FAMILIES.map((family) => makeRange(family, 0n, MAX_ADDRESS[family], ConnectionSet.all()));

function makeRange(family: IpFamily, first: bigint, last: bigint, connections: ConnectionSet): ExternalRange {
  return { family, first: formatIp(family, first), last: formatIp(family, last), connections };
}
