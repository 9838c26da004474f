import { CompiledCluster, CompiledRule, Subject } from './compiled-cluster';
import { IpFamily, MAX_ADDRESS, formatIp } from './ip-range';
import { ExternalRange } from './types';
import { ConnectionSet } from '../model/connection-set';

const FAMILIES: readonly IpFamily[] = [4, 6];

/**
 * Splits each address family into segments at every ipBlock cidr/except boundary of one
 * direction, so that every ipBlock either contains a whole segment or none of it.
 */
class Segmentation {
  /** Per family, sorted segment start addresses (the first is always 0). */
  public readonly starts: Record<IpFamily, bigint[]>;
  /** Per rule id and family: which segments the rule's peers match. */
  private readonly matches = new Map<number, Record<IpFamily, Uint8Array>>();

  constructor(private readonly compiled: CompiledCluster, rules: readonly CompiledRule[]) {
    const cuts: Record<IpFamily, Set<bigint>> = { 4: new Set([0n]), 6: new Set([0n]) };
    for (const rule of rules) {
      for (const peer of rule.peers) {
        const block = peer.ipBlock;
        if (!block?.cidr) continue;
        for (const iv of [block.cidr, ...block.exceptCidrs]) {
          cuts[iv.family].add(iv.first);
          if (iv.last < MAX_ADDRESS[iv.family]) cuts[iv.family].add(iv.last + 1n);
        }
      }
    }
    this.starts = {
      4: [...cuts[4]].sort(compareBigint),
      6: [...cuts[6]].sort(compareBigint),
    };
  }

  public ruleMatches(rule: CompiledRule, family: IpFamily): Uint8Array {
    let entry = this.matches.get(rule.id);
    if (!entry) {
      entry = { 4: this.computeMatches(rule, 4), 6: this.computeMatches(rule, 6) };
      this.matches.set(rule.id, entry);
    }
    return entry[family];
  }

  private computeMatches(rule: CompiledRule, family: IpFamily): Uint8Array {
    const starts = this.starts[family];
    const result = new Uint8Array(starts.length);
    for (let i = 0; i < starts.length; i++) {
      if (this.compiled.ruleMatchesAddress(rule, { family, value: starts[i] })) result[i] = 1;
    }
    return result;
  }
}

/**
 * Computes, per subject, the connections external addresses get: ingress from them
 * (`direction: 'ingress'`, only the destination's ingress rules count) or egress to them.
 * Subjects with the same rule list share one result.
 */
export class ExternalConnectivity {
  private readonly segmentation: Segmentation;
  private readonly cache = new Map<string, ExternalRange[]>();

  constructor(private readonly compiled: CompiledCluster, private readonly direction: 'ingress' | 'egress') {
    const rules = compiled.rules.filter((r) => r.direction === direction);
    this.segmentation = new Segmentation(compiled, rules);
  }

  public rangesFor(subject: Subject): ExternalRange[] {
    const rules = this.direction === 'ingress'
      ? this.compiled.ingressRules[subject.index]
      : this.compiled.egressRules[subject.index];
    if (!rules) return WHOLE_SPACE;
    // Ingress ports resolve on this subject (the destination); egress ones have no pod to resolve on.
    const destination = this.direction === 'ingress' ? subject : undefined;
    const dependsOnDestination = destination !== undefined && rules.some((r) => !r.constantPorts);
    const key = rules.map((r) => r.id).join(',') + (dependsOnDestination ? `@${subject.index}` : '');
    let result = this.cache.get(key);
    if (!result) this.cache.set(key, result = this.compute(rules, destination));
    return result;
  }

  private compute(rules: readonly CompiledRule[], destination: Subject | undefined): ExternalRange[] {
    const ranges: ExternalRange[] = [];
    for (const family of FAMILIES) {
      const starts = this.segmentation.starts[family];
      const perRule = rules.map((r) => ({
        matches: this.segmentation.ruleMatches(r, family),
        connections: this.compiled.rulePorts(r, destination),
      }));
      let open: { first: bigint; connections: ConnectionSet } | undefined;
      for (let i = 0; i < starts.length; i++) {
        let connections = ConnectionSet.none();
        for (const r of perRule) if (r.matches[i]) connections = connections.union(r.connections);
        if (open && open.connections.equals(connections)) continue;
        if (open) ranges.push(makeRange(family, open.first, starts[i] - 1n, open.connections));
        open = { first: starts[i], connections };
      }
      if (open) ranges.push(makeRange(family, open.first, MAX_ADDRESS[family], open.connections));
    }
    return ranges;
  }
}

const WHOLE_SPACE: ExternalRange[] = FAMILIES.map((family) => makeRange(family, 0n, MAX_ADDRESS[family], ConnectionSet.all()));

function makeRange(family: IpFamily, first: bigint, last: bigint, connections: ConnectionSet): ExternalRange {
  return { family, first: formatIp(family, first), last: formatIp(family, last), connections };
}

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
