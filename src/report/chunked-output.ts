/** Where text goes: a stream's `write`. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Collects small pieces of text and passes them on in chunks of about `chunkChars`: output of
 * any length is written as it is produced, never built as one string (a string holds at most
 * about 512 MiB), and without a system call per line.
 */
export class ChunkedOutput implements TextSink {
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly sink: TextSink, private readonly chunkChars = 64 * 1024) {}

  public write(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
    if (this.length >= this.chunkChars) this.flush();
  }

  /** Passes on what is collected; call once at the end. */
  public flush(): void {
    if (this.pieces.length === 0) return;
    this.sink.write(this.pieces.join(''));
    this.pieces = [];
    this.length = 0;
  }
}

/**
 * Writes an array of objects row by row, byte for byte as `JSON.stringify(rows, undefined, 2)`
 * writes it whole, then a line break.
 */
export function writeJsonRows(rows: Iterable<object>, out: TextSink): void {
  let first = true;
  for (const row of rows) {
    out.write(`${first ? '[\n' : ',\n'}  ${JSON.stringify(row, undefined, 2).replace(/\n/g, '\n  ')}`);
    first = false;
  }
  out.write(first ? '[]\n' : '\n]\n');
}
