import { isMap, isSeq, Document } from 'yaml';
import { readDocumentsFast } from './fast-yaml';
import { displayName, findManifestFiles } from './find-files';
import { objectsFromDocument, objectsFromValue } from './kubernetes-objects';
import { LoadedObject, LoadProblem } from './loaded';
import { kindProblems } from './object-kinds';
import { DEFAULT_MAX_FILE_BYTES, parseYamlText, readManifestText } from './read-yaml';
import { deferredLocator } from './source-map';

export { formatProblem } from './loaded';
export type { LoadedObject, LoadProblem } from './loaded';
export { DEFAULT_MAX_FILE_BYTES } from './read-yaml';

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

/**
 * Reads every Kubernetes object from files and folders (recursively). Never throws for bad input:
 * what cannot be read is reported as a problem and the rest is still returned.
 */
export function loadManifests(paths: string[], options: LoadOptions = {}): LoadResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const objects: LoadedObject[] = [];
  const problems: LoadProblem[] = [];
  const files = findManifestFiles(paths, problems);
  for (const file of files) loadFile(file, maxBytes, objects, problems);
  for (const o of objects) problems.push(...kindProblems(o));
  return { objects, problems, files };
}

function loadFile(file: string, maxBytes: number, objects: LoadedObject[], problems: LoadProblem[]): void {
  const text = readManifestText(file, maxBytes, problems);
  if (text === undefined) return;
  // Most files read the fast way, without a syntax tree; the rest (and every error) the full way.
  const fast = readDocumentsFast(text);
  if (fast) {
    const name = displayName(file);
    let usable = 0;
    for (const doc of fast) {
      if (doc.value === null || doc.value === undefined) continue;
      usable += objectsFromValue(doc.value, doc.contentLine, deferredLocator(doc.text, doc.firstLine, doc.contentLine), name, objects, problems);
    }
    if (usable === 0 && !problems.some((p) => p.file === name)) {
      problems.push({ file: name, message: 'file holds no YAML document (only comments or separators)', fatal: true });
    }
    return;
  }
  const yaml = parseYamlText(file, text, problems);
  let usable = 0;
  for (const doc of yaml.documents) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const at = yaml.lineCounter.linePos(err.pos ? err.pos[0] : doc.range[0]).line;
      problems.push({ file: displayName(file), line: at, message: `invalid YAML: ${err.message.split('\n')[0].trim()}`, fatal: true });
      continue;
    }
    if (doc.contents === null || isEmptyScalar(doc)) continue;
    usable += objectsFromDocument(doc, displayName(file), yaml.lineCounter, objects, problems);
  }
  if (usable === 0 && !problems.some((p) => p.file === displayName(file))) {
    problems.push({ file: displayName(file), message: 'file holds no YAML document (only comments or separators)', fatal: true });
  }
}

function isEmptyScalar(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return !isMap(c) && !isSeq(c) && c !== null && (c as { value?: unknown }).value === null;
}
