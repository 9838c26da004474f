import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

/**
 * Where go-yaml v2 refuses a tab that the YAML 1.2 parsers accept. Its scanner (scannerc.go,
 * `yaml_parser_scan_to_next_token`, from libyaml) skips a tab between tokens only "in the flow
 * context, [or] in the block context, but not at the beginning of the line or after '-', '?',
 * or ':'"; anywhere else a tab between tokens fails with "found character that cannot start any
 * token". Inside scalars and comments a tab is text.
 */
export interface MisplacedTab {
  /** Offset of the tab in the text. */
  readonly offset: number;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  /** `at the start of a line` or `after "-"`. */
  readonly where: string;
}

/** The first tab of a parsed text that kubectl's parser refuses, if any. */
export function findMisplacedTab(text: string, documents: readonly Document.Parsed[]): MisplacedTab | undefined {
  if (!text.includes('\t')) return undefined;
  // Positions inside a scalar or a flow collection: a tab there is text, or flow-context space.
  const inside = new Uint8Array(text.length + 1);
  const cover = (range: readonly number[] | null | undefined): void => {
    if (range) inside.fill(1, range[0], Math.min(range[1], text.length));
  };
  for (const doc of documents) {
    visit(doc, {
      Scalar: (_, node) => cover(node.range),
      Map: (_, node) => (isMap(node) && node.flow ? cover(node.range) : undefined),
      Seq: (_, node) => (isSeq(node) && node.flow ? cover(node.range) : undefined),
    });
    for (const node of [doc.contents]) if (isScalar(node)) cover(node.range);
  }
  for (let at = text.indexOf('\t'); at >= 0; at = text.indexOf('\t', at + 1)) {
    if (inside[at]) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(lineStart, at);
    if (inComment(before, lineStart, inside)) continue;
    const trimmed = before.replace(/[ \t]+$/, '');
    const where = trimmed === '' ? 'at the start of a line' : afterIndicator(trimmed, lineStart, inside);
    if (where !== undefined) {
      const line = text.slice(0, at).split('\n').length;
      return { offset: at, line, column: at - lineStart + 1, where };
    }
  }
  return undefined;
}

/** `after "-"` when the text before a tab ends with a block indicator (`-`, `?`, `:`), where go-yaml takes no tab. */
function afterIndicator(trimmed: string, lineStart: number, inside: Uint8Array): string | undefined {
  // After a document marker a tab is space.
  if (trimmed === '---' || trimmed === '...') return undefined;
  const last = trimmed.length - 1;
  const indicator = trimmed[last];
  const standsAlone = last === 0 || /[ \t]/.test(trimmed[last - 1]) || indicator === ':';
  return '-?:'.includes(indicator) && standsAlone && !inside[lineStart + last] ? `after "${indicator}"` : undefined;
}

/** Whether a `#` that starts a comment comes before the end of `before` on its line. */
function inComment(before: string, lineStart: number, inside: Uint8Array): boolean {
  for (let i = before.indexOf('#'); i >= 0; i = before.indexOf('#', i + 1)) {
    if (!inside[lineStart + i] && (i === 0 || /[ \t]/.test(before[i - 1]))) return true;
  }
  return false;
}

/** kubectl's message for a misplaced tab, with what to do. */
export function misplacedTabMessage(tab: MisplacedTab): string {
  return `found character that cannot start any token: a tab ${tab.where} (column ${tab.column}); kubectl's YAML parser `
    + 'takes a tab as space only inside [ ] and { } or after a value on the line, never as indentation: write spaces';
}
