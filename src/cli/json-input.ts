import * as fs from 'fs';
import { JSONParser, Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { deferredLocator, FieldLocator } from '../reader/source-map';

/** Bytes of a file that can be read again, from the start, in chunks: for lines asked after reading. */
export interface ByteSource {
  chunks(): Iterable<Buffer>;
  /** The bytes from `start` to `end`. */
  slice(start: number, end: number): Buffer;
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** A file read again from disk in chunks. */
export function fileSource(file: string): ByteSource {
  return {
    *chunks() {
      const fd = fs.openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(CHUNK_BYTES);
        let read: number;
        while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) yield buffer.subarray(0, read);
      } finally {
        fs.closeSync(fd);
      }
    },
    slice(start: number, end: number) {
      const fd = fs.openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(end - start);
        return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, start));
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

/** Bytes already in memory (standard input). */
export function bufferSource(buffer: Buffer): ByteSource {
  return {
    *chunks() {
      for (let at = 0; at < buffer.length; at += CHUNK_BYTES) yield buffer.subarray(at, Math.min(buffer.length, at + CHUNK_BYTES));
    },
    slice: (start: number, end: number) => buffer.subarray(start, end),
  };
}

/** Whether the bytes start (after a byte order mark and white space) like a JSON object or array. */
export function looksLikeJson(head: Buffer): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x7b || head[i] === 0x5b;
}

/**
 * Where each element of a top-level object's `items` array starts and ends (byte offsets), fed
 * the tokens of the file: enough to give a List item's line and re-read its text alone.
 */
class ItemSpans {
  public readonly starts: number[] = [];
  public readonly ends: number[] = [];
  private depth = 0;
  private expectKey = false;
  private lastKey: string | undefined;
  private inItems = false;

  public token(token: TokenType, value: unknown, offset: number): void {
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        if (this.depth === 1 && token === TokenType.LEFT_BRACKET && this.lastKey === 'items') this.inItems = true;
        if (this.depth === 2 && this.inItems) this.starts.push(offset);
        this.depth++;
        this.expectKey = this.depth === 1 && token === TokenType.LEFT_BRACE;
        return;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.depth--;
        if (this.depth === 2 && this.inItems) this.ends.push(offset + 1);
        if (this.depth === 1) this.inItems = false;
        return;
      case TokenType.COMMA:
        if (this.depth === 1) this.expectKey = true;
        return;
      case TokenType.STRING:
        if (this.depth === 1 && this.expectKey) {
          this.lastKey = value as string;
          this.expectKey = false;
          return;
        }
        break;
      case TokenType.COLON:
        return;
      default:
        break;
    }
    // A scalar item: it starts and ends here (its end matters only for a text nobody reads).
    if (this.depth === 2 && this.inItems) {
      this.starts.push(offset);
      this.ends.push(offset);
    }
  }
}

/** The item spans of a JSON file, found by reading it once more (only when a line is asked for). */
function scanItemSpans(source: ByteSource): ItemSpans {
  const spans = new ItemSpans();
  const tokenizer = new Tokenizer();
  tokenizer.onToken = ({ token, value, offset }) => spans.token(token, value, offset);
  tokenizer.onError = () => undefined;
  for (const chunk of source.chunks()) {
    if (tokenizer.isEnded) break;
    tokenizer.write(chunk);
  }
  return spans;
}

/** The 1-based line of each byte offset, from one pass over the source (offsets ascending). */
function linesAt(source: ByteSource, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let base = 0;
  let newlines = 0;
  let next = 0;
  for (const chunk of source.chunks()) {
    let at = 0;
    while (next < offsets.length && offsets[next] < base + chunk.length) {
      const target = offsets[next] - base;
      while (at < target) {
        const found = chunk.indexOf(0x0a, at);
        if (found < 0 || found >= target) {
          at = target;
          break;
        }
        newlines++;
        at = found + 1;
      }
      lines.push(newlines + 1);
      next++;
    }
    for (let found = chunk.indexOf(0x0a, at); found >= 0; found = chunk.indexOf(0x0a, found + 1)) newlines++;
    base += chunk.length;
  }
  while (lines.length < offsets.length) lines.push(newlines + 1);
  return lines;
}

/**
 * Field lines for a large JSON document whose text is not kept: the document itself is on
 * `line`; a List item's fields are found by reading that item's text alone, with positions.
 */
export class JsonListLocator implements FieldLocator {
  private spans: ItemSpans | undefined;

  private itemLines: number[] | undefined;
  private readonly items = new Map<number, FieldLocator>();

  constructor(private readonly source: ByteSource, private readonly ownLine: number) {}

  public line(fieldPath: string): number {
    const item = /^items\[(\d+)\](?:\.(.*))?$/.exec(fieldPath);
    if (!item) return this.ownLine;
    return this.item(Number(item[1])).line(item[2] ?? '');
  }

  public child(fieldPath: string): FieldLocator {
    const item = /^items\[(\d+)\]$/.exec(fieldPath);
    if (!item) return new FixedLocator(this.ownLine);
    const index = Number(item[1]);
    return new LazyLocator(() => this.item(index));
  }

  private item(index: number): FieldLocator {
    let found = this.items.get(index);
    if (found) return found;
    this.spans ??= scanItemSpans(this.source);
    this.itemLines ??= linesAt(this.source, this.spans.starts);
    const start = this.spans.starts[index];
    if (start === undefined) return new FixedLocator(this.ownLine);
    const line = this.itemLines[index];
    const end = this.spans.ends[index];
    found = end > start ? deferredLocator(this.source.slice(start, end).toString('utf8'), line, line) : new FixedLocator(line);
    this.items.set(index, found);
    return found;
  }
}

class FixedLocator implements FieldLocator {
  constructor(private readonly at: number) {}
  public line(): number {
    return this.at;
  }
  public child(): FieldLocator {
    return this;
  }
}

class LazyLocator implements FieldLocator {
  constructor(private readonly resolve: () => FieldLocator) {}
  public written(fieldPath: string): string | undefined {
    return this.resolve().written?.(fieldPath);
  }
  public line(fieldPath: string): number {
    return this.resolve().line(fieldPath);
  }
  public child(fieldPath: string): FieldLocator {
    return new LazyLocator(() => this.resolve().child(fieldPath));
  }
}

/** What the streaming route read of a List's own fields. */
export interface StreamedList {
  readonly kind?: unknown;
  readonly apiVersion?: unknown;
  /** How many items it held. */
  readonly itemCount: number;
  /** Whether the top-level value is an object (the only shape this route reads). */
  readonly isObject: boolean;
}

/** A syntax error of a streamed file: its message and the byte offset where it was found, when known. */
export class StreamedJsonError extends Error {
  constructor(message: string, public readonly offset: number | undefined) {
    super(message);
  }
}

/**
 * Reads a JSON file too large for one string (Node's limit is about 512 MiB) item by item: each
 * element of the top-level `items` is passed to `onItem` with its index as soon as it is read,
 * and nothing else of it is kept. Returns the List's own fields. Throws `StreamedJsonError` on a
 * syntax error. The hot path is the parser alone; where a syntax error is, and where each item
 * starts (for lines), are found by reading the file again, only when asked.
 */
export function streamJsonList(source: ByteSource, onItem: (item: unknown, index: number) => void): StreamedList {
  const parser = new JSONParser({ paths: ['$.items.*', '$.kind', '$.apiVersion'], keepStack: false });
  let failure: Error | undefined;
  let isObject: boolean | undefined;
  const own: { kind?: unknown; apiVersion?: unknown } = {};
  let itemCount = 0;
  parser.onError = (e) => { failure ??= e; };
  // keepStack: false drops each emitted item from its array, so items are not kept alive.
  parser.onValue = ({ value, key }) => {
    if (typeof key === 'number') {
      onItem(value, itemCount++);
    } else if (key === 'kind' || key === 'apiVersion') {
      own[key] = value;
    }
  };
  for (const chunk of source.chunks()) {
    isObject ??= firstByte(chunk) === 0x7b;
    parser.write(chunk);
    if (failure || parser.isEnded) break;
  }
  if (!failure && !parser.isEnded) parser.end();
  if (failure) throw new StreamedJsonError(failure.message.split('\n')[0], failureOffset(source));
  return { ...own, itemCount, isObject: isObject === true };
}

function firstByte(chunk: Buffer): number | undefined {
  let i = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  while (i < chunk.length && (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)) i++;
  return i < chunk.length ? chunk[i] : undefined;
}

/** The offset of the last token read before a syntax error: one more, slower, pass. */
function failureOffset(source: ByteSource): number | undefined {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.kind'], keepStack: false });
  let failed = false;
  let last: number | undefined;
  tokenizer.onToken = (info) => {
    if (failed) return;
    last = info.offset;
    parser.write(info);
  };
  tokenizer.onError = () => { failed = true; };
  parser.onError = () => { failed = true; };
  for (const chunk of source.chunks()) {
    tokenizer.write(chunk);
    if (failed || tokenizer.isEnded) break;
  }
  if (!failed && !tokenizer.isEnded) tokenizer.end();
  return last;
}

/** The line of a byte offset of a source. */
export function lineOfOffset(source: ByteSource, offset: number): number {
  return linesAt(source, [offset])[0];
}
