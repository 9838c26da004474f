import { CheckFinding, LintContext, policyFinding, portPath } from '../lint-context';

/** The DNS port. */
export const DNS_PORT = 53;

/**
 * `dns-port-without-protocol`: `port: 53` without `protocol` is defaulted to TCP, so DNS
 * over UDP (nearly all lookups) stays blocked.
 */
export function checkDnsPortProtocol(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    const spec = policy.spec.manifest.spec ?? {};
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = Array.isArray(spec[direction]) ? spec[direction] : [];
      rules.forEach((rule, ruleIndex) => {
        const ports = Array.isArray(rule?.ports) ? rule.ports : [];
        ports.forEach((port, portIndex) => {
          if (port?.port !== DNS_PORT || port.protocol !== undefined) return;
          const hasUdp53 = ports.some((p) => p?.protocol === 'UDP' && p.port === DNS_PORT);
          if (hasUdp53) return;
          findings.push(policyFinding(policy, 'dns-port-without-protocol', portPath(direction, ruleIndex, portIndex),
            'Port 53 has no protocol, so the API server makes it TCP only: DNS lookups over UDP stay blocked.',
            'Add a second entry { port: 53, protocol: UDP } (keep TCP for large answers), '
            + 'or set protocol explicitly if TCP only is intended.'));
        });
      });
    }
  }
  return findings;
}
