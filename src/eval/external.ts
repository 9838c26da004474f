import { CompiledCluster, CompiledRule, Subject } from './compiled-cluster';
import { ExternalRange } from './types';
import { ConnectionSet } from '../model/connection-set';
import { IpFamily, MAX_ADDRESS, formatIp } from '../net/cidr';

const FAMILIES: readonly IpFamily[] = [4, 6];

/**
 * Computes, per subject, the connections external addresses get: ingress from them
 * (`direction: 'ingress'`, only the destination's ingress rules count) or egress to them.
 * Only rules without peers or with ipBlock peers can match an address; the address space is
 * cut at the cidr/except boundaries of those rules, so every ipBlock contains a whole segment
 * or none of it. Subjects with the same relevant rules share one result.
 */
export class ExternalConnectivity {
  private readonly cache = new Map<string, ExternalRange[]>();

  constructor(private readonly compiled: CompiledCluster, private readonly direction: 'ingress' | 'egress') {}

  public rangesFor(subject: Subject): ExternalRange[] {
    const rules = this.direction === 'ingress'
      ? this.compiled.ingressRules[subject.index]
      : this.compiled.egressRules[subject.index];
    if (!rules) return WHOLE_SPACE;
    const relevant = rules.filter((r) => r.allPeers || r.peers.some((p) => p.ipBlock?.cidr));
    // Ingress ports resolve on this subject (the destination); egress ones have no pod to resolve on.
    const destination = this.direction === 'ingress' ? subject : undefined;
    const dependsOnDestination = destination !== undefined && relevant.some((r) => !r.constantPorts);
    const key = relevant.map((r) => r.id).join(',') + (dependsOnDestination ? `@${subject.index}` : '');
    let result = this.cache.get(key);
    if (!result) this.cache.set(key, result = this.compute(relevant, destination));
    return result;
  }

  private compute(rules: readonly CompiledRule[], destination: Subject | undefined): ExternalRange[] {
    const ranges: ExternalRange[] = [];
    for (const family of FAMILIES) {
      const starts = segmentStarts(rules, family);
      const perRule = rules.map((rule) => ({ rule, connections: this.compiled.rulePorts(rule, destination) }));
      let open: { first: bigint; connections: ConnectionSet } | undefined;
      for (const start of starts) {
        let connections = ConnectionSet.none();
        for (const { rule, connections: c } of perRule) {
          if (this.compiled.ruleMatchesAddress(rule, { family, value: start })) connections = connections.union(c);
        }
        if (open && open.connections.equals(connections)) continue;
        if (open) ranges.push(makeRange(family, open.first, start - 1n, open.connections));
        open = { first: start, connections };
      }
      ranges.push(makeRange(family, open!.first, MAX_ADDRESS[family], open!.connections));
    }
    return ranges;
  }
}

/** Sorted start addresses of the segments cut by the rules' ipBlock boundaries (always includes 0). */
function segmentStarts(rules: readonly CompiledRule[], family: IpFamily): bigint[] {
  const cuts = new Set<bigint>([0n]);
  for (const rule of rules) {
    for (const peer of rule.peers) {
      const block = peer.ipBlock;
      if (!block?.cidr) continue;
      for (const iv of [block.cidr, ...block.exceptCidrs]) {
        if (iv.family !== family) continue;
        cuts.add(iv.first);
        if (iv.last < MAX_ADDRESS[family]) cuts.add(iv.last + 1n);
      }
    }
  }
  return [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const WHOLE_SPACE: ExternalRange[] = FAMILIES.map((family) => makeRange(family, 0n, MAX_ADDRESS[family], ConnectionSet.all()));

function makeRange(family: IpFamily, first: bigint, last: bigint, connections: ConnectionSet): ExternalRange {
  return { family, first: formatIp(family, first), last: formatIp(family, last), connections };
}
