import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Scalar } from 'yaml';
import { DecodeError, mergeInto, setKey } from './merge';
import { jsonKeyOf, Resolved, resolvePlain, resolveTagged, TagError } from './resolve';

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** What the `yaml` package's own alias check throws, which the callers already recognise. */
const ALIAS_BOMB = 'Excessive alias count indicates a resource exhaustion attack';

interface AnchorData {
  count: number;
  aliasCount: number;
  value: unknown;
}

/**
 * A parsed document's value as kubectl reads it: scalars resolved as go-yaml v2 does (resolve.ts),
 * map keys turned into JSON keys as sigs.k8s.io/yaml does, `<<` merged as go-yaml v2 merges (merge.ts).
 * Aliases are counted as the `yaml` package counts them (`maxAliasCount`). Throws `DecodeError`
 * (with the field path) for what kubectl cannot convert to JSON.
 */
export function documentToJs(doc: Document.Parsed, maxAliases: number): unknown {
  return new Converter(doc, maxAliases).value(doc.contents as Node | null, []);
}

class Converter {
  private readonly anchors = new Map<Node, AnchorData>();

  constructor(private readonly doc: Document.Parsed, private readonly maxAliases: number) {}

  public value(node: Node | null | undefined, path: (string | number)[]): unknown {
    if (node === null || node === undefined) return null;
    let value: unknown;
    if (isAlias(node)) return this.alias(node.resolve(this.doc) as Node | undefined, path);
    if (isScalar(node)) value = this.scalar(node, path).value;
    else if (isMap(node)) value = this.map(node.items, path);
    else if (isSeq(node)) value = node.items.map((item, i) => this.value(item as Node | null, [...path, i]));
    else value = null;
    if (node.anchor) this.anchors.set(node, { count: 0, aliasCount: 0, value });
    return value;
  }

  private alias(target: Node | undefined, path: (string | number)[]): unknown {
    if (!target) throw failure('yaml: unknown anchor referenced', path);
    let data = this.anchors.get(target);
    if (!data) {
      this.value(target, path);
      data = this.anchors.get(target) ?? { count: 0, aliasCount: 0, value: null };
    }
    if (this.maxAliases >= 0) {
      data.count += 1;
      if (data.aliasCount === 0) data.aliasCount = this.aliasCount(target);
      if (data.count * data.aliasCount > this.maxAliases) throw new ReferenceError(ALIAS_BOMB);
    }
    return data.value;
  }

  /** The `yaml` package's `getAliasCount`: how much one use of an anchor expands. */
  private aliasCount(node: unknown): number {
    if (isAlias(node)) {
      const data = this.anchors.get(node.resolve(this.doc) as Node);
      return data ? data.count * data.aliasCount : 0;
    }
    if (isMap(node) || isSeq(node)) {
      let count = 0;
      for (const item of node.items) count = Math.max(count, this.aliasCount(item));
      return count;
    }
    if (isPair(node)) return Math.max(this.aliasCount(node.key), this.aliasCount(node.value));
    return 1;
  }

  private scalar(node: Scalar, path: (string | number)[]): Resolved {
    const text = typeof node.source === 'string' && node.type === Scalar.PLAIN ? node.source : String(node.value ?? '');
    if (node.tag) {
      if (node.tag === MERGE_TAG && text === '<<') return { kind: 'merge', value: text };
      try {
        return resolveTagged(node.tag, text);
      } catch (e) {
        if (e instanceof TagError) throw failure(`yaml: ${e.message}`, path);
        throw e;
      }
    }
    // Quoted and block scalars are strings (decode.go, `scalar`: not implicit, so never resolved).
    if (node.type !== Scalar.PLAIN) return { kind: 'str', value: text };
    return resolvePlain(text);
  }

  private map(items: readonly unknown[], path: (string | number)[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = (isAlias(pair.key) ? pair.key.resolve(this.doc) : pair.key) as Node | null;
      let key: Resolved;
      if (keyNode === null || keyNode === undefined) key = { kind: 'null', value: null };
      else if (isScalar(keyNode)) key = this.scalar(keyNode, path);
      else throw failure('yaml: invalid map key: a map or list cannot be a key', path);
      if (key.kind === 'merge') {
        mergeAt(result, this.value(pair.value as Node | null, path), path);
        continue;
      }
      const name = jsonKeyOf(key);
      if (name === undefined) {
        throw failure('Unsupported map key of type: %!s(<nil>), key: <nil> (a key written `~`, `null` or empty is null, which JSON cannot hold)', path);
      }
      setKey(result, name, this.value(pair.value as Node | null, [...path, name]));
    }
    return result;
  }
}

function mergeAt(target: Record<string, unknown>, source: unknown, path: (string | number)[]): void {
  try {
    mergeInto(target, source);
  } catch (e) {
    if (e instanceof DecodeError) throw failure(e.message, path);
    throw e;
  }
}

function failure(message: string, path: (string | number)[]): DecodeError {
  const error = new DecodeError(message);
  error.fieldPath = formatFieldPath(path);
  return error;
}

/** `spec.ingress[0].from`, with keys that hold dots in brackets. */
export function formatFieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/[.[\]]/.test(segment)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The JSON key a scalar map key makes (`on` is `true`, `010` is `8`); undefined for a null key. */
export function jsonKeyOfNode(key: Scalar): string | undefined {
  if (key.type === Scalar.PLAIN && !key.tag && typeof key.source === 'string') return jsonKeyOf(resolvePlain(key.source));
  return String(key.value);
}
