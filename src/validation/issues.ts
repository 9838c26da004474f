import { Diagnostic } from './diagnostic';
import { Severity } from './severity';

/**
 * Builders for diagnostics in the API server's `field.Error` format:
 * `<Type>[: <bad value>][: <detail>]`. The field path is kept apart in `fieldPath`.
 */

/** Renders a bad value as the server does: strings quoted, integers bare, the rest as JSON. */
function formatBadValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? 'null';
}

/** `Invalid value: <value>: <detail>` */
export function invalid(fieldPath: string, value: unknown, detail: string, rule: string, fix: string): Diagnostic {
  return { severity: Severity.ERROR, rule, fieldPath, message: `Invalid value: ${formatBadValue(value)}: ${detail}`, fix };
}

/** `Required value[: <detail>]` */
export function required(fieldPath: string, detail: string, rule: string, fix: string): Diagnostic {
  return { severity: Severity.ERROR, rule, fieldPath, message: detail ? `Required value: ${detail}` : 'Required value', fix };
}

/** `Forbidden: <detail>` */
export function forbidden(fieldPath: string, detail: string, rule: string, fix: string): Diagnostic {
  return { severity: Severity.ERROR, rule, fieldPath, message: `Forbidden: ${detail}`, fix };
}

/** `Unsupported value: "<v>": supported values: "A", "B"` */
export function notSupported(fieldPath: string, value: string, supported: readonly string[], rule: string, fix: string): Diagnostic {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return {
    severity: Severity.ERROR,
    rule,
    fieldPath,
    message: `Unsupported value: ${formatBadValue(value)}: supported values: ${list}`,
    fix,
  };
}

/** `Too long: may not be more than <n> bytes` */
export function tooLong(fieldPath: string, maxBytes: number, rule: string, fix: string): Diagnostic {
  return { severity: Severity.ERROR, rule, fieldPath, message: `Too long: may not be more than ${maxBytes} bytes`, fix };
}

/** A finding the server only warns about; `message` is the warning text after the field path. */
export function warning(fieldPath: string, message: string, rule: string, fix: string): Diagnostic {
  return { severity: Severity.WARNING, rule, fieldPath, message, fix };
}

/** `parent.child`, or just `child` at the root. */
export function childPath(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

/** `parent[i]` */
export function indexPath(parent: string, i: number): string {
  return `${parent}[${i}]`;
}
