import { Diagnostic } from './diagnostic';
import { Rules } from './rules';
import { Severity } from './severity';

/**
 * The decoding step (docs/semantics.md#decoding) for untyped input: the API server first decodes JSON
 * into the Go types, strictly (unknown fields rejected). Wrong JSON types and unknown
 * fields are reported here, with the field path, and the value is skipped so that the
 * validation rules only ever see well-typed values. `null` decodes to the zero value,
 * which for optional fields means "absent".
 */

/** The JSON kind of a value, in the words Go's decoder uses. */
export function jsonKind(value: unknown): 'object' | 'array' | 'string' | 'number' | 'bool' | 'null' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

/** True for a plain JSON object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return jsonKind(value) === 'object';
}

/** A field being decoded: where it is and what Go type it decodes into. */
export interface FieldRef {
  /** API-server field path, with indices: `spec.ingress[0].ports[1].endPort`. */
  readonly path: string;
  /** The Go struct that declares the field (`NetworkPolicyPort`), for the decode message. */
  readonly owner: string;
}

/**
 * The text of a scalar as written in its file, by field path: YAML turns `on` into a boolean and
 * `1.10` into the number 1.1, and a fix must quote what the user wrote, not what it became.
 */
export type WrittenAs = (fieldPath: string) => string | undefined;

/** Collects findings while walking one object. */
export class Findings {
  public readonly items: Diagnostic[] = [];

  /** @param written the text of a field as written, when the object was read from a file */
  constructor(public readonly written?: WrittenAs) {}

  public add(...diagnostics: Diagnostic[]): void {
    this.items.push(...diagnostics);
  }

  /** Reports a value of the wrong JSON type, in the words of Go's decoder. */
  public wrongType(field: FieldRef, value: unknown, goType: string, fix: string): void {
    const dotted = field.path.replace(/\[\d+\]/g, '');
    const what = jsonKind(value) === 'number' ? `number ${String(value)}` : jsonKind(value);
    this.add({
      severity: Severity.ERROR,
      rule: Rules.DECODE_TYPE,
      fieldPath: field.path,
      message: `json: cannot unmarshal ${what} into Go struct field ${field.owner}.${dotted} of type ${goType}`,
      fix,
    });
  }

  /** Reports a field the strict decoder does not know. */
  public unknownField(path: string, fix: string): void {
    this.add({
      severity: Severity.ERROR,
      rule: Rules.UNKNOWN_FIELD,
      fieldPath: path,
      message: `strict decoding error: unknown field ${JSON.stringify(path)}`,
      fix,
    });
  }
}

function lastSegment(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot < 0 ? path : path.slice(dot + 1)).replace(/\[\d+\]$/, '');
}

/** A fix for a value that should have been a string, quoting the text as written when it is known. */
export function stringTypeFix(field: FieldRef, value: unknown, written?: string): string {
  const name = lastSegment(field.path);
  const kind = jsonKind(value);
  if (kind === 'bool' || kind === 'number') {
    const text = written ?? String(value);
    const became = written !== undefined && written !== String(value) ? ` (unquoted, ${text} is read as the ${kind === 'bool' ? 'boolean' : 'number'} ${String(value)})` : '';
    return `quote the value: ${name}: ${JSON.stringify(text)}${became || ' (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)'}`;
  }
  return `write ${name} as a single string`;
}

/** A fix for a value that should have been a whole number (the int32 fields here are ports and counts). */
export function integerTypeFix(field: FieldRef, value: unknown, written?: string): string {
  const name = lastSegment(field.path);
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return `remove the quotes: ${name}: ${value.trim()}`;
  if (typeof value === 'number') {
    const became = written !== undefined && written !== String(value) ? `${name}: ${written} is read as the number ${String(value)}; ` : '';
    return /port/i.test(name) ? `${became}use a whole number from 1 to 65535, e.g. ${name}: 8080` : `${became}use a whole number, e.g. ${name}: 1`;
  }
  return `write ${name} as a plain number, e.g. ${name}: ${/port/i.test(name) ? 8080 : 1}`;
}

/** A fix for a value that should have been a map. */
function objectTypeFix(field: FieldRef, value: unknown): string {
  const name = lastSegment(field.path);
  const isSelector = /Selector$/.test(name);
  const example = isSelector ? ` (e.g. ${name}: {matchLabels: {app: web}})` : '';
  if (jsonKind(value) === 'array') return `write ${name} as a map of fields, not a list (remove the leading "- ")${example}`;
  return `write ${name} as a map of fields${example}`;
}

/** A fix for a value that should have been a list. */
function arrayTypeFix(field: FieldRef, value: unknown): string {
  const name = lastSegment(field.path);
  if (jsonKind(value) === 'object') return `write ${name} as a list: start each item with "- "`;
  if (jsonKind(value) === 'string') return `write ${name} as a list, e.g. ${name}: [${JSON.stringify(value)}]`;
  return `write ${name} as a list`;
}

/** Reads a string field. `null`/absent decode to undefined; other types are reported. */
export function readString(findings: Findings, field: FieldRef, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  findings.wrongType(field, value, 'string', stringTypeFix(field, value, findings.written?.(field.path)));
  return undefined;
}

/**
 * Reads one item of a `[]string` list: Go decodes a null item to "", so it is read as "" and
 * checked like any other value; another JSON type is reported.
 */
export function readStringItem(findings: Findings, field: FieldRef, value: unknown): string | undefined {
  return value === null ? '' : readString(findings, field, value);
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Whether a JSON value decodes into a Go int32. */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/** Reads an int32 field: a whole JSON number in the int32 range. */
export function readInt32(findings: Findings, field: FieldRef, value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (isInt32(value)) return value;
  findings.wrongType(field, value, 'int32', integerTypeFix(field, value, findings.written?.(field.path)));
  return undefined;
}

/** Reads a list field. */
export function readArray(findings: Findings, field: FieldRef, value: unknown, goType: string): unknown[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  findings.wrongType(field, value, goType, arrayTypeFix(field, value));
  return undefined;
}

/**
 * Reads a struct: the value must be a map; `null`/absent give undefined. Every key that
 * is not one of `fields` is reported as unknown, with a hint from `misplaced` when the
 * key is a known field that belongs elsewhere.
 */
export function readObject(
  findings: Findings,
  field: FieldRef,
  value: unknown,
  goType: string,
  fields: readonly string[],
  misplaced: Readonly<Record<string, string>> = {},
): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isJsonObject(value)) {
    findings.wrongType(field, value, goType, objectTypeFix(field, value));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (fields.includes(key)) continue;
    const path = field.path ? `${field.path}.${key}` : key;
    const hint = Object.prototype.hasOwnProperty.call(misplaced, key) ? misplaced[key] : undefined;
    findings.unknownField(path, hint ?? unknownFieldFix(key, fields));
  }
  return value;
}

/**
 * Reads a `map[string]string` (labels, annotations, matchLabels). A `null` entry decodes
 * to the empty string; entries of another type are reported and dropped.
 */
export function readStringMap(
  findings: Findings,
  field: FieldRef,
  value: unknown,
  listFix?: string,
): Map<string, string> | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isJsonObject(value)) {
    const fix = jsonKind(value) === 'array' && listFix ? listFix : objectTypeFix(field, value);
    findings.wrongType(field, value, 'map[string]string', fix);
    return undefined;
  }
  const result = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) {
      result.set(key, '');
    } else if (typeof entry === 'string') {
      result.set(key, entry);
    } else {
      const entryField = { path: `${field.path}.${key}`, owner: field.owner };
      findings.wrongType(entryField, entry, 'string', stringTypeFix(entryField, entry, findings.written?.(entryField.path)));
    }
  }
  return result;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Suggests the field that was probably meant, or lists the allowed ones. */
function unknownFieldFix(key: string, fields: readonly string[]): string {
  const sameLetters = fields.find((f) => f.toLowerCase() === key.toLowerCase());
  if (sameLetters) return `field names are case-sensitive: write ${JSON.stringify(sameLetters)}`;
  const close = fields
    .map((f) => ({ f, d: editDistance(key.toLowerCase(), f.toLowerCase()) }))
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d)[0];
  if (close) return `did you mean ${JSON.stringify(close.f)}?`;
  return `remove it or move it to the right level; the fields allowed here are ${fields.join(', ')}`;
}
