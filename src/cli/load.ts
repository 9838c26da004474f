import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { documentLocator, FieldLocator } from './source-map';

/** Extensions read when a folder is given; files named explicitly are read whatever their name. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Files larger than this are refused instead of parsed: YAML parses at roughly 1-2 MB a second,
 * so the cap keeps a run under a few seconds per file (`--max-file-size` raises it).
 */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Where a document (or one of its fields) came from. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** One Kubernetes object read from a file. */
export interface LoadedObject {
  readonly object: Record<string, unknown>;
  readonly source: SourceLocation;
  /** The line of a field path such as `spec.ingress[0].ports[0].port`, relative to this object. */
  readonly lineOf: (fieldPath: string) => number;
}

/** Input that could not be used. `fatal` problems make the run exit with code 2. */
export interface LoadProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  readonly fatal: boolean;
}

export interface LoadResult {
  readonly objects: LoadedObject[];
  readonly problems: LoadProblem[];
  /** Every file that was read, in order. */
  readonly files: string[];
}

export interface LoadOptions {
  /** @default DEFAULT_MAX_FILE_BYTES */
  readonly maxFileBytes?: number;
}

/** `file:line: message`, or `file: message` when no line is known. */
export function formatProblem(p: LoadProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.message}`;
}

/**
 * Reads every Kubernetes object from files and folders (recursively). Never throws for bad input:
 * what cannot be read is reported as a problem and the rest is still returned.
 */
export function loadManifests(paths: string[], options: LoadOptions = {}): LoadResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const objects: LoadedObject[] = [];
  const problems: LoadProblem[] = [];
  const files: string[] = [];
  for (const input of paths) {
    for (const file of expandPath(input, problems)) {
      files.push(file);
      loadFile(file, maxBytes, objects, problems);
    }
  }
  return { objects, problems, files };
}

function expandPath(input: string, problems: LoadProblem[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    problems.push({ file: input, message: describeFsError(e, 'cannot read'), fatal: true });
    return [];
  }
  if (stat.isFile()) return [input];
  if (!stat.isDirectory()) {
    // Devices and pipes: /dev/zero never ends, a FIFO may block forever.
    problems.push({ file: input, message: 'cannot read: not a regular file or folder', fatal: true });
    return [];
  }
  const found: string[] = [];
  walk(input, found, problems);
  if (found.length === 0) {
    problems.push({
      file: input,
      message: `folder holds no ${MANIFEST_EXTENSIONS.map((e) => '*' + e).join(', ')} file`,
      fatal: false,
    });
  }
  return found;
}

function walk(dir: string, found: string[], problems: LoadProblem[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ file: dir, message: describeFsError(e, 'cannot list folder'), fatal: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, found, problems);
    } else if (!MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      continue;
    } else if (entry.isFile()) {
      found.push(full);
    } else if (entry.isSymbolicLink()) {
      // Links to files are read; links to folders are not followed, so that a loop cannot recur forever.
      const target = safeStat(full);
      if (target?.isFile()) found.push(full);
      else problems.push({ file: full, message: 'skipped: a symbolic link to something other than a file', fatal: false });
    } else {
      problems.push({ file: full, message: 'skipped: not a regular file', fatal: false });
    }
  }
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function loadFile(file: string, maxBytes: number, objects: LoadedObject[], problems: LoadProblem[]): void {
  const text = readText(file, maxBytes, problems);
  if (text === undefined) return;
  if (text.trim() === '') {
    problems.push({ file, message: 'file is empty: expected YAML or JSON Kubernetes objects', fatal: true });
    return;
  }
  let lineCounter = new LineCounter();
  let docs = parse(text, lineCounter);
  if (docs.some((d) => d.errors.length > 0) && /^[ ]*\t/m.test(text)) {
    // Go's YAML parser (kubectl's) accepts a tab at the start of a line inside a flow collection;
    // YAML 1.2 does not. Retry with such tabs read as spaces (same length, so lines stay right).
    const retryCounter = new LineCounter();
    const retry = parse(text.replace(/^([ ]*)\t+/gm, (m) => m.replace(/\t/g, ' ')), retryCounter);
    if (retry.every((d) => d.errors.length === 0)) {
      const line = text.split('\n').findIndex((l) => /^[ ]*\t/.test(l)) + 1;
      problems.push({ file, line, message: 'tab used as indentation; read as a space, as kubectl does', fatal: false });
      docs = retry;
      lineCounter = retryCounter;
    }
  }
  let usable = 0;
  for (const doc of docs) {
    const line = lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const at = err.pos ? lineCounter.linePos(err.pos[0]).line : line;
      problems.push({ file, line: at, message: `invalid YAML: ${firstLine(err.message)}`, fatal: true });
      continue;
    }
    if (doc.contents === null || isEmptyScalar(doc)) continue;
    usable += addDocument(doc, file, line, lineCounter, objects, problems);
  }
  if (usable === 0 && !problems.some((p) => p.file === file)) {
    problems.push({ file, message: 'file holds no YAML document (only comments or separators)', fatal: true });
  }
}

function parse(text: string, lineCounter: LineCounter): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return Array.isArray(parsed) ? parsed : [];
}

function readText(file: string, maxBytes: number, problems: LoadProblem[]): string | undefined {
  let buffer: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) {
      problems.push({
        file,
        message: `file is ${formatBytes(size)}, larger than the limit of ${formatBytes(maxBytes)}; split it or raise --max-file-size`,
        fatal: true,
      });
      return undefined;
    }
    buffer = fs.readFileSync(file);
  } catch (e) {
    problems.push({ file, message: describeFsError(e, 'cannot read'), fatal: true });
    return undefined;
  }
  if (buffer.includes(0)) {
    problems.push({ file, message: 'file is binary (it contains NUL bytes), not YAML or JSON', fatal: true });
    return undefined;
  }
  return buffer.toString('utf8');
}

function addDocument(
  doc: Document.Parsed,
  file: string,
  line: number,
  lineCounter: LineCounter,
  objects: LoadedObject[],
  problems: LoadProblem[],
): number {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    problems.push({ file, line, message: `cannot read document: ${firstLine(errorMessage(e))}`, fatal: true });
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
  const locator = documentLocator(doc.contents, lineCounter);
  return addObject(value, locator, file, problems, objects);
}

function addObject(
  value: Record<string, unknown>,
  locator: FieldLocator,
  file: string,
  problems: LoadProblem[],
  objects: LoadedObject[],
): number {
  const line = locator.line('');
  if (value.kind === undefined || value.apiVersion === undefined) {
    const missing = value.kind === undefined ? 'kind' : 'apiVersion';
    problems.push({ file, line, message: `skipped: document has no ${missing}, so it is not a Kubernetes object`, fatal: false });
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
  objects.push({ object: value, source: { file, line }, lineOf: (fieldPath) => locator.line(fieldPath) });
  return 1;
}

function addListItems(
  list: Record<string, unknown>,
  locator: FieldLocator,
  file: string,
  problems: LoadProblem[],
  objects: LoadedObject[],
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
    const itemLocator = locator.child(`items[${i}]`);
    if (!isPlainObject(item)) {
      problems.push({
        file,
        line: itemLocator.line(''),
        message: `${list.kind}.items[${i}] must be a Kubernetes object, found ${describeValue(item)}`,
        fatal: true,
      });
      return;
    }
    count += addObject(withImpliedKind(item, list), itemLocator, file, problems, objects);
  });
  // An empty list is a valid document: it counts as read.
  return items.length === 0 ? 1 : count;
}

/**
 * Items of a typed list (`PodList`, `NamespaceList`, …) may omit `kind` and `apiVersion`, as the
 * API server returns them: they take the list's.
 */
function withImpliedKind(item: Record<string, unknown>, list: Record<string, unknown>): Record<string, unknown> {
  const listKind = String(list.kind);
  if (listKind === 'List' || (item.kind !== undefined && item.apiVersion !== undefined)) return item;
  return { kind: listKind.slice(0, -'List'.length), apiVersion: list.apiVersion, ...item };
}

function isEmptyScalar(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return !isMap(c) && !isSeq(c) && c !== null && (c as { value?: unknown }).value === null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, user-facing description of a YAML value's type. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(truncate(v))}`;
  return `the ${typeof v} ${String(v)}`;
}

function truncate(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

function describeFsError(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${what}: no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${what}: permission denied`;
  if (code === 'EISDIR') return `${what}: is a folder`;
  return `${what}: ${firstLine(errorMessage(e))}`;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
