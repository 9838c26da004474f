/** Where a document (or one of its fields) came from. */
interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** One Kubernetes object read from a file. */
export interface LoadedObject {
  readonly object: Record<string, unknown>;
  readonly source: SourceLocation;
  /** The line of a field path such as `spec.ingress[0].ports[0].port`, relative to this object. */
  readonly lineOf: (fieldPath: string) => number;
  /** The text of a plain scalar field as written in the file (`on`, `1.10`), for fixes that quote it. */
  readonly writtenAs?: (fieldPath: string) => string | undefined;
}

/** Where objects go as they are read: a list, or a consumer that keeps only what it needs. */
export interface ObjectSink {
  push(o: LoadedObject): unknown;
}

/** Input that could not be used. `fatal` problems make the run exit with code 2. */
export interface LoadProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  readonly fatal: boolean;
}

/** `file:line: message`, or `file: message` when no line is known. */
export function formatProblem(p: LoadProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.message}`;
}

/** The first line of an error's message, for one-line reports. */
export function errorSummary(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].trim();
}
