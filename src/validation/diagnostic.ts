import { Severity } from './severity';

/**
 * One finding about one object: produced by the API-server rules (validation) and,
 * later, the lints. The same shape serves constructs at synth time and the CLI on YAML.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable rule id, e.g. `port-range` or `ipblock-except-subset`. */
  readonly rule: string;
  /** Field path as the API server names it: `spec.ingress[0].from[1].ipBlock.except[0]`. */
  readonly fieldPath: string;
  /** What is wrong, quoting the bad value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix?: string;
}

/** `spec.ingress[0].ports[1]: Invalid value: 0: must be between 1 and 65535, inclusive (fix: …)` */
export function formatDiagnostic(d: Diagnostic): string {
  const fix = d.fix ? ` Fix: ${d.fix}` : '';
  return `${d.fieldPath}: ${d.message}${fix}`;
}
