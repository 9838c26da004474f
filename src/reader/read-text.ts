import { readDocumentsFast } from './fast-yaml';
import { parseYamlStream } from './full-yaml';
import { unsupportedJsonValue } from './json-values';
import { DecodeError } from './merge';
import { deferredLocator, documentLocator, FieldLocator } from './source-map';
import { documentToJs } from './to-js';

/** One document of a YAML text, read as kubectl reads it. */
export interface TextDocument {
  /** The document's value (null for an empty document). */
  readonly value: unknown;
  /** Where a field is (1-based line), and how a plain scalar field was written. */
  readonly locator: FieldLocator;
}

/** Alias uses that expand to more than this are refused, as the CLI refuses them by default. */
const MAX_ALIASES = 1000;

/**
 * Reads every document of a YAML (or JSON) text with kubectl's rules (go-yaml v2 scalars, merge
 * keys and tabs; JSON keys as sigs.k8s.io/yaml makes them): the fast route when it can, else
 * the full parser. Throws an `Error` naming the line for what kubectl would refuse to read.
 */
export function readYamlText(text: string): TextDocument[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fast = readDocumentsFast(source, MAX_ALIASES);
  const documents: TextDocument[] = fast
    ? fast.map((doc) => ({ value: doc.value, locator: deferredLocator(doc.text, doc.firstLine, doc.contentLine) }))
    : readFull(source);
  for (const doc of documents) {
    const unsupported = findUnsupported(doc.value, '');
    if (unsupported) throw new Error(`line ${doc.locator.line(unsupported.path)}: ${unsupported.message}`);
  }
  return documents;
}

function readFull(text: string): TextDocument[] {
  const stream = parseYamlStream(text);
  return stream.documents.map((doc) => {
    const lineOf = (offset: number): number => stream.lineCounter.linePos(offset).line;
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      throw new Error(`line ${lineOf(error.pos[0])}: invalid YAML: ${error.message.split('\n')[0]}`);
    }
    const locator = documentLocator(doc.contents, stream.lineCounter);
    try {
      return { value: documentToJs(doc, MAX_ALIASES), locator };
    } catch (e) {
      const at = e instanceof DecodeError && e.fieldPath ? locator.line(e.fieldPath) : lineOf(doc.range[0]);
      const why = e instanceof DecodeError ? `error converting YAML to JSON: ${e.message}` : (e as Error).message;
      throw new Error(`line ${at}: cannot read document: ${why}`);
    }
  });
}

/** The first `.inf` or `.nan` of a value, which JSON cannot hold. */
function findUnsupported(value: unknown, path: string): { path: string; message: string } | undefined {
  if (value === null || typeof value !== 'object') {
    const message = unsupportedJsonValue(value);
    return message === undefined ? undefined : { path, message };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsupported(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findUnsupported(item, /[.[\]]/.test(key) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
