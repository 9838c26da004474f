import { Severity } from '../validation/severity';

/** A lint rule's identity and default severity; the checks themselves live in `checks/`. */
export interface LintRuleInfo {
  /** Stable rule id, e.g. `egress-without-dns`. */
  readonly id: string;
  /** The severity of its findings unless configured otherwise. */
  readonly defaultSeverity: Severity;
  /** What it catches, in one line. */
  readonly summary: string;
}
