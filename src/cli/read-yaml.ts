import * as fs from 'fs';
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { describeFsError, displayName, STDIN } from './find-files';
import { LoadProblem } from './loaded';

/**
 * Files larger than this are refused instead of parsed: YAML parses at roughly 1-2 MB a second,
 * so the cap keeps a run under a few seconds per file (`--max-file-size` raises it).
 */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/** The parsed documents of one file, with the counter that maps their offsets to lines. */
export interface YamlFile {
  readonly documents: Document.Parsed[];
  readonly lineCounter: LineCounter;
}

/**
 * Reads and parses one file as a YAML stream (JSON is YAML). Unreadable, oversized, binary and
 * empty files become problems and `undefined`; syntax errors stay on their documents.
 */
export function readYamlFile(file: string, maxBytes: number, problems: LoadProblem[]): YamlFile | undefined {
  const text = readManifestText(file, maxBytes, problems);
  return text === undefined ? undefined : parseYamlText(file, text, problems);
}

/**
 * The text of one file (or standard input) to read as manifests. Unreadable, oversized, binary,
 * not UTF-8 and empty input become problems and `undefined`.
 */
export function readManifestText(file: string, maxBytes: number, problems: LoadProblem[]): string | undefined {
  const text = readText(file, maxBytes, problems);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    problems.push({ file: displayName(file), message: 'file is empty: expected YAML or JSON Kubernetes objects', fatal: true });
    return undefined;
  }
  return text;
}

/** Parses a file's text as a YAML stream with positions, the full way; syntax errors stay on their documents. */
export function parseYamlText(file: string, text: string, problems: LoadProblem[]): YamlFile {
  const lineCounter = new LineCounter();
  const documents = parse(text, lineCounter);
  if (documents.some((d) => d.errors.length > 0) && /^[ ]*\t/m.test(text)) {
    // Go's YAML parser (kubectl's) accepts a tab at the start of a line inside a flow collection;
    // YAML 1.2 does not. Retry with such tabs read as spaces (same length, so lines stay right).
    const retryCounter = new LineCounter();
    const retry = parse(text.replace(/^([ ]*)\t+/gm, (m) => m.replace(/\t/g, ' ')), retryCounter);
    if (retry.every((d) => d.errors.length === 0)) {
      const line = text.split('\n').findIndex((l) => /^[ ]*\t/.test(l)) + 1;
      problems.push({ file: displayName(file), line, message: 'tab used as indentation; read as a space, as kubectl does', fatal: false });
      return { documents: retry, lineCounter: retryCounter };
    }
  }
  return { documents, lineCounter };
}

function parse(text: string, lineCounter: LineCounter): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return Array.isArray(parsed) ? parsed : [];
}

function readText(file: string, maxBytes: number, problems: LoadProblem[]): string | undefined {
  let buffer: Buffer;
  try {
    const size = file === STDIN ? 0 : fs.statSync(file).size;
    if (size > maxBytes) {
      problems.push({
        file: displayName(file),
        message: `file is ${formatBytes(size)}, larger than the limit of ${formatBytes(maxBytes)}; split it or raise --max-file-size`,
        fatal: true,
      });
      return undefined;
    }
    buffer = file === STDIN ? fs.readFileSync(0) : fs.readFileSync(file);
    if (buffer.length > maxBytes) {
      problems.push({
        file: displayName(file),
        message: `input is ${formatBytes(buffer.length)}, larger than the limit of ${formatBytes(maxBytes)}; raise --max-file-size`,
        fatal: true,
      });
      return undefined;
    }
  } catch (e) {
    problems.push({ file: displayName(file), message: describeFsError(e, 'cannot read'), fatal: true });
    return undefined;
  }
  if (buffer.includes(0)) {
    problems.push({ file: displayName(file), message: 'file is binary (it contains NUL bytes), not YAML or JSON', fatal: true });
    return undefined;
  }
  try {
    return UTF8.decode(buffer);
  } catch {
    const offset = firstInvalidUtf8(buffer);
    const line = buffer.subarray(0, offset).toString('utf8').split('\n').length;
    problems.push({ file: displayName(file), line, message: `file is not valid UTF-8 (byte ${offset}); kubectl refuses it too: save it as UTF-8`, fatal: true });
    return undefined;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The offset of the first byte that does not decode as UTF-8. */
function firstInvalidUtf8(buffer: Buffer): number {
  let low = 0;
  let high = buffer.length;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    try {
      // Streaming: a character cut at the end of the prefix is not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
