import * as jsyaml from 'js-yaml';

/** One document of a file, read without building a syntax tree. */
export interface FastDocument {
  /** The document's value, as plain JavaScript. */
  readonly value: unknown;
  /** The document's text, for a precise re-read when a field's line is asked for. */
  readonly text: string;
  /** The file line the document's text starts on (1-based). */
  readonly firstLine: number;
  /** The line of its first content (not a comment, not blank). */
  readonly contentLine: number;
}

/** The built-in scalar types js-yaml exports (its type declarations leave them out). */
const TYPES = (jsyaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', jsyaml.Type & TypeParts> }).types;

interface TypeParts {
  resolve(data: string): boolean;
  construct(data: string): unknown;
  predicate?(data: object): boolean;
}

/**
 * Integers as the YAML 1.2 core schema reads them, which the `yaml` package follows: js-yaml
 * alone would also read `0b101` as a number.
 */
const CORE_INT = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => !/^[-+]?0b/.test(data) && TYPES.int.resolve(data),
  construct: TYPES.int.construct,
  predicate: TYPES.int.predicate,
});

const CORE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [TYPES.null, TYPES.bool, CORE_INT, TYPES.float] });

/** An alias (`*name`) where YAML allows one; a plain scalar such as `ls *.txt` may match too, which only costs speed. */
const ALIAS = /(^|[\s,[{:-])\*[^\s,[\]{}]/m;
const ALIASES = new RegExp(ALIAS.source, 'gm');

/** A document marker at the start of a line: `---` or `...`, alone or followed by white space. */
const DOCUMENT_MARKER = /^(---|\.\.\.)(?=[ \t]|$)/;

/**
 * Reads a YAML (or JSON) stream into plain values quickly, document by document. Returns
 * undefined for what this route does not read exactly as the full parser would: directives,
 * aliases that expand to much more than the text (the full parser stops them with a limit), a
 * syntax error, a duplicate key, or tabs used as indentation. The caller then reads the file
 * with the full parser, which reports those with their lines.
 */
export function readDocumentsFast(text: string, maxAliases = Infinity): FastDocument[] | undefined {
  // Directives, and tabs at the start of a line (the full route reads them as kubectl does, and says so).
  if (/^%/m.test(text) || /^[ ]*\t/m.test(text)) return undefined;
  const hasAliases = ALIAS.test(text);
  const lines = text.split('\n');
  const documents: FastDocument[] = [];
  let start = 0;
  const flush = (end: number, markerLine?: string): boolean => {
    const chunk = lines.slice(start, end);
    // Content after a marker on its line (`--- {a: 1}`, `--- |`) belongs to the document.
    if (markerLine !== undefined) chunk.unshift(markerLine.slice(3).trimStart());
    const first = markerLine !== undefined ? start : start + 1;
    const contentIndex = chunk.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (contentIndex < 0) return true;
    const chunkText = chunk.join('\n');
    let value: unknown;
    try {
      value = jsyaml.load(chunkText, { schema: CORE_SCHEMA });
    } catch {
      return false;
    }
    if (hasAliases) {
      // More aliases in a document than the limit: the full route counts their expansion, and may refuse it.
      if ((chunkText.match(ALIASES)?.length ?? 0) > maxAliases) return false;
      // An alias is one shared object here; the full parser gives each use a copy of its own, and
      // refuses an expansion out of proportion to the text (a "billion laughs").
      const budget = { nodes: 4 * chunkText.length + 10_000 };
      value = expandAliases(value, budget);
      if (budget.nodes < 0) return false;
    }
    documents.push({ value, text: chunkText, firstLine: first, contentLine: first + contentIndex });
    return true;
  };
  let pendingMarker: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const marker = DOCUMENT_MARKER.exec(lines[i]);
    if (!marker) continue;
    if (!flush(i, pendingMarker)) return undefined;
    pendingMarker = marker[1] === '---' ? lines[i] : undefined;
    start = i + 1;
  }
  return flush(lines.length, pendingMarker) ? documents : undefined;
}

/** A copy of a value with every shared object copied where it is used, within a budget of nodes. */
function expandAliases(value: unknown, budget: { nodes: number }): unknown {
  if (--budget.nodes < 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => expandAliases(item, budget));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = expandAliases(item, budget);
    if (budget.nodes < 0) break;
  }
  return copy;
}
