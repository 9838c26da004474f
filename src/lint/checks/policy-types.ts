import { CheckFinding, LintContext, policyFinding } from '../lint-context';

/**
 * `egress-only-missing-policy-types`: egress rules, no ingress field and no policyTypes. The
 * API server then sets `[Ingress, Egress]`, so the selected pods also refuse all ingress.
 *
 * `rules-for-unlisted-direction`: rules for a direction that `policyTypes` does not list are
 * silently ignored.
 */
export function checkPolicyTypes(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    const spec = policy.spec.manifest.spec ?? {};
    const declared = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
    const ingressCount = Array.isArray(spec.ingress) ? spec.ingress.length : 0;
    const egressCount = Array.isArray(spec.egress) ? spec.egress.length : 0;

    if (declared.length === 0 && egressCount > 0 && (spec.ingress === undefined || spec.ingress === null)) {
      findings.push(policyFinding(policy, 'egress-only-missing-policy-types', 'spec.policyTypes',
        'The policy has only egress rules and no policyTypes, so the API server sets policyTypes to '
        + '[Ingress, Egress]: the selected pods now refuse all incoming connections too.',
        'Set policyTypes: [Egress] if the policy is about egress only; '
        + 'or set [Ingress, Egress] explicitly if the ingress lockdown is intended.'));
    }
    if (declared.length === 0) continue;
    for (const [direction, listed, count] of [
      ['Ingress', declared.includes('Ingress'), ingressCount],
      ['Egress', declared.includes('Egress'), egressCount],
    ] as const) {
      if (listed || count === 0) continue;
      findings.push(policyFinding(policy, 'rules-for-unlisted-direction', `spec.${direction.toLowerCase()}`,
        `The policy has ${count} ${direction.toLowerCase()} rule${count === 1 ? '' : 's'}, but policyTypes `
        + `${JSON.stringify(declared)} does not list ${direction}, so ${count === 1 ? 'it is' : 'they are'} ignored.`,
        `Add "${direction}" to policyTypes, or remove the ${direction.toLowerCase()} rules.`));
    }
  }
  return findings;
}
