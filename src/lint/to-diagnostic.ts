import { LintFinding } from './lint-finding';
import { Diagnostic } from '../validation/diagnostic';

/** A lint finding in the validation `Diagnostic` shape, for callers that print both alike. */
export function toDiagnostic(finding: LintFinding): Diagnostic {
  return {
    severity: finding.severity,
    rule: finding.rule,
    fieldPath: finding.fieldPath,
    message: finding.message,
    ...(finding.fix ? { fix: finding.fix } : {}),
  };
}
