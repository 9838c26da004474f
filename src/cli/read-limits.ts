import { unsupportedJsonValue } from '../reader/json-values';

/**
 * What stops hostile input: not a file's size (a real cluster dump of 600 MB is fine), but what
 * makes input hostile. Each limit has a flag that raises it.
 */
export interface ReadLimits {
  /** Refuse files larger than this many bytes. @default - no limit (`--max-file-size`) */
  readonly maxFileBytes?: number;
  /** Alias expansion count at which a YAML document is refused (`--max-aliases`). */
  readonly maxAliases: number;
  /** Deepest nesting of mappings and lists in a document (`--max-depth`). */
  readonly maxDepth: number;
  /** Documents and List items read in one run (`--max-objects`). */
  readonly maxObjects: number;
  /** Characters of one scalar, key or value (`--max-scalar-length`). */
  readonly maxScalarLength: number;
}

/**
 * The defaults: far above real manifests (an object is at most 1.5 MiB in etcd, the deepest CRD
 * schemas nest a few dozen levels, Kubernetes scales to 150,000 pods), far below what exhausts
 * memory or the stack.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxAliases: 1000,
  maxDepth: 1000,
  maxObjects: 2_000_000,
  maxScalarLength: 4 * 1024 * 1024,
};

/** The flag that raises each limit, for messages. */
export const LIMIT_FLAGS: Record<Exclude<keyof ReadLimits, 'maxFileBytes'>, string> = {
  maxAliases: '--max-aliases',
  maxDepth: '--max-depth',
  maxObjects: '--max-objects',
  maxScalarLength: '--max-scalar-length',
};

/** Where a value breaks a limit, and how. */
export interface LimitViolation {
  /** The field path of the offending node (`''` for the document itself). */
  readonly fieldPath: string;
  readonly message: string;
}

class Violation {
  public readonly path: (string | number)[] = [];
  constructor(public readonly message: string) {}
}

/**
 * The first place where a document nests deeper than `maxDepth` or holds a scalar (or key)
 * longer than `maxScalarLength`. The walk recurses at most `maxDepth` levels.
 */
export function findLimitViolation(value: unknown, limits: Pick<ReadLimits, 'maxDepth' | 'maxScalarLength'>): LimitViolation | undefined {
  const found = walk(value, 0, limits.maxDepth, limits.maxScalarLength);
  if (!found) return undefined;
  return { fieldPath: formatPath(found.path.reverse()), message: found.message };
}

function walk(value: unknown, depth: number, maxDepth: number, maxScalar: number): Violation | undefined {
  if (typeof value === 'string') {
    return value.length > maxScalar ? new Violation(scalarMessage(value.length, maxScalar)) : undefined;
  }
  if (value === null || typeof value !== 'object') {
    const unsupported = unsupportedJsonValue(value);
    return unsupported === undefined ? undefined : new Violation(unsupported);
  }
  if (depth >= maxDepth) {
    return new Violation(`nesting is deeper than the limit of ${maxDepth} levels; raise it with ${LIMIT_FLAGS.maxDepth} if the input is trusted`);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], depth + 1, maxDepth, maxScalar);
      if (found) {
        found.path.push(i);
        return found;
      }
    }
    return undefined;
  }
  for (const key in value) {
    if (key.length > maxScalar) {
      const found = new Violation(`a key of ${key.length} characters is longer than the limit of ${maxScalar}; raise it with ${LIMIT_FLAGS.maxScalarLength} if the input is trusted`);
      found.path.push(key.slice(0, 20) + '…');
      return found;
    }
    const found = walk((value as Record<string, unknown>)[key], depth + 1, maxDepth, maxScalar);
    if (found) {
      found.path.push(key);
      return found;
    }
  }
  return undefined;
}

function scalarMessage(length: number, max: number): string {
  return `a scalar of ${length} characters is longer than the limit of ${max}; raise it with ${LIMIT_FLAGS.maxScalarLength} if the input is trusted`;
}

/** `['spec', 'ingress', 0, 'from']` as `spec.ingress[0].from`; keys with dots in brackets. */
function formatPath(segments: (string | number)[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[^.[\]]+$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${segment}]`;
  }
  return text;
}

/** Whether an error is the engine's stack overflow (a parser that recursed into very deep nesting). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The message for input nested too deep for a parser to follow. */
export function tooDeepMessage(limits: Pick<ReadLimits, 'maxDepth'>): string {
  return `nesting is too deep to read (deeper than the parser's stack allows, and than the limit of ${limits.maxDepth} levels, ${LIMIT_FLAGS.maxDepth})`;
}
