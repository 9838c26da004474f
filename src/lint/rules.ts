import { LintRuleInfo } from './lint-rule-info';
import { Severity } from '../validation/severity';

/** The annotation that lists rule ids to skip for one policy, comma-separated. */
export const LINT_IGNORE_ANNOTATION = 'cdk8s-netpol.io/lint-ignore';
/**
 * The annotation on a cluster-scoped policy that says its order against other policies of its
 * tier at the same priority does not matter (`"true"`; the constructs' `orderIndependent`).
 */
export const ORDER_INDEPENDENT_ANNOTATION = 'cdk8s-netpol.io/order-independent';
/** The annotation that says the selected pods need no DNS (`"true"`). */
export const ALLOW_NO_DNS_ANNOTATION = 'cdk8s-netpol.io/allow-no-dns';

/** Every rule, in the order the docs list them. */
export const LINT_RULES: readonly LintRuleInfo[] = [
  rule('egress-without-dns', Severity.WARNING, 'pods isolated for egress cannot reach DNS on UDP and TCP port 53'),
  rule('egress-only-missing-policy-types', Severity.WARNING, 'only egress rules and no policyTypes: ingress is locked down too'),
  rule('rules-for-unlisted-direction', Severity.WARNING, 'ingress or egress rules for a direction not in policyTypes are ignored'),
  rule('dns-port-without-protocol', Severity.WARNING, 'port 53 without protocol means TCP only; DNS uses UDP'),
  rule('mixed-namespace-and-pod-peers', Severity.WARNING, 'a namespace-only peer next to a pod-only peer reads like an AND but is an OR'),
  rule('service-port-not-target-port', Severity.WARNING, "a rule port is a Service's port, but the pods listen on its targetPort"),
  rule('named-port-not-declared', Severity.WARNING, 'a named port that no destination pod declares (with that protocol)'),
  rule('policy-selects-nothing', Severity.WARNING, 'the policy\'s podSelector matches no known workload'),
  rule('peer-matches-nothing', Severity.WARNING, 'a peer matches no known workload'),
  rule('ipblock-covers-cluster-ips', Severity.WARNING, 'an ipBlock covers pod or Service IPs (whether it applies is plugin-dependent)'),
  rule('duplicate-rule', Severity.WARNING, 'a rule repeats another rule for the same pods'),
  rule('shadowed-rule', Severity.WARNING, 'a rule allows nothing that another rule for the same pods does not already allow'),
  rule('identical-policies', Severity.WARNING, 'two policies in one namespace have the same effect'),
  rule('allow-all-rule', Severity.INFO, 'a rule allows everything; no other policy can narrow it'),
  rule('namespace-without-default-deny', Severity.INFO, 'a namespace with workloads has no policy selecting all its pods'),
  rule('one-sided-allow', Severity.WARNING, 'an allow whose other end is isolated and never opened, so the traffic stays denied'),
  rule('cluster-policy-equal-priority', Severity.WARNING, 'two cluster policies of one tier share a priority and can select the same pods'),
  rule('cluster-rule-shadowed', Severity.WARNING, 'a cluster policy rule that an earlier rule of the same policy always matches first'),
  rule('network-policy-rule-overridden', Severity.WARNING, 'a NetworkPolicy rule for traffic an Admin-tier rule always decides first'),
  rule('baseline-deny-not-widened', Severity.INFO, 'workloads under a Baseline-tier deny that no NetworkPolicy of theirs widens'),
];

/** The rule with this id, or undefined. */
export function lintRule(id: string): LintRuleInfo | undefined {
  return LINT_RULES.find((r) => r.id === id);
}

function rule(id: string, defaultSeverity: Severity, summary: string): LintRuleInfo {
  return { id, defaultSeverity, summary };
}
