import { CliIo } from './io';

/** What a long read reports as it goes. */
export interface ReadProgress {
  /** Reading starts on the `index`-th (0-based) of `total` files. */
  file(index: number, total: number, name: string): void;
  /** One more object was read. */
  object(): void;
  /** A new phase of the run (`evaluating`, `writing`). */
  phase(name: string): void;
  /** Clears the line: the run's own output follows. */
  done(): void;
}

/** Reports nothing: on a pipe, a file, or with --quiet. */
const SILENT: ReadProgress = { file: () => undefined, object: () => undefined, phase: () => undefined, done: () => undefined };

/**
 * A progress line on stderr when stderr is a terminal and --quiet is not given: files, objects,
 * phase and elapsed time, redrawn at most five times a second and only once a run has taken a
 * second (short runs print nothing). Nothing at all on a pipe or with --quiet.
 */
export function progressFor(io: CliIo, quiet: boolean | undefined, now: () => number = Date.now): ReadProgress {
  if (quiet || io.stderr.isTTY !== true) return SILENT;
  return new TerminalProgress(io.stderr, now);
}

class TerminalProgress implements ReadProgress {
  private readonly started: number;
  private lastDrawn = 0;
  private drawn = false;
  private files = { index: 0, total: 0, name: '' };
  private objects = 0;
  private current = 'reading';

  constructor(private readonly out: { write(text: string): unknown }, private readonly now: () => number) {
    this.started = now();
  }

  public file(index: number, total: number, name: string): void {
    this.files = { index, total, name };
    this.current = 'reading';
    this.draw();
  }

  public object(): void {
    // Checking the clock for every object would cost more than the objects.
    if (++this.objects % 1000 === 0) this.draw();
  }

  public phase(name: string): void {
    this.current = name;
    this.draw();
  }

  public done(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(): void {
    const now = this.now();
    if (now - this.started < 1000 || now - this.lastDrawn < 200) return;
    this.lastDrawn = now;
    this.drawn = true;
    const file = this.current === 'reading' && this.files.total > 0 ? ` ${this.files.name} (file ${this.files.index + 1} of ${this.files.total}),` : '';
    const seconds = ((now - this.started) / 1000).toFixed(1);
    this.out.write(`\r\x1b[K${this.current}${file} ${this.objects.toLocaleString('en-US')} objects, ${seconds} s`);
  }
}
