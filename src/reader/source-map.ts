import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar } from 'yaml';
import { jsonKeyOfNode } from './to-js';

/** Maps field paths of one YAML node (a document or a List item) to 1-based lines. */
export interface FieldLocator {
  /** The line of the field, or of its deepest existing ancestor; `''` is the node itself. */
  line(fieldPath: string): number;
  /** A locator rooted at a field of this node. */
  child(fieldPath: string): FieldLocator;
  /** The text of a plain scalar field as written (`on`, `1.10`), when the field is one. */
  written?(fieldPath: string): string | undefined;
}

/**
 * Splits `spec.ingress[0].from[1].ipBlock.except[0]` into `['spec', 'ingress', 0, 'from', 1, …]`.
 * A bracket that is not a number is a map key (`metadata.labels[app.kubernetes.io/name]`).
 */
function parseFieldPath(fieldPath: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fieldPath)) !== null) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (/^\d+$/.test(m[2])) segments.push(Number(m[2]));
    else segments.push(m[2]);
  }
  return segments;
}

export function documentLocator(root: unknown, lineCounter: LineCounter): FieldLocator {
  return new NodeLocator(root as Node | null, lineCounter);
}

/**
 * A locator for a document read without positions: its text is parsed with positions only when
 * a field's line is asked for (an error to report), once. `contentLine` answers for the document
 * itself without parsing; lines are counted from `firstLine`, where the text starts in its file.
 */
export function deferredLocator(text: string, firstLine: number, contentLine: number): FieldLocator {
  let parsed: FieldLocator | undefined;
  const resolve = (): FieldLocator => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
      parsed = new OffsetLocator(new NodeLocator(doc.contents as Node | null, lineCounter), firstLine - 1);
    }
    return parsed;
  };
  return new DeferredLocator(resolve, contentLine);
}

class DeferredLocator implements FieldLocator {
  constructor(private readonly resolve: () => FieldLocator, private readonly ownLine?: number) {}

  public line(fieldPath: string): number {
    if (fieldPath === '' && this.ownLine !== undefined) return this.ownLine;
    return this.resolve().line(fieldPath);
  }

  public child(fieldPath: string): FieldLocator {
    return new DeferredLocator(() => this.resolve().child(fieldPath));
  }

  public written(fieldPath: string): string | undefined {
    return this.resolve().written?.(fieldPath);
  }
}

/** Shifts the lines of a locator for a text that starts further down its file. */
class OffsetLocator implements FieldLocator {
  constructor(private readonly inner: FieldLocator, private readonly offset: number) {}

  public line(fieldPath: string): number {
    return this.inner.line(fieldPath) + this.offset;
  }

  public child(fieldPath: string): FieldLocator {
    return new OffsetLocator(this.inner.child(fieldPath), this.offset);
  }

  public written(fieldPath: string): string | undefined {
    return this.inner.written?.(fieldPath);
  }
}

class NodeLocator implements FieldLocator {
  constructor(private readonly root: Node | null, private readonly lineCounter: LineCounter) {}

  public line(fieldPath: string): number {
    return this.lineCounter.linePos(this.find(parseFieldPath(fieldPath)).offset).line;
  }

  public child(fieldPath: string): FieldLocator {
    const found = this.find(parseFieldPath(fieldPath));
    return new NodeLocator(found.node, this.lineCounter);
  }

  public written(fieldPath: string): string | undefined {
    const found = this.find(parseFieldPath(fieldPath));
    const node = found.complete ? found.node : null;
    return isScalar(node) && node.type === Scalar.PLAIN && !node.tag && typeof node.source === 'string' ? node.source : undefined;
  }

  /** Walks as deep as the path exists; the offset is the key's position for map entries. */
  private find(segments: (string | number)[]): { node: Node | null; offset: number; complete: boolean } {
    let node: Node | null = this.root;
    let offset = node?.range?.[0] ?? 0;
    let matched = 0;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && (jsonKeyOfNode(p.key) ?? '') === String(segment));
        if (!pair) break;
        offset = (isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset);
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment] as Node | null;
        offset = node?.range?.[0] ?? offset;
      } else {
        break;
      }
      matched++;
    }
    return { node, offset, complete: matched === segments.length };
  }
}
