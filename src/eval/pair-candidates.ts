import { Bitset } from './bitset';
import { CompiledCluster, Subject } from './compiled-cluster';

/** Sources that some rules let in, and the destinations those rules guard. */
interface IngressGrant {
  readonly sources: Bitset;
  readonly destinations: Bitset;
}

/**
 * For one source subject, a superset of the destination subjects it can reach, so that the
 * evaluator checks a source's pairs without trying every destination. A pair can only carry
 * connections when each isolated side has a rule naming the other end: a NetworkPolicy rule, or
 * an Admin-tier Accept (B6), which allows peers no NetworkPolicy lists. Egress is read from the
 * source's own rules; ingress from each destination's rules, turned around once here (per set
 * of sources that rules name, the destinations they guard), so that memory stays linear in the rules.
 */
export class PairCandidates {
  /** Destinations that no NetworkPolicy isolates for ingress: every source is a candidate. */
  private readonly ingressOpen: Bitset;
  private readonly ingressGrants: IngressGrant[] = [];

  constructor(private readonly compiled: CompiledCluster) {
    const size = compiled.subjects.length;
    this.ingressOpen = new Bitset(size);
    for (let d = 0; d < size; d++) if (!compiled.ingressRules[d]) this.ingressOpen.add(d);
    // Rules share their peers' sets (selections are cached), so grants are few once grouped by them.
    const everyone = Bitset.full(size);
    const grants = new Map<Bitset, Bitset>();
    const grant = (sources: Bitset, destinations: Bitset): void => {
      let guarded = grants.get(sources);
      if (!guarded) grants.set(sources, guarded = new Bitset(size));
      guarded.addAll(destinations);
    };
    for (const policy of compiled.policies) {
      if (!policy.normalized.isolatesIngress) continue;
      for (const rule of policy.ingress) grant(rule.allPeers ? everyone : rule.subjects, policy.selected);
    }
    for (const policy of compiled.clusterPolicies.policies) {
      if (policy.spec.tier !== 'Admin') continue;
      for (const rule of policy.ingress) if (rule.action === 'Accept') grant(rule.subjects, policy.selected);
    }
    for (const [sources, destinations] of grants) this.ingressGrants.push({ sources, destinations });
  }

  /** The destination subjects worth checking for a source (a superset of those it reaches). */
  public destinationsOf(source: Subject): Bitset {
    const result = this.egressCandidates(source);
    const ingress = this.ingressOpen.copy();
    for (const grant of this.ingressGrants) if (grant.sources.has(source.index)) ingress.addAll(grant.destinations);
    result.retainAll(ingress);
    return result;
  }

  /** Everything when the source is not isolated for egress; else what its rules and Admin Accepts name. */
  private egressCandidates(source: Subject): Bitset {
    const rules = this.compiled.egressRules[source.index];
    if (!rules) return Bitset.full(this.compiled.subjects.length);
    const result = union(rules.map((r) => r.subjects), this.compiled.subjects.length);
    for (const r of this.compiled.clusterPolicies.rulesFor('Admin', 'egress', source) ?? []) {
      if (r.action === 'Accept') result.addAll(r.subjects);
    }
    return result;
  }
}

function union(sets: readonly Bitset[], size: number): Bitset {
  const result = new Bitset(size);
  for (const set of sets) result.addAll(set);
  return result;
}
