import { WorkloadSpec } from '../../model/cluster';
import { isEmptySelector, Labels, selectorMatches } from '../../model/labels';
import { LabelSelectorManifest, NAMESPACE_NAME_LABEL } from '../../model/manifest';
import { Direction, NormalizedPeer, NormalizedPort, NormalizedRule } from '../../model/normalize';
import { MAX_PORT, MIN_PORT, Protocol, PROTOCOLS } from '../../model/protocol';
import {
  CheckFinding,
  LintContext,
  LintedPolicy,
  listWorkloads,
  peerPath,
  policyFinding,
  SelectorPeer,
} from '../lint-context';

const RULE = 'one-sided-allow';

/**
 * `one-sided-allow`: a rule allows traffic between known workloads, but the other end is
 * isolated for the opposite direction and none of its policies opens it for this traffic, so
 * the connection stays denied. The classic case is an ingress allow under a default deny
 * whose sources' egress was never opened (`AllowFrom` with `bothEnds: false`).
 *
 * Per rule peer, a far workload is reported when, towards every workload at the near end,
 * nothing the rule allows is also allowed at the far end. Peers without a pod selector (whole
 * namespaces) are skipped: they are broad opens, not a connection between workloads. ipBlock
 * rules at the far end count as opening it (whether they match pod IPs depends on the plugin).
 */
export function checkOneSidedAllows(ctx: LintContext): CheckFinding[] {
  const index = new OtherEndIndex(ctx);
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    const near = index.selectedBy(policy);
    if (near.length === 0) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      for (const rule of policy.normalized[direction]) {
        for (const peer of rule.peers ?? []) {
          if (peer.kind !== 'pods' || isWholeNamespaces(peer)) continue;
          const blocked = index.matching(peer, policy.spec.namespace)
            .filter((far) => near.every((n) => !index.opens(direction, rule, far, n)));
          if (blocked.length > 0) findings.push(finding(policy, direction, rule, peer, blocked, near, index));
        }
      }
    }
  }
  return findings;
}

/** Workloads and policies by namespace, and the opposite-direction rules of each workload, computed once. */
class OtherEndIndex {
  private readonly workloadsByNamespace = new Map<string, WorkloadSpec[]>();
  private readonly policiesByNamespace = new Map<string, LintedPolicy[]>();
  private readonly namespaceLabels = new Map<string, Labels>();
  private readonly isolating = new WeakMap<WorkloadSpec, { ingress?: LintedPolicy[]; egress?: LintedPolicy[] }>();
  private readonly matched = new Map<string, WorkloadSpec[]>();
  private readonly namespacesBySelector = new Map<string, string[]>();

  constructor(ctx: LintContext) {
    for (const w of ctx.workloads) {
      if (w.hostNetwork) continue;
      this.workloadsByNamespace.set(w.namespace, [...(this.workloadsByNamespace.get(w.namespace) ?? []), w]);
    }
    for (const p of ctx.policies) {
      this.policiesByNamespace.set(p.spec.namespace, [...(this.policiesByNamespace.get(p.spec.namespace) ?? []), p]);
    }
    for (const ns of ctx.namespaces) this.namespaceLabels.set(ns.name, ns.labels);
  }

  /** The known pod workloads a policy selects. */
  public selectedBy(policy: LintedPolicy): WorkloadSpec[] {
    return (this.workloadsByNamespace.get(policy.spec.namespace) ?? [])
      .filter((w) => selectorMatches(policy.normalized.podSelector, w.labels));
  }

  /** The known pod workloads a selector peer of a policy in `policyNamespace` matches (kept per peer shape). */
  public matching(peer: SelectorPeer, policyNamespace: string): WorkloadSpec[] {
    const namespaces = peer.namespaceSelector === undefined ? [policyNamespace] : this.namespacesMatching(peer.namespaceSelector);
    const key = `${peer.namespaceSelector === undefined ? policyNamespace : JSON.stringify(peer.namespaceSelector)}|${JSON.stringify(peer.podSelector ?? null)}`;
    let found = this.matched.get(key);
    if (!found) {
      found = namespaces.flatMap((ns) => this.workloadsByNamespace.get(ns) ?? [])
        .filter((w) => peer.podSelector === undefined || selectorMatches(peer.podSelector, w.labels));
      this.matched.set(key, found);
    }
    return found;
  }

  private namespacesMatching(selector: LabelSelectorManifest): string[] {
    const key = JSON.stringify(selector);
    let found = this.namespacesBySelector.get(key);
    if (!found) {
      found = [...this.workloadsByNamespace.keys()].filter((ns) => selectorMatches(selector, this.labelsOf(ns)));
      this.namespacesBySelector.set(key, found);
    }
    return found;
  }

  /**
   * Whether the far end lets some of the traffic `rule` allows pass between `far` and `near`:
   * not isolated in the opposite direction, or one of its rules that reaches `near` overlaps
   * the rule's ports. Ports are the destination's: `near` for an ingress rule, `far` for egress.
   */
  public opens(direction: Direction, rule: NormalizedRule, far: WorkloadSpec, near: WorkloadSpec): boolean {
    const opposite: Direction = direction === 'ingress' ? 'egress' : 'ingress';
    const policies = this.isolatingPolicies(far, opposite);
    if (policies.length === 0) return true;
    const destination = direction === 'ingress' ? near : far;
    const wanted = portRanges(rule, destination);
    if (wanted.length === 0) return true;
    for (const policy of policies) {
      for (const farRule of policy.normalized[opposite]) {
        if (this.ruleReaches(farRule, near, policy.spec.namespace) && overlaps(wanted, portRanges(farRule, destination))) return true;
      }
    }
    return false;
  }

  /** The policies that isolate a workload for a direction, by namespace: linear in the namespace's policies. */
  public isolatingPolicies(workload: WorkloadSpec, direction: Direction): LintedPolicy[] {
    let byDirection = this.isolating.get(workload);
    if (!byDirection) {
      byDirection = {};
      this.isolating.set(workload, byDirection);
    }
    let found = byDirection[direction];
    if (!found) {
      found = (this.policiesByNamespace.get(workload.namespace) ?? []).filter((p) =>
        (direction === 'ingress' ? p.normalized.isolatesIngress : p.normalized.isolatesEgress)
        && selectorMatches(p.normalized.podSelector, workload.labels));
      byDirection[direction] = found;
    }
    return found;
  }

  private ruleReaches(rule: NormalizedRule, workload: WorkloadSpec, policyNamespace: string): boolean {
    if (!rule.peers) return true;
    return rule.peers.some((peer) => this.peerReaches(peer, workload, policyNamespace));
  }

  private peerReaches(peer: NormalizedPeer, workload: WorkloadSpec, policyNamespace: string): boolean {
    if (peer.kind === 'ipBlock') return true;
    if (peer.kind !== 'pods') return false;
    const namespaceMatches = peer.namespaceSelector === undefined
      ? workload.namespace === policyNamespace
      : selectorMatches(peer.namespaceSelector, this.labelsOf(workload.namespace));
    return namespaceMatches && (peer.podSelector === undefined || selectorMatches(peer.podSelector, workload.labels));
  }

  private labelsOf(namespace: string): Labels {
    return this.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
  }
}

/** Peers without a pod selector open whole namespaces: broad opens, not a connection between workloads. */
function isWholeNamespaces(peer: SelectorPeer): boolean {
  return peer.podSelector === undefined || isEmptySelector(peer.podSelector);
}

/** A protocol and an inclusive port range. */
interface PortRange {
  readonly protocol: Protocol;
  readonly first: number;
  readonly last: number;
}

const EVERY_PORT: readonly PortRange[] = PROTOCOLS.map((protocol) => ({ protocol, first: MIN_PORT, last: MAX_PORT }));

/** The port ranges a rule allows towards a destination, named ports resolved on its containers. */
function portRanges(rule: NormalizedRule, destination: WorkloadSpec): readonly PortRange[] {
  if (!rule.ports) return EVERY_PORT;
  const ranges: PortRange[] = [];
  for (const entry of rule.ports) {
    const protocol = entry.protocol;
    if (!protocol) continue;
    if (entry.port === undefined) {
      ranges.push({ protocol, first: MIN_PORT, last: MAX_PORT });
    } else if (typeof entry.port === 'number') {
      ranges.push({ protocol, first: entry.port, last: entry.endPort ?? entry.port });
    } else {
      for (const cp of destination.ports) {
        if (cp.name === entry.port && cp.protocol === protocol) ranges.push({ protocol, first: cp.port, last: cp.port });
      }
    }
  }
  return ranges;
}

function overlaps(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.some((x) => b.some((y) => x.protocol === y.protocol && x.first <= y.last && y.first <= x.last));
}

function finding(
  policy: LintedPolicy,
  direction: Direction,
  rule: NormalizedRule,
  peer: SelectorPeer,
  blocked: readonly WorkloadSpec[],
  near: readonly WorkloadSpec[],
  index: OtherEndIndex,
): CheckFinding {
  const ingress = direction === 'ingress';
  const opposite = ingress ? 'egress' : 'ingress';
  // The policies isolating the workloads the message names (it names at most three).
  const isolators = [...new Set(blocked.slice(0, 3).flatMap((w) => index.isolatingPolicies(w, opposite)).map((p) => `"${p.spec.name}"`))];
  const ports = portsText(rule.ports);
  const message = ingress
    ? `The rule lets ${listWorkloads(blocked)} connect to ${listWorkloads(near)}${ports}, but their egress is isolated `
      + `(by ${isolators.join(', ')}) and no egress rule lets them send this traffic, so it stays denied: the allow is one-sided.`
    : `The rule lets ${listWorkloads(near)} connect to ${listWorkloads(blocked)}${ports}, but the destinations' ingress is isolated `
      + `(by ${isolators.join(', ')}) and no ingress rule accepts this traffic, so it stays denied: the allow is one-sided.`;
  const fix = ingress
    ? 'Open the other end too: an egress rule at the sources to these pods on the same ports '
      + '(AllowFrom writes it unless bothEnds is false; or add an AllowTo from the sources).'
    : 'Open the other end too: an ingress rule at the destinations from these pods on the same ports '
      + '(AllowTo writes it unless bothEnds is false; or add an AllowFrom at the destinations).';
  return policyFinding(policy, RULE, peerPath(direction, rule.index, peer.index), message, fix);
}

function portsText(ports: readonly NormalizedPort[] | undefined): string {
  if (!ports) return ' on any port';
  const entries = ports.map((p) => {
    if (p.port === undefined) return `any ${p.protocol ?? '?'} port`;
    if (typeof p.port === 'string') return `${p.protocol ?? '?'} port "${p.port}"`;
    return p.endPort !== undefined ? `${p.protocol ?? '?'} ${p.port}-${p.endPort}` : `${p.protocol ?? '?'} ${p.port}`;
  });
  return ` on ${entries.join(', ')}`;
}
