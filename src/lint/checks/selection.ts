import { describeTargets } from '../../describe/describe-policy';
import { workloadKey } from '../../model/cluster';
import { isEmptySelector } from '../../model/labels';
import { NAMESPACE_NAME_LABEL } from '../../model/manifest';
import { CheckFinding, LintContext, listWorkloads, policiesIn, policyFinding, workloadsIn, workloadsSelectedBy } from '../lint-context';
import { selectorContradiction } from '../selector-algebra';

/**
 * `policy-selects-nothing`: a podSelector that is self-contradictory, or (when the input has
 * workloads) matches no known workload in the policy's namespace. Such a policy is a no-op.
 */
export function checkPolicySelectsSomething(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    const selector = policy.normalized.podSelector;
    const contradiction = selectorContradiction(selector);
    if (contradiction) {
      findings.push(policyFinding(policy, 'policy-selects-nothing', 'spec.podSelector',
        `spec.podSelector can never match (${contradiction}), so the policy has no effect.`,
        'Fix the contradictory requirements of spec.podSelector.'));
      continue;
    }
    // A namespace without workloads in the input is not judged: its pods live elsewhere.
    const inNamespace = workloadsIn(ctx, policy.spec.namespace);
    if (inNamespace.length === 0 || workloadsSelectedBy(ctx, policy).length > 0) continue;
    const targets = describeTargets(policy.spec.manifest, policy.spec.namespace);
    const known = `Workloads in namespace "${policy.spec.namespace}": ${inNamespace.slice(0, 3)
      .map((w) => `${workloadKey(w)} ${labelText(w.labels)}`).join(', ')}${inNamespace.length > 3 ? ', …' : ''}.`;
    const namespaceLabelHint = usesNamespaceLabel(selector)
      ? ` Note: ${NAMESPACE_NAME_LABEL} is a label of Namespaces, not of pods.`
      : '';
    findings.push(policyFinding(policy, 'policy-selects-nothing', 'spec.podSelector',
      `The policy selects ${targets}, which matches no known workload, so it has no effect. ${known}${namespaceLabelHint}`,
      "Make spec.podSelector match the labels of the pods' template, or set the policy's namespace to the workloads' namespace."));
  }
  return findings;
}

/**
 * `namespace-without-default-deny` (info): a namespace with workloads but no policy that
 * selects all its pods for ingress, so every pod no other policy selects accepts anything.
 */
export function checkNamespaceDefaultDeny(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const [namespace, inNamespace] of ctx.workloadsByNamespace) {
    const workloads = inNamespace.filter((w) => !w.hostNetwork);
    if (workloads.length === 0) continue;
    const baseline = policiesIn(ctx, namespace).some((p) => p.normalized.isolatesIngress && isEmptySelector(p.normalized.podSelector));
    if (baseline) continue;
    findings.push({
      rule: 'namespace-without-default-deny',
      kind: 'Namespace',
      namespaceName: namespace,
      name: namespace,
      fieldPath: '',
      message: `Namespace "${namespace}" has workloads (${listWorkloads(workloads)}) but no policy that selects `
        + 'all its pods for ingress, so any pod that no policy selects accepts connections from anywhere.',
      fix: 'Add a default-deny policy (podSelector: {}, policyTypes: [Ingress, Egress], no rules), '
        + 'then allow what each workload needs.',
    });
  }
  return findings;
}

function usesNamespaceLabel(selector: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key?: string }> }): boolean {
  return Object.keys(selector.matchLabels ?? {}).includes(NAMESPACE_NAME_LABEL)
    || (selector.matchExpressions ?? []).some((e) => e.key === NAMESPACE_NAME_LABEL);
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '(no labels)' : `(${entries.map(([k, v]) => `${k}=${v}`).join(', ')})`;
}
