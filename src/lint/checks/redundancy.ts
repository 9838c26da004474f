import { NetworkPolicyPeerManifest, NetworkPolicyPortManifest } from '../../model/manifest';
import { Direction, NormalizedRule } from '../../model/normalize';
import { describePeer } from '../../phrases/peer';
import { describePorts } from '../../phrases/port';
import {
  CheckFinding,
  effectiveRules,
  groupBy,
  LintContext,
  LintedPolicy,
  policyFinding,
  rulePath,
} from '../lint-context';
import { canonicalRule, hasInvalidPeer, ruleContains } from '../rule-algebra';
import { canonicalSelector, selectorContains } from '../selector-algebra';

interface RuleRef {
  readonly policy: LintedPolicy;
  readonly direction: Direction;
  readonly rule: NormalizedRule;
  /** Position in the input: earlier rules are kept, later repeats are reported. */
  readonly order: number;
}

/**
 * `identical-policies`: two policies in one namespace with the same pods, policy types and
 * rules (as sets). The later one is reported.
 */
export function checkIdenticalPolicies(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const twins of identicalGroups(ctx)) {
    const [first, ...later] = twins;
    for (const policy of later) {
      findings.push(policyFinding(policy, 'identical-policies', '',
        `The policy has the same effect as policy "${first.spec.name}" in namespace "${policy.spec.namespace}": `
        + 'it selects the same pods, isolates the same directions and allows the same connections.',
        'Remove one of the two policies.'));
    }
  }
  return findings;
}

/**
 * `duplicate-rule` and `shadowed-rule`: a rule that allows nothing beyond what another rule
 * already allows to the same pods (in the same policy, or in a policy of the same namespace
 * whose podSelector covers this policy's). A rule equal to an earlier one is a duplicate;
 * one strictly inside another is shadowed. Each rule is reported once; rules of policies
 * reported as identical are not compared with each other.
 */
export function checkRedundantRules(ctx: LintContext): CheckFinding[] {
  const identical = identicalPairs(ctx);
  // Only rules of one namespace and direction can cover each other: compare within those groups.
  // A rule with a peer the API server rejects matches nothing: it neither covers nor is covered.
  const comparable = allRules(ctx).filter((ref) => !hasInvalidPeer(ref.rule));
  const groups = groupBy(comparable, (ref) => `${ref.policy.spec.namespace}\u0000${ref.direction}`);
  const findings: { order: number; finding: CheckFinding }[] = [];
  for (const group of groups.values()) {
    const scope = { namespace: group[0].policy.spec.namespace, namespaces: ctx.namespaces };
    const pods = podSelectorCoverage(group);
    const covers = (outer: number, inner: number): boolean => {
      const o = group[outer];
      const i = group[inner];
      if (!pods.covers(outer, inner)) return false;
      const twins = identical.get(o.policy);
      if (o.policy !== i.policy && twins !== undefined && twins === identical.get(i.policy)) return false;
      return ruleContains(o.rule, i.rule, scope);
    };
    group.forEach((inner, innerAt) => {
      const candidates: number[] = [];
      for (let outerAt = 0; outerAt < group.length; outerAt++) {
        if (outerAt !== innerAt && covers(outerAt, innerAt)) candidates.push(outerAt);
      }
      if (candidates.length === 0) return;
      const isEquivalent = (outerAt: number) => covers(innerAt, outerAt) && pods.equivalent(innerAt, outerAt);
      const twinAt = candidates.find((outerAt) => group[outerAt].order < inner.order && isEquivalent(outerAt));
      const coveringAt = twinAt ?? candidates.find((outerAt) => !isEquivalent(outerAt));
      if (coveringAt === undefined) return;
      findings.push(redundancyFinding(inner, group[coveringAt], coveringAt === twinAt));
    });
  }
  return findings.sort((a, b) => a.order - b.order).map((f) => f.finding);
}

function redundancyFinding(inner: RuleRef, covering: RuleRef, equivalent: boolean): { order: number; finding: CheckFinding } {
  const where = covering.policy === inner.policy ? '' : ` of policy "${covering.policy.spec.name}"`;
  const target = rulePath(covering.direction, covering.rule.index) + where;
  const self = rulePath(inner.direction, inner.rule.index);
  const finding = equivalent
    ? policyFinding(inner.policy, 'duplicate-rule', self,
      `${self} (${ruleText(inner)}) repeats ${target} for the same pods.`,
      'Remove the repeated rule.')
    : policyFinding(inner.policy, 'shadowed-rule', self,
      `${self} (${ruleText(inner)}) allows nothing that ${target} (${ruleText(covering)}) does not already allow to the same pods.`,
      'Remove it, or narrow the broader rule if this one was meant to be the only way in.');
  return { order: inner.order, finding };
}

/** Between rules of one group, by their positions in it. */
interface PodSelectorCoverage {
  /** Whether the outer rule's policy selects every pod the inner rule's policy selects. */
  covers(outer: number, inner: number): boolean;
  /** Whether the two rules' policies select the same pods. */
  equivalent(a: number, b: number): boolean;
}

/**
 * Which rules' policies select every pod another rule's policy selects, for the rules of one
 * group: each distinct podSelector is compared with each other once, not once per pair of rules.
 */
function podSelectorCoverage(group: readonly RuleRef[]): PodSelectorCoverage {
  const selectorIndex = new Map<string, number>();
  const selectors: LintedPolicy['normalized']['podSelector'][] = [];
  const indexOf = group.map((ref) => {
    const selector = ref.policy.normalized.podSelector;
    const key = canonicalSelector(selector);
    let index = selectorIndex.get(key);
    if (index === undefined) {
      selectorIndex.set(key, index = selectors.length);
      selectors.push(selector);
    }
    return index;
  });
  const count = selectors.length;
  const contains = new Uint8Array(count * count);
  for (let outer = 0; outer < count; outer++) {
    for (let inner = 0; inner < count; inner++) contains[outer * count + inner] = selectorContains(selectors[outer], selectors[inner]) ? 1 : 0;
  }
  const covers = (outer: number, inner: number) => contains[indexOf[outer] * count + indexOf[inner]] === 1;
  return { covers, equivalent: (a, b) => covers(a, b) && covers(b, a) };
}

/**
 * `allow-all-rule` (info): a rule with no peers and no ports allows everything; policies only
 * add up, so no other NetworkPolicy can narrow it for the selected pods.
 */
export function checkAllowAllRules(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    for (const { direction, rules } of effectiveRules(policy)) {
      for (const rule of rules) {
        if (rule.peers || rule.ports) continue;
        const what = direction === 'ingress' ? 'from anywhere' : 'to anywhere';
        findings.push(policyFinding(policy, 'allow-all-rule', rulePath(direction, rule.index),
          `${rulePath(direction, rule.index)} allows every connection ${what} on any port; since policies only add up, `
          + `no other NetworkPolicy can narrow ${direction} for the selected pods.`,
          'If this is not intended, list the peers and ports that are needed.'));
      }
    }
  }
  return findings;
}

function allRules(ctx: LintContext): RuleRef[] {
  const refs: RuleRef[] = [];
  for (const policy of ctx.policies) {
    for (const { direction, rules } of effectiveRules(policy)) {
      for (const rule of rules) refs.push({ policy, direction, rule, order: refs.length });
    }
  }
  return refs;
}

/** The group of identical policies each such policy belongs to (policies with no twin are absent). */
type IdenticalGroupOf = ReadonlyMap<LintedPolicy, readonly LintedPolicy[]>;

function identicalPairs(ctx: LintContext): IdenticalGroupOf {
  const groupOf = new Map<LintedPolicy, readonly LintedPolicy[]>();
  for (const twins of identicalGroups(ctx)) for (const policy of twins) groupOf.set(policy, twins);
  return groupOf;
}

const identicalGroupsCache = new WeakMap<LintContext, readonly (readonly LintedPolicy[])[]>();

/**
 * Groups of two or more policies with the same effect, each in input order; computed once per
 * lint run. Policies are first grouped by namespace, pods and isolated directions, which is
 * cheap: only policies that share those are compared by their rules.
 */
function identicalGroups(ctx: LintContext): readonly (readonly LintedPolicy[])[] {
  let groups = identicalGroupsCache.get(ctx);
  if (groups) return groups;
  const candidates = groupBy(ctx.policies, (policy) => JSON.stringify([
    policy.spec.namespace, canonicalSelector(policy.normalized.podSelector),
    policy.normalized.isolatesIngress, policy.normalized.isolatesEgress,
  ]));
  groups = [...candidates.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) => [...groupBy(group, canonicalPolicy).values()])
    .filter((twins) => twins.length > 1);
  identicalGroupsCache.set(ctx, groups);
  return groups;
}

const canonicalPolicies = new WeakMap<LintedPolicy, string>();

/** A text equal for policies with the same effect; computed once per policy. */
function canonicalPolicy(policy: LintedPolicy): string {
  let text = canonicalPolicies.get(policy);
  if (text === undefined) canonicalPolicies.set(policy, text = writeCanonicalPolicy(policy));
  return text;
}

function writeCanonicalPolicy(policy: LintedPolicy): string {
  const n = policy.normalized;
  const rules = (list: readonly NormalizedRule[]) => [...new Set(list.map(canonicalRule))].sort();
  return JSON.stringify([
    policy.spec.namespace, canonicalSelector(n.podSelector), n.isolatesIngress, n.isolatesEgress,
    rules(n.ingress), rules(n.egress),
  ]);
}

function ruleText(ref: RuleRef): string {
  const raw = (ref.policy.spec.manifest.spec?.[ref.direction] ?? [])[ref.rule.index] as
    { from?: NetworkPolicyPeerManifest[]; to?: NetworkPolicyPeerManifest[]; ports?: NetworkPolicyPortManifest[] } | undefined;
  const peers = (ref.direction === 'ingress' ? raw?.from : raw?.to) ?? [];
  const preposition = ref.direction === 'ingress' ? 'from' : 'to';
  const peerText = peers.length === 0
    ? `${preposition} anywhere`
    : `${preposition} ${peers.map((p) => describePeer(p, ref.policy.spec.namespace)).join(' or ')}`;
  return `${peerText}, ${describePorts(raw?.ports)}`;
}
