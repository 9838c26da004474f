import { LintLevel } from './lint-finding';

/** Options for a lint run. */
export interface LintOptions {
  /**
   * Level per rule id, overriding the rule's default: `{ 'egress-without-dns': LintLevel.OFF }`.
   * Rule ids are listed in docs/checks.md.
   * @default - every rule at its default severity
   */
  readonly rules?: { [ruleId: string]: LintLevel };
}
