import { Severity } from '../validation/severity';

/** The level a lint rule is configured to: off, or the severity of its findings. */
export enum LintLevel {
  /** The rule does not run. */
  OFF = 'off',
  /** Findings are informational. */
  INFO = 'info',
  /** Findings are warnings. */
  WARNING = 'warning',
  /** Findings are errors. */
  ERROR = 'error',
}

/**
 * One best-practice finding about one object: which rule, how serious, which object and
 * field, what is wrong and how to fix it. Compatible with the validation `Diagnostic` shape.
 */
export interface LintFinding {
  /** Stable rule id, e.g. `egress-without-dns`. */
  readonly rule: string;
  /** The severity the rule is configured to. */
  readonly severity: Severity;
  /** Kind of the object concerned: `NetworkPolicy` or `Namespace`. */
  readonly kind: string;
  /** Namespace of the object concerned (for a Namespace, its own name). */
  readonly namespaceName: string;
  /** Name of the object concerned. */
  readonly name: string;
  /**
   * Field path inside the object, as the API server names it, e.g. `spec.ingress[0].from[1]`.
   * Empty when the finding concerns the object as a whole.
   */
  readonly fieldPath: string;
  /** What is wrong, quoting the values involved. */
  readonly message: string;
  /**
   * How to fix it (or to silence it when intended).
   * @default - no fix is suggested
   */
  readonly fix?: string;
  /**
   * Where the object came from: `file:line` or a construct path.
   * @default - unknown
   */
  readonly source?: string;
}
