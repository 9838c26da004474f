import { compareEvaluationOrder } from '../../eval/compiled-cluster-policies';
import { workloadKey, WorkloadSpec } from '../../model/cluster';
import {
  ClusterPolicyDirection,
  ClusterPolicyPeer,
  ClusterPolicyPort,
  ClusterPolicyRule,
  ClusterPolicySpec,
  ClusterPolicySubject,
  clusterPolicyLabel,
} from '../../model/cluster-policy';
import { isEmptySelector, Labels, selectorMatches } from '../../model/labels';
import { LabelSelectorManifest, NAMESPACE_NAME_LABEL } from '../../model/manifest';
import { cidrInterval } from '../../net/cidr';
import { CheckFinding, LintContext, LintedPolicy, listWorkloads, policiesIn, policyFinding, rulePath, workloadsIn } from '../lint-context';
import { ORDER_INDEPENDENT_ANNOTATION } from '../rules';
import { selectorContains } from '../selector-algebra';
import { selectorsMayOverlap } from '../subject-overlap';

/**
 * Lints of cluster-scoped policies (ClusterNetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy) and of how NetworkPolicies sit between their tiers. Every claim is
 * proven from selectors, CIDRs and ports, never guessed: "could not prove" reports nothing.
 */

/**
 * `cluster-policy-equal-priority`: two policies of one tier with the same priority whose
 * subjects can select the same pods. Upstream leaves their order undefined, so which rule wins
 * depends on the implementation.
 */
export function checkEqualPriorities(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const ordered = [...ctx.clusterPolicies].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  ordered.forEach((later, i) => {
    if (later.priority === undefined) return;
    const earlier = ordered.slice(0, i).find((p) => p.tier === later.tier && p.priority === later.priority
      && !(orderIndependent(p) && orderIndependent(later)) && subjectsMayOverlap(p.subject, later.subject));
    if (!earlier) return;
    findings.push(clusterFinding(later, 'cluster-policy-equal-priority', 'spec.priority',
      `${clusterPolicyLabel(later)} and ${clusterPolicyLabel(earlier)} are both in the ${later.tier} tier at priority ${later.priority}, `
      + 'and their subjects can select the same pods: which of them decides first is not defined upstream and differs between implementations.',
      'Give one of them another priority (a lower number is evaluated first), or, if their rules never disagree, '
      + `annotate both with ${ORDER_INDEPENDENT_ANNOTATION}: "true".`));
  });
  return findings;
}

/**
 * `cluster-rule-shadowed`: a rule of a cluster policy that an earlier rule of the same policy and
 * direction always matches first (the first matching rule decides), so it never decides anything.
 */
export function checkShadowedClusterRules(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.clusterPolicies) {
    for (const direction of DIRECTIONS) {
      const rules = policy[direction];
      rules.forEach((rule, j) => {
        const earlier = rules.slice(0, j).find((outer) => ruleCovers(outer, rule));
        if (!earlier) return;
        findings.push(clusterFinding(policy, 'cluster-rule-shadowed', rulePath(direction, rule.index),
          `${ruleLabel(direction, rule)} never decides anything: ${ruleLabel(direction, earlier)} matches every connection it matches `
          + 'and comes first, and the first matching rule of a policy decides.',
          earlier.action === rule.action
            ? 'Remove the later rule, or narrow the earlier one.'
            : `Move it above ${rulePath(direction, earlier.index)} if its ${rule.action} was meant to win, or remove it.`));
      });
    }
  }
  return findings;
}

/**
 * `network-policy-rule-overridden`: a NetworkPolicy rule that allows only pods (no ipBlock) of
 * pods that an Admin-tier rule already decides for every in-cluster peer and port. The Admin tier
 * comes first, so the rule never takes effect. Not claimed where an Admin-tier Pass could hand the
 * traffic down first.
 */
export function checkOverriddenNetworkPolicyRules(ctx: LintContext): CheckFinding[] {
  const admin = ctx.clusterPolicies.filter((p) => p.tier === 'Admin').sort((a, b) => compareEvaluationOrder(a, b));
  if (admin.length === 0) return [];
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    const labels = namespaceLabelsOf(ctx, policy.spec.namespace);
    for (const direction of DIRECTIONS) {
      const decider = adminDecider(admin, direction, policy, labels);
      if (!decider) continue;
      for (const rule of policy.normalized[direction]) {
        if (!rule.peers || rule.peers.some((peer) => peer.kind !== 'pods')) continue;
        findings.push(policyFinding(policy, 'network-policy-rule-overridden', rulePath(direction, rule.index),
          `${rulePath(direction, rule.index)} never takes effect: ${clusterPolicyLabel(decider.policy)} `
          + `(Admin tier, priority ${decider.policy.priority}) ${ruleLabel(direction, decider.rule)} decides every in-cluster `
          + `${direction} connection of the selected pods first.`,
          'Change the Admin-tier rule (e.g. a Pass for these pods) if namespace policies should decide, or remove this rule.'));
      }
    }
  }
  return findings;
}

/**
 * `baseline-deny-not-widened` (info): workloads that a Baseline-tier rule denies every in-cluster
 * connection of a direction, and that no NetworkPolicy of their namespace selects for that
 * direction. Only a NetworkPolicy replaces the Baseline tier for a pod, so nothing widens the deny.
 */
export function checkBaselineNotWidened(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const baseline of ctx.clusterPolicies.filter((p) => p.tier === 'Baseline')) {
    for (const direction of DIRECTIONS) {
      const deny = firstDecidingRule(baseline[direction]);
      if (!deny || deny.action !== 'Deny' || !decidesAllInCluster(deny)) continue;
      for (const namespace of ctx.namespaces) {
        const denied = workloadsIn(ctx, namespace.name).filter((w) => subjectSelects(baseline.subject, namespace.labels, w.labels)
          && !isolatedBy(policiesIn(ctx, namespace.name), direction, w));
        if (denied.length === 0) continue;
        findings.push(clusterFinding(baseline, 'baseline-deny-not-widened', rulePath(direction, deny.index),
          `${ruleLabel(direction, deny)} denies all in-cluster ${direction} of ${listWorkloads(denied)} in namespace "${namespace.name}", `
            + `and no NetworkPolicy there selects ${denied.length === 1 ? 'it' : 'them'} for ${direction}, so nothing widens it: `
            + `${direction} stays denied except what an Admin-tier rule accepts.`,
          `Add NetworkPolicies in namespace "${namespace.name}" for what ${denied.map(workloadKey).slice(0, 1).join('')}`
            + `${denied.length > 1 ? ' and the others' : ''} need (a NetworkPolicy that selects a pod replaces the Baseline tier for it).`));
      }
    }
  }
  return findings;
}

const DIRECTIONS: readonly ClusterPolicyDirection[] = ['ingress', 'egress'];

function orderIndependent(policy: ClusterPolicySpec): boolean {
  const metadata = (policy.manifest as { metadata?: { annotations?: Record<string, unknown> } }).metadata;
  return metadata?.annotations?.[ORDER_INDEPENDENT_ANNOTATION] === 'true';
}

function clusterFinding(policy: ClusterPolicySpec, rule: string, fieldPath: string, message: string, fix: string): CheckFinding {
  return { rule, kind: policy.kind, namespaceName: '', name: policy.name, fieldPath, message, fix, clusterPolicy: policy };
}

function ruleLabel(direction: ClusterPolicyDirection, rule: ClusterPolicyRule): string {
  return `${rulePath(direction, rule.index)}${rule.name ? ` ("${rule.name}", ${rule.action})` : ` (${rule.action})`}`;
}

/**
 * The first Admin-tier policy and rule that decide every in-cluster connection of `direction` for
 * all pods of `policy`, when no earlier rule could pass any of it down; undefined when not proven.
 */
function adminDecider(
  admin: readonly ClusterPolicySpec[],
  direction: ClusterPolicyDirection,
  policy: LintedPolicy,
  namespaceLabels: Labels,
): { policy: ClusterPolicySpec; rule: ClusterPolicyRule } | undefined {
  for (const candidate of admin) {
    const mayApply = subjectMayApply(candidate.subject, namespaceLabels, policy.normalized.podSelector);
    if (!mayApply) continue;
    const rules = candidate[direction];
    if (subjectCovers(candidate.subject, namespaceLabels, policy.normalized.podSelector)) {
      for (const rule of rules) {
        if (rule.action === 'Pass') return undefined;
        if (decidesAllInCluster(rule)) return { policy: candidate, rule };
      }
    } else if (rules.some((rule) => rule.action === 'Pass')) {
      return undefined;
    }
  }
  return undefined;
}

/** The first rule, when it is the one that decides first for every peer it could share with later ones. */
function firstDecidingRule(rules: readonly ClusterPolicyRule[]): ClusterPolicyRule | undefined {
  for (const rule of rules) {
    if (decidesAllInCluster(rule)) return rule;
    if (rule.action === 'Pass') return undefined;
  }
  return undefined;
}

/** The rule matches every in-cluster peer on every port. */
function decidesAllInCluster(rule: ClusterPolicyRule): boolean {
  return rule.ports === undefined && rule.peers.some((peer) => (peer.kind === 'namespaces' && isEmptySelector(peer.namespaceSelector))
    || (peer.kind === 'pods' && isEmptySelector(peer.namespaceSelector) && isEmptySelector(peer.podSelector)));
}

function isolatedBy(policies: readonly LintedPolicy[], direction: ClusterPolicyDirection, workload: WorkloadSpec): boolean {
  return policies.some((p) => (direction === 'ingress' ? p.normalized.isolatesIngress : p.normalized.isolatesEgress)
    && selectorMatches(p.normalized.podSelector, workload.labels));
}

function namespaceLabelsOf(ctx: LintContext, name: string): Labels {
  return ctx.namespaces.find((ns) => ns.name === name)?.labels ?? { [NAMESPACE_NAME_LABEL]: name };
}

function subjectParts(subject: ClusterPolicySubject): { namespaces: LabelSelectorManifest; pods: LabelSelectorManifest } {
  return { namespaces: subject.namespaceSelector, pods: subject.kind === 'pods' ? subject.podSelector : {} };
}

function subjectSelects(subject: ClusterPolicySubject, namespaceLabels: Labels, podLabels: Labels): boolean {
  const parts = subjectParts(subject);
  return selectorMatches(parts.namespaces, namespaceLabels) && selectorMatches(parts.pods, podLabels);
}

/** Every pod `podSelector` selects in that namespace is a subject. */
function subjectCovers(subject: ClusterPolicySubject, namespaceLabels: Labels, podSelector: LabelSelectorManifest): boolean {
  const parts = subjectParts(subject);
  return selectorMatches(parts.namespaces, namespaceLabels) && selectorContains(parts.pods, podSelector);
}

/** Some pod `podSelector` selects in that namespace may be a subject. */
function subjectMayApply(subject: ClusterPolicySubject, namespaceLabels: Labels, podSelector: LabelSelectorManifest): boolean {
  const parts = subjectParts(subject);
  return selectorMatches(parts.namespaces, namespaceLabels) && selectorsMayOverlap(parts.pods, podSelector);
}

function subjectsMayOverlap(a: ClusterPolicySubject, b: ClusterPolicySubject): boolean {
  const pa = subjectParts(a);
  const pb = subjectParts(b);
  return selectorsMayOverlap(pa.namespaces, pb.namespaces) && selectorsMayOverlap(pa.pods, pb.pods);
}

/** Every connection `inner` matches, `outer` matches too (proven; false when not). */
function ruleCovers(outer: ClusterPolicyRule, inner: ClusterPolicyRule): boolean {
  return portsCover(outer.ports, inner.ports) && inner.peers.every((i) => outer.peers.some((o) => peerCovers(o, i)));
}

function portsCover(outer: readonly ClusterPolicyPort[] | undefined, inner: readonly ClusterPolicyPort[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return inner.every((i) => outer.some((o) => portCovers(o, i)));
}

function portCovers(outer: ClusterPolicyPort, inner: ClusterPolicyPort): boolean {
  if (outer.kind === 'named') return inner.kind === 'named' && outer.name === inner.name;
  if (inner.kind === 'named') return false;
  return outer.protocol !== undefined && outer.protocol === inner.protocol && outer.first <= inner.first && inner.last <= outer.last;
}

function peerCovers(outer: ClusterPolicyPeer, inner: ClusterPolicyPeer): boolean {
  switch (outer.kind) {
    case 'namespaces':
      return (inner.kind === 'namespaces' || inner.kind === 'pods') && selectorContains(outer.namespaceSelector, inner.namespaceSelector);
    case 'pods':
      if (inner.kind === 'namespaces') return isEmptySelector(outer.podSelector) && selectorContains(outer.namespaceSelector, inner.namespaceSelector);
      return inner.kind === 'pods' && selectorContains(outer.namespaceSelector, inner.namespaceSelector)
        && selectorContains(outer.podSelector, inner.podSelector);
    case 'networks':
      return inner.kind === 'networks' && inner.cidrs.every((c) => outer.cidrs.some((o) => cidrWithin(c, o)));
    case 'nodes':
      return inner.kind === 'nodes' && selectorContains(outer.nodeSelector, inner.nodeSelector);
    case 'domainNames':
      return inner.kind === 'domainNames' && inner.domainNames.every((name) => outer.domainNames.includes(name));
    default:
      return false;
  }
}

function cidrWithin(inner: string, outer: string): boolean {
  const i = cidrInterval(inner);
  const o = cidrInterval(outer);
  return i !== undefined && o !== undefined && i.family === o.family && o.first <= i.first && i.last <= o.last;
}
