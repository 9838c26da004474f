import { constants as bufferConstants, isUtf8 } from 'buffer';
import * as fs from 'fs';
import { Document, LineCounter } from 'yaml';
import { describeFsError, displayName, STDIN } from './find-files';
import { bufferSource, ByteSource, fileSource, looksLikeJson } from './json-input';
import { LoadProblem } from './loaded';
import { DEFAULT_READ_LIMITS, isStackOverflow, ReadLimits, tooDeepMessage } from './read-limits';
import { parseYamlStream, YamlStream } from '../reader/full-yaml';

/** The parsed documents of one file, with the counter that maps their offsets to lines. */
export interface YamlFile {
  readonly documents: Document.Parsed[];
  readonly lineCounter: LineCounter;
}

/**
 * Bytes of UTF-8 beyond which a file cannot be one string (Node's limit is about 512 MiB): such
 * a file is read as a stream of JSON, never as a whole.
 */
export const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;

/** A file's text, or, for a JSON file too large for one string, where to stream it from. */
export type ManifestInput =
  | { readonly text: string; readonly large?: undefined }
  | { readonly large: ByteSource; readonly bytes: number; readonly text?: undefined };

/**
 * The content of one file (or standard input) to read as manifests. Unreadable, binary, not
 * UTF-8 and empty input become problems and `undefined`; so does input larger than `maxBytes`,
 * when a limit is set, and a file too large for one string that is not JSON.
 */
export function readManifestInput(
  file: string,
  limits: { readonly maxBytes?: number; readonly streamFromBytes?: number },
  problems: LoadProblem[],
): ManifestInput | undefined {
  const name = displayName(file);
  const maxBytes = limits.maxBytes;
  const streamFrom = limits.streamFromBytes ?? MAX_TEXT_BYTES;
  let buffer: Buffer;
  try {
    const size = file === STDIN ? 0 : fs.statSync(file).size;
    if (maxBytes !== undefined && size > maxBytes) {
      problems.push({ file: name, message: `file is ${formatBytes(size)}, larger than the limit of ${formatBytes(maxBytes)} set by --max-file-size`, fatal: true });
      return undefined;
    }
    if (size > streamFrom) return largeInput(file, fileSource(file), size, readHead(file), problems);
    buffer = file === STDIN ? fs.readFileSync(0) : fs.readFileSync(file);
    if (maxBytes !== undefined && buffer.length > maxBytes) {
      problems.push({ file: name, message: `input is ${formatBytes(buffer.length)}, larger than the limit of ${formatBytes(maxBytes)} set by --max-file-size`, fatal: true });
      return undefined;
    }
    if (buffer.length > streamFrom) return largeInput(file, bufferSource(buffer), buffer.length, buffer.subarray(0, 4096), problems);
  } catch (e) {
    problems.push({ file: name, message: describeFsError(e, 'cannot read'), fatal: true });
    return undefined;
  }
  const text = decodeText(file, buffer, problems);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    problems.push({ file: name, message: 'file is empty: expected YAML or JSON Kubernetes objects', fatal: true });
    return undefined;
  }
  return { text };
}

function largeInput(file: string, source: ByteSource, bytes: number, head: Buffer, problems: LoadProblem[]): ManifestInput | undefined {
  if (looksLikeJson(head)) return { large: source, bytes };
  problems.push({
    file: displayName(file),
    message: `file is ${formatBytes(bytes)} of YAML, more than fits in one string (${formatBytes(MAX_TEXT_BYTES)}); `
      + 'split it into smaller files, or export it as JSON (kubectl get -o json), which is read as a stream',
    fatal: true,
  });
  return undefined;
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Parses a file's text as a YAML stream with positions, the full way; syntax errors stay on their documents. */
export function parseYamlText(file: string, text: string, problems: LoadProblem[], limits: Pick<ReadLimits, 'maxDepth'> = DEFAULT_READ_LIMITS): YamlFile {
  let stream: YamlStream;
  try {
    stream = parseYamlStream(text);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    problems.push({ file: displayName(file), message: `cannot read: ${tooDeepMessage(limits)}`, fatal: true });
    return { documents: [], lineCounter: new LineCounter() };
  }
  if (stream.tabAsSpaceLine !== undefined) {
    problems.push({ file: displayName(file), line: stream.tabAsSpaceLine, message: 'tab used as indentation; read as a space, as kubectl does', fatal: false });
  }
  return { documents: stream.documents, lineCounter: stream.lineCounter };
}

function decodeText(file: string, buffer: Buffer, problems: LoadProblem[]): string | undefined {
  if (buffer.includes(0)) {
    problems.push({ file: displayName(file), message: 'file is binary (it contains NUL bytes), not YAML or JSON', fatal: true });
    return undefined;
  }
  // Validating first is many times faster than a strict decoder on a large file.
  if (isUtf8(buffer)) {
    const text = buffer.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  const offset = firstInvalidUtf8(buffer);
  const line = buffer.subarray(0, offset).toString('utf8').split('\n').length;
  problems.push({ file: displayName(file), line, message: `file is not valid UTF-8 (byte ${offset}); kubectl refuses it too: save it as UTF-8`, fatal: true });
  return undefined;
}

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

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
