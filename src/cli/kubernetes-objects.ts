import { Document, LineCounter } from 'yaml';
import { errorSummary, LoadProblem, ObjectSink } from './loaded';
import { findLimitViolation, isStackOverflow, LIMIT_FLAGS, ReadLimits, tooDeepMessage } from './read-limits';
import { DecodeError } from '../reader/merge';
import { documentLocator, FieldLocator } from '../reader/source-map';
import { documentToJs } from '../reader/to-js';

/**
 * Adds the Kubernetes objects of one parsed document to `objects`: the document itself, or the
 * items of a `List` kind. Returns how many objects it held; anything unusable becomes a problem.
 */
export function objectsFromDocument(
  doc: Document.Parsed,
  file: string,
  lineCounter: LineCounter,
  objects: ObjectSink,
  problems: LoadProblem[],
  limits: ReadLimits,
): number {
  const line = lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
  let value: unknown;
  try {
    value = documentToJs(doc, limits.maxAliases);
  } catch (e) {
    if (e instanceof DecodeError) {
      const at = e.fieldPath ? safeLine(documentLocator(doc.contents, lineCounter), e.fieldPath, line) : line;
      problems.push({ file, line: at, message: `cannot read document: error converting YAML to JSON: ${e.message}`, fatal: true });
      return 0;
    }
    const why = isStackOverflow(e) ? tooDeepMessage(limits)
      : /alias/i.test(errorSummary(e)) ? `its aliases expand beyond the limit of ${limits.maxAliases} (an alias bomb?); `
        + `raise it with ${LIMIT_FLAGS.maxAliases} if the input is trusted`
        : errorSummary(e);
    problems.push({ file, line, message: `cannot read document: ${why}`, fatal: true });
    return 0;
  }
  return objectsFromValue(value, line, documentLocator(doc.contents, lineCounter), file, objects, problems, limits);
}

/**
 * The same for a document's value, the line its content starts on, and a locator for its
 * fields (the fast route's reads the document's lines only if a field's line is asked for).
 */
export function objectsFromValue(
  value: unknown,
  line: number,
  locator: FieldLocator,
  file: string,
  objects: ObjectSink,
  problems: LoadProblem[],
  limits: ReadLimits,
): number {
  const violation = findLimitViolation(value, limits);
  if (violation) {
    problems.push({ file, line: safeLine(locator, violation.fieldPath, line), message: `cannot read document: ${violation.message}`, fatal: true });
    return 0;
  }
  if (!isPlainObject(value)) {
    problems.push({
      file,
      line,
      message: `skipped: expected a Kubernetes object (a mapping with apiVersion and kind), found ${describeValue(value)}`,
      fatal: false,
    });
    return 0;
  }
  return addObject(value, locator, file, problems, objects);
}

function addObject(
  value: Record<string, unknown>,
  locator: FieldLocator,
  file: string,
  problems: LoadProblem[],
  objects: ObjectSink,
): number {
  if (value.kind === undefined || value.apiVersion === undefined) {
    const missing = value.kind === undefined ? 'kind' : 'apiVersion';
    problems.push({ file, line: locator.line(''), message: `skipped: document has no ${missing}, so it is not a Kubernetes object`, fatal: false });
    return 0;
  }
  if (typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
    const field = typeof value.kind !== 'string' ? 'kind' : 'apiVersion';
    problems.push({
      file,
      line: locator.line(field),
      message: `${field} must be a string, found ${describeValue(value[field])}`,
      fatal: true,
    });
    return 0;
  }
  if (value.kind === 'List' || value.kind.endsWith('List')) {
    return addListItems(value, locator, file, problems, objects);
  }
  if (value.metadata !== undefined && value.metadata !== null && !isPlainObject(value.metadata)) {
    problems.push({
      file,
      line: locator.line('metadata'),
      message: `metadata must be a mapping, found ${describeValue(value.metadata)}`,
      fatal: true,
    });
    return 0;
  }
  objects.push({
    object: value,
    source: lazySource(file, locator),
    lineOf: (fieldPath) => locator.line(fieldPath),
    writtenAs: (fieldPath) => {
      try {
        return locator.written?.(fieldPath);
      } catch {
        return undefined;
      }
    },
  });
  return 1;
}

function addListItems(
  list: Record<string, unknown>,
  locator: FieldLocator,
  file: string,
  problems: LoadProblem[],
  objects: ObjectSink,
): number {
  const items = list.items;
  if (items === undefined || items === null) return 1;
  if (!Array.isArray(items)) {
    problems.push({
      file,
      line: locator.line('items'),
      message: `${list.kind}.items must be a list, found ${describeValue(items)}`,
      fatal: true,
    });
    return 0;
  }
  let count = 0;
  items.forEach((item, i) => {
    count += objectsFromListItem(item, i, list, locator.child(`items[${i}]`), file, objects, problems);
  });
  // An empty list is a valid document: it counts as read.
  return items.length === 0 ? 1 : count;
}

/**
 * Adds one item of a List (`index` in its `items`): an object of its own, which may take its kind
 * from a typed list's. Returns 1 when it was usable.
 */
export function objectsFromListItem(
  item: unknown,
  index: number,
  list: { readonly kind?: unknown; readonly apiVersion?: unknown },
  itemLocator: FieldLocator,
  file: string,
  objects: ObjectSink,
  problems: LoadProblem[],
): number {
  if (!isPlainObject(item)) {
    problems.push({
      file,
      line: itemLocator.line(''),
      message: `${String(list.kind)}.items[${index}] must be a Kubernetes object, found ${describeValue(item)}`,
      fatal: true,
    });
    return 0;
  }
  return addObject(withImpliedKind(item, list), itemLocator, file, problems, objects);
}

/**
 * Items of a typed list (`PodList`, `NamespaceList`, …) may omit `kind` and `apiVersion`, as the
 * API server returns them: they take the list's.
 */
function withImpliedKind(item: Record<string, unknown>, list: { readonly kind?: unknown; readonly apiVersion?: unknown }): Record<string, unknown> {
  const listKind = String(list.kind);
  if (listKind === 'List' || (item.kind !== undefined && item.apiVersion !== undefined)) return item;
  return { kind: listKind.slice(0, -'List'.length), apiVersion: list.apiVersion, ...item };
}

/** A source whose line is found only when read: a List item's line needs the document's positions. */
function lazySource(file: string, locator: FieldLocator): { readonly file: string; readonly line: number } {
  let line: number | undefined;
  return {
    file,
    get line() {
      line ??= locator.line('');
      return line;
    },
  };
}

/** A field's line, or `fallback` when finding it fails (a text nested too deep to parse with positions). */
export function safeLine(locator: FieldLocator, fieldPath: string, fallback: number): number {
  try {
    return locator.line(fieldPath);
  } catch {
    return fallback;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, user-facing description of a YAML value's type. */
function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(truncate(v))}`;
  return `the ${typeof v} ${String(v)}`;
}

function truncate(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
