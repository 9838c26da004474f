import { Document, isCollection, isMap, isScalar, isSeq, Node, Scalar, visit } from 'yaml';

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
  /** go-yaml's words for it. */
  readonly problem: string;
}

/** The first tab of a parsed text that kubectl's parser refuses, if any. */
export function findMisplacedTab(text: string, documents: readonly Document.Parsed[]): MisplacedTab | undefined {
  if (!text.includes('\t')) return undefined;
  return tabBetweenTokens(text, documents) ?? tabInScalarIndentation(text, documents);
}

function tabBetweenTokens(text: string, documents: readonly Document.Parsed[]): MisplacedTab | undefined {
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
      return { offset: at, line, column: at - lineStart + 1, where, problem: 'found character that cannot start any token' };
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
  return `${tab.problem}: a tab ${tab.where} (column ${tab.column}); kubectl's YAML parser `
    + 'takes a tab as space only inside [ ] and { } or after a value on the line, never as indentation: write spaces';
}

/**
 * A tab in the indentation of a block scalar's line or of a multi-line plain scalar's continuation
 * line, which go-yaml v2 refuses though the scalar is otherwise read as text (scannerc.go,
 * `yaml_parser_scan_block_scalar_breaks`: "found a tab character where an indentation space is
 * expected", before the scalar's indentation column or while it is still being detected;
 * `yaml_parser_scan_plain_scalar`: "found a tab character that violates indentation", before
 * the column after the enclosing block collection's). Plain scalars inside [ ] or { } are left
 * alone.
 */
function tabInScalarIndentation(text: string, documents: readonly Document.Parsed[]): MisplacedTab | undefined {
  let found: MisplacedTab | undefined;
  for (const doc of documents) {
    visit(doc, {
      Scalar: (_, node, path) => {
        if (!node.range || !text.slice(node.range[0], node.range[1]).includes('\t')) return undefined;
        const ancestors = path.filter((p): p is Node => isCollection(p as Node));
        if (ancestors.some((c) => (c as { flow?: boolean }).flow)) return undefined;
        const parent = ancestors[ancestors.length - 1];
        const parentIndent = parent?.range ? columnOf(text, parent.range[0]) : -1;
        found = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED
          ? blockScalarTab(text, node.range[0], node.range[1], parentIndent)
          : node.type === Scalar.PLAIN ? plainScalarTab(text, node.range[0], node.range[1], parentIndent + 1) : undefined;
        return found ? visit.BREAK : undefined;
      },
    });
    if (found) return found;
  }
  return undefined;
}

function plainScalarTab(text: string, start: number, end: number, indent: number): MisplacedTab | undefined {
  for (let lineStart = text.indexOf('\n', start) + 1; lineStart > 0 && lineStart < end; lineStart = text.indexOf('\n', lineStart) + 1) {
    for (let at = lineStart; at < end && (text[at] === ' ' || text[at] === '\t'); at++) {
      if (text[at] === '\t' && at - lineStart < indent) {
        return tabAt(text, at, lineStart, 'in the indentation of a multi-line plain scalar', 'found a tab character that violates indentation');
      }
    }
  }
  return undefined;
}

function blockScalarTab(text: string, start: number, end: number, parentIndent: number): MisplacedTab | undefined {
  const header = /^[|>]([1-9]?)/.exec(text.slice(start, start + 3));
  const increment = Number(header?.[1] || 0);
  let indent = increment === 0 ? 0 : (parentIndent >= 0 ? parentIndent + increment : increment);
  let maxIndent = 0;
  for (let lineStart = text.indexOf('\n', start) + 1; lineStart > 0 && lineStart < end; lineStart = text.indexOf('\n', lineStart) + 1) {
    let at = lineStart;
    while ((indent === 0 || at - lineStart < indent) && text[at] === ' ') at++;
    maxIndent = Math.max(maxIndent, at - lineStart);
    if ((indent === 0 || at - lineStart < indent) && text[at] === '\t') {
      return tabAt(text, at, lineStart, 'in the indentation of a block scalar', 'found a tab character where an indentation space is expected');
    }
    const empty = text[at] === '\n' || text[at] === '\r' || at >= text.length;
    if (!empty && indent === 0) indent = Math.max(maxIndent, parentIndent + 1, 1);
  }
  return undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function tabAt(text: string, at: number, lineStart: number, where: string, problem: string): MisplacedTab {
  return { offset: at, line: text.slice(0, at).split('\n').length, column: at - lineStart + 1, where, problem };
}
