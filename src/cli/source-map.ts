import { isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';

/** Maps field paths of one YAML node (a document or a List item) to 1-based lines. */
export interface FieldLocator {
  /** The line of the field, or of its deepest existing ancestor; `''` is the node itself. */
  line(fieldPath: string): number;
  /** A locator rooted at a field of this node. */
  child(fieldPath: string): FieldLocator;
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

class NodeLocator implements FieldLocator {
  constructor(private readonly root: Node | null, private readonly lineCounter: LineCounter) {}

  public line(fieldPath: string): number {
    return this.lineCounter.linePos(this.find(parseFieldPath(fieldPath)).offset).line;
  }

  public child(fieldPath: string): FieldLocator {
    const found = this.find(parseFieldPath(fieldPath));
    return new NodeLocator(found.node, this.lineCounter);
  }

  /** Walks as deep as the path exists; the offset is the key's position for map entries. */
  private find(segments: (string | number)[]): { node: Node | null; offset: number } {
    let node: Node | null = this.root;
    let offset = node?.range?.[0] ?? 0;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        offset = (isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset);
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment] as Node | null;
        offset = node?.range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return { node, offset };
  }
}
