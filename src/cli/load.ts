import { isMap, isSeq, Document } from 'yaml';
import { displayName, findManifestFiles, STDIN } from './find-files';
import { bufferSource, ByteSource, fileSource, JsonListLocator, lineOfOffset, StreamedJsonError, streamJsonList } from './json-input';
import { objectsFromDocument, objectsFromListItem, objectsFromValue, safeLine } from './kubernetes-objects';
import { LoadedObject, LoadProblem, ObjectSink } from './loaded';
import { kindProblems } from './object-kinds';
import { ReadProgress } from './progress';
import { DEFAULT_READ_LIMITS, findLimitViolation, LIMIT_FLAGS, ReadLimits, tooDeepMessage } from './read-limits';
import { formatBytes, ManifestInput, parseYamlText, readManifestInput } from './read-yaml';
import { podEssentials } from '../model/pod-essentials';
import { readDocumentsFast } from '../reader/fast-yaml';
import { deferredLocator, FieldLocator } from '../reader/source-map';

export { formatProblem } from './loaded';
export type { LoadedObject, LoadProblem } from './loaded';

export interface LoadResult {
  /** Every object read, in order; empty when `onObject` received them. */
  readonly objects: LoadedObject[];
  readonly problems: LoadProblem[];
  /** Every file that was read, in order. */
  readonly files: string[];
}

export interface LoadOptions {
  /** What stops hostile input; unset limits take their defaults (`DEFAULT_READ_LIMITS`). */
  readonly limits?: Partial<ReadLimits>;
  /**
   * Receives each object as soon as it is read, instead of the result's `objects`: a caller that
   * folds objects as they come never holds all of them.
   */
  readonly onObject?: (o: LoadedObject) => void;
  /** Keep of each Pod only what evaluation reads (name, namespace, labels, owner, ports, IPs, hostNetwork). @default false */
  readonly podEssentials?: boolean;
  /** Told of each file and object as they are read (a progress line on a terminal). */
  readonly progress?: ReadProgress;
  /** JSON files from this many bytes on are streamed. @default MAX_TEXT_BYTES (what fits in one string) */
  readonly streamJsonFromBytes?: number;
}

/**
 * JSON files from this size on are read with `JSON.parse` (many times faster than a YAML parser,
 * and without its positions); smaller ones with the YAML routes, which also find duplicate keys.
 * A field's line in a large JSON file is found, when an error needs it, by reading again only
 * the List item it is in.
 */
const JSON_PARSE_MIN_BYTES = 1024 * 1024;

/**
 * Reads every Kubernetes object from files and folders (recursively). Never throws for bad input:
 * what cannot be read is reported as a problem and the rest is still returned.
 */
export function loadManifests(paths: string[], options: LoadOptions = {}): LoadResult {
  const objects: LoadedObject[] = [];
  const problems: LoadProblem[] = [];
  const ofKinds: LoadProblem[] = [];
  const limits = withDefaults(options.limits);
  let count = 0;
  const sink: ObjectSink = {
    push(o: LoadedObject) {
      if (++count > limits.maxObjects) {
        if (count === limits.maxObjects + 1) {
          problems.push({
            file: o.source.file,
            message: `more than ${limits.maxObjects.toLocaleString('en-US')} objects (documents and List items): reading stops here; `
              + `raise the limit with ${LIMIT_FLAGS.maxObjects} if the input is trusted`,
            fatal: true,
          });
        }
        return;
      }
      options.progress?.object();
      const kept = options.podEssentials && o.object.kind === 'Pod' ? { ...o, object: podEssentials(o.object) } : o;
      ofKinds.push(...kindProblems(kept));
      if (options.onObject) options.onObject(kept);
      else objects.push(kept);
    },
  };
  const files = findManifestFiles(paths, problems);
  for (const [index, file] of files.entries()) {
    if (count > limits.maxObjects) break;
    options.progress?.file(index, files.length, displayName(file));
    loadFile(file, options, limits, sink, problems);
  }
  problems.push(...ofKinds);
  return { objects, problems, files };
}

/** The limits given, the defaults for the rest. */
function withDefaults(given: Partial<ReadLimits> | undefined): ReadLimits {
  const limits: Record<string, unknown> = { ...DEFAULT_READ_LIMITS };
  for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) limits[key] = value;
  return limits as unknown as ReadLimits;
}

function loadFile(file: string, options: LoadOptions, limits: ReadLimits, objects: ObjectSink, problems: LoadProblem[]): void {
  const input = readManifestInput(file, { maxBytes: options.limits?.maxFileBytes, streamFromBytes: options.streamJsonFromBytes }, problems);
  if (input === undefined) return;
  const name = displayName(file);
  if (input.large) {
    readJsonStream(file, input, limits, objects, problems);
    return;
  }
  const text = input.text;
  if (text.length >= JSON_PARSE_MIN_BYTES && /^\uFEFF?\s*[{[]/.test(text.slice(0, 4096)) && readJsonText(file, text, limits, objects, problems)) return;
  // Most files read the fast way, without a syntax tree; the rest (and every error) the full way.
  const fast = readDocumentsFast(text, limits.maxAliases);
  if (fast) {
    let usable = 0;
    for (const doc of fast) {
      if (doc.value === null || doc.value === undefined) continue;
      const locator = deferredLocator(doc.text, doc.firstLine, doc.contentLine);
      usable += objectsFromValue(doc.value, doc.contentLine, locator, name, objects, problems, limits);
    }
    if (usable === 0 && !problems.some((p) => p.file === name)) {
      problems.push({ file: name, message: 'file holds no YAML document (only comments or separators)', fatal: true });
    }
    return;
  }
  const yaml = parseYamlText(file, text, problems, limits);
  let usable = 0;
  for (const doc of yaml.documents) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const at = yaml.lineCounter.linePos(err.pos ? err.pos[0] : doc.range[0]).line;
      const why = /call stack/i.test(err.message) ? tooDeepMessage(limits) : err.message.split('\n')[0].trim();
      problems.push({ file: name, line: at, message: `invalid YAML: ${why}`, fatal: true });
      continue;
    }
    if (doc.contents === null || isEmptyScalar(doc)) continue;
    usable += objectsFromDocument(doc, name, yaml.lineCounter, objects, problems, limits);
  }
  if (usable === 0 && !problems.some((p) => p.file === name)) {
    problems.push({ file: name, message: 'file holds no YAML document (only comments or separators)', fatal: true });
  }
}

/**
 * A large JSON file through `JSON.parse`. Returns false when it is not JSON after all (a YAML
 * file that starts with a flow collection): the YAML routes read it then.
 */
function readJsonText(file: string, text: string, limits: ReadLimits, objects: ObjectSink, problems: LoadProblem[]): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    // Not JSON: perhaps YAML in flow style. The YAML routes read it, or report where it fails.
    if (!position || !/^\uFEFF?\s*\{\s*"/.test(text.slice(0, 4096))) return false;
    problems.push({
      file: displayName(file),
      line: lineOfIndex(text, Number(position[1])),
      message: `invalid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`,
      fatal: true,
    });
    return true;
  }
  const contentLine = lineOfIndex(text, text.search(/\S/));
  const source: ByteSource = file === STDIN ? bufferSource(Buffer.from(text, 'utf8')) : fileSource(file);
  objectsFromValue(value, contentLine, new JsonListLocator(source, contentLine), displayName(file), objects, problems, limits);
  return true;
}

/** A JSON file too large for one string, item by item: only a List (`kubectl get -o json`) can be read so. */
function readJsonStream(
  file: string,
  input: ManifestInput & { large: ByteSource },
  limits: ReadLimits,
  objects: ObjectSink,
  problems: LoadProblem[],
): void {
  const name = displayName(file);
  const locator = new JsonListLocator(input.large, 1);
  const itemLocator = (index: number): FieldLocator => locator.child(`items[${index}]`);
  // Items that name no kind of their own take the List's, which may come after them.
  const untyped: { item: unknown; index: number }[] = [];
  let listKind: { kind?: unknown; apiVersion?: unknown } = {};
  try {
    const list = streamJsonList(input.large, (item, index) => {
      const violation = findLimitViolation(item, limits);
      if (violation) {
        const line = safeLine(itemLocator(index), violation.fieldPath, safeLine(itemLocator(index), '', 1));
        problems.push({ file: name, line, message: `cannot read List item ${index}: ${violation.message}`, fatal: true });
        return;
      }
      const own = item as { kind?: unknown; apiVersion?: unknown } | null;
      if (own !== null && typeof own === 'object' && !Array.isArray(own) && (own.kind === undefined || own.apiVersion === undefined)) {
        untyped.push({ item, index });
        return;
      }
      objectsFromListItem(item, index, { kind: 'List' }, itemLocator(index), name, objects, problems);
    });
    listKind = list;
    if (!list.isObject || typeof list.kind !== 'string' || !list.kind.endsWith('List')) {
      problems.push({
        file: name,
        line: 1,
        message: `file is ${formatBytes(input.bytes)}: at this size only a List of objects (kubectl get -o json) can be read, `
          + `and this is ${list.isObject ? `a ${typeof list.kind === 'string' ? list.kind : 'mapping without kind'}` : 'not a mapping'}; split it`,
        fatal: true,
      });
      return;
    }
  } catch (e) {
    const offset = e instanceof StreamedJsonError ? e.offset : undefined;
    problems.push({
      file: name,
      ...(offset !== undefined ? { line: lineOfOffset(input.large, offset) } : {}),
      message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
      fatal: true,
    });
    return;
  }
  for (const { item, index } of untyped) objectsFromListItem(item, index, listKind, itemLocator(index), name, objects, problems);
}

/** The 1-based line of a character index of a text. */
function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function isEmptyScalar(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return !isMap(c) && !isSeq(c) && c !== null && (c as { value?: unknown }).value === null;
}
