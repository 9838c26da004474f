import * as jsyaml from 'js-yaml';
import { applyMergeKeys, hasReorderedKeys } from './merge';
import { formatFloat32, mayResolve, Resolved, resolvePlain, ScalarKind } from './resolve';

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

/** The last scalar resolved: js-yaml asks each implicit type in turn about the same text. */
let last: { text: string; resolved: Resolved } = { text: '', resolved: resolvePlain('') };

function resolved(text: string): Resolved {
  if (last.text !== text) last = { text, resolved: resolvePlain(text) };
  return last.resolved;
}

/** Floats whose JSON key (32-bit `%g`, as sigs.k8s.io/yaml writes a float key) differs from how js-yaml writes it. */
let oddFloatKeys = new Set<string>();

function scalarType(kind: ScalarKind): jsyaml.Type {
  return new jsyaml.Type(`tag:yaml.org,2002:${kind}`, {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && mayResolve(data) && resolved(data).kind === kind,
    construct: (data: string | null) => {
      const value = data === null ? null : resolved(data).value;
      if (kind === 'float' && typeof value === 'number' && formatFloat32(value) !== String(value)) oddFloatKeys.add(String(value));
      return value;
    },
  });
}

/**
 * Plain scalars as go-yaml v2 resolves them (resolve.ts), the only implicit types: no timestamps
 * and no merge type (`<<` stays a key, merged afterwards as go-yaml merges).
 */
const KUBECTL_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: (['null', 'bool', 'int', 'float'] as const).map(scalarType) });

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
  // Directives and tabs: the full route reads them as kubectl does (tabs only where go-yaml allows them).
  if (/^%/m.test(text) || text.includes('\t')) return undefined;
  if (unlikeGoYaml(text)) return undefined;
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
    // A null key (kubectl refuses it; js-yaml would write "null"): the full route reports it.
    if (mayHaveNullKey(chunkText)) return false;
    oddFloatKeys = new Set();
    try {
      value = jsyaml.load(chunkText, { schema: KUBECTL_SCHEMA });
    } catch {
      return false;
    }
    const merges = chunkText.includes('<<');
    // A quoted "<<" is an ordinary key, which this route cannot tell from a merge.
    if (merges && /["']<<["']/.test(chunkText)) return false;
    const collectionKeys = mayHaveCollectionKey(chunkText);
    if ((merges || collectionKeys || oddFloatKeys.size > 0) && !keysReadable(value, oddFloatKeys, collectionKeys)) return false;
    if (hasAliases) {
      // More aliases in a document than the limit: the full route counts their expansion, and may refuse it.
      if ((chunkText.match(ALIASES)?.length ?? 0) > maxAliases) return false;
      // An alias is one shared object here; the full parser gives each use a copy of its own, and
      // refuses an expansion out of proportion to the text (a "billion laughs").
      const budget = { nodes: 4 * chunkText.length + 10_000 };
      value = expandAliases(value, budget);
      if (budget.nodes < 0) return false;
    }
    if (merges) {
      try {
        value = applyMergeKeys(value);
      } catch {
        return false;
      }
    }
    documents.push({ value, text: chunkText, firstLine: first, contentLine: first + contentIndex });
    return true;
  };
  let pendingMarker: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (isGluedMarker(lines[i])) return undefined;
    const marker = DOCUMENT_MARKER.exec(lines[i]);
    if (!marker) continue;
    // A mapping on the marker's line: YAML (and go-yaml) refuse it; js-yaml would read the line alone.
    if (/^---[ \t]+[^\s#{["'][^\n]*:(?=\s|$)/.test(lines[i])) return undefined;
    if (!flush(i, pendingMarker)) return undefined;
    pendingMarker = marker[1] === '---' ? lines[i] : undefined;
    start = i + 1;
  }
  return flush(lines.length, pendingMarker) ? documents : undefined;
}

/** A key that may be null: `~:`, `null:`, none before the colon, or a flow map entry `{~, a: 1}`. */
function mayHaveNullKey(text: string): boolean {
  if ((text.includes('~') || text.includes('null') || text.includes('Null') || text.includes('NULL')) && NULL_WORD_KEY.test(text)) return true;
  if ((text.includes('&') || text.includes('!')) && PROPERTIES_ONLY_KEY.test(text)) return true;
  return EMPTY_KEY.test(text) || FLOW_NULL_KEY.test(text);
}

/** An anchored or tagged empty key: `&a : v`. */
const PROPERTIES_ONLY_KEY = /[&!][^\s]*[ \t]+:(?=[\s,\]}]|$)/;

const NULL_WORD_KEY = /(?:^|[\s{,[?-])(?:~|null|Null|NULL)[ \t]*:(?=[\s,\]}]|$)/m;
const EMPTY_KEY = /(?:^|\n|[-?{,[])[ \t]*:(?=[\s,\]}]|$)/;
const FLOW_NULL_KEY = /[[{,][ \t]*(?:(?:~|null|Null|NULL)[ \t]*[,}:]|[,:])/;

/**
 * Where js-yaml reads otherwise than go-yaml (and the full route), each with a character it needs
 * (searched first: most files have none of them): a lone `!` tag or a verbatim `!<…>`; a comment
 * glued to a flow collection or a quote (`}#x`); an anchor or alias with a character libyaml does
 * not take in names (YAML 1.2 takes more), or glued to a collection; a same-line mapping after an
 * anchor or tag; a list where a key stands (`[a]: b`, `{x: 1, [a]}`), which js-yaml makes a
 * string of and go-yaml refuses. (`---x` lines are found with the document markers.)
 */
const UNLIKE_GO_YAML: readonly (readonly [string, RegExp])[] = [
  ['!', /(^|[\s,[{:-])!(?=[\s,\]}]|$)|!</m],
  ['#', /["'\]}]#/],
  ['&', /:[ \t]+&[^\s]*[ \t]+[^\s{["'][^\n]*:(?=\s|$)/],
  ['!', /:[ \t]+![^\s]*[ \t]+[^\s{["'][^\n]*:(?=\s|$)/],
  ['[', /\][ \t]*:|[{,][ \t]*\[/],
];

function unlikeGoYaml(text: string): boolean {
  return UNLIKE_GO_YAML.some(([char, pattern]) => text.includes(char) && pattern.test(text)) || hasOddNodeName(text, '&') || hasOddNodeName(text, '*');
}

const NODE_NAME = /[^\s,[\]{}]*/y;

/**
 * An anchor (`&`) or alias (`*`) whose name has a character other than letters, digits, `_` and
 * `-` (libyaml's, so go-yaml's, only), or an anchor glued to a collection (`&a{`).
 */
function hasOddNodeName(text: string, indicator: string): boolean {
  for (let at = text.indexOf(indicator); at >= 0; at = text.indexOf(indicator, at + 1)) {
    // Inside a scalar (`a&b`, `*.example.com` after a letter) it is text.
    if (at > 0 && !/[\s,[{:-]/.test(text[at - 1])) continue;
    NODE_NAME.lastIndex = at + 1;
    const name = NODE_NAME.exec(text)?.[0] ?? '';
    if (!/^[\w-]*$/.test(name)) return true;
    const next = text[at + 1 + name.length];
    if (indicator === '&' && (next === '[' || next === '{')) return true;
  }
  return false;
}

/** `---x` or `...x` at the start of a line: js-yaml takes it for a document marker, YAML (and go-yaml) for a scalar. */
function isGluedMarker(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c !== 0x2d && c !== 0x2e) return false;
  return /^(---[^\s]|\.\.\.([^\s]|[ \t]+[^\s#]))/.test(line);
}

/**
 * A map or an explicit key where a key may stand: js-yaml makes "[object Object]" of a map key,
 * which go-yaml refuses. (Regular expressions that start with a rare character: they run on every document.)
 */
function mayHaveCollectionKey(text: string): boolean {
  return /[[{,?][ \t]*[[{]/.test(text) || /[{,][ \t]*&/.test(text) || /\}[ \t]*:/.test(text)
    || (text.includes('?') && /(?:^|[\s{,[])\?(?=\s|$)/m.test(text));
}

/**
 * False when a map has a key this route cannot write as kubectl does: a float whose JSON key
 * differs, beside a `<<` a key JavaScript does not keep in document order, or (when the text has
 * a flow collection where a key may stand) a key js-yaml made of a collection.
 */
function keysReadable(value: unknown, oddFloats: Set<string>, collectionKeys: boolean): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => keysReadable(item, oddFloats, collectionKeys));
  const map = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(map, '<<') && hasReorderedKeys(map)) return false;
  for (const key of Object.keys(map)) {
    if (oddFloats.has(key)) return false;
    if (collectionKeys && (key === '' || key === 'null' || key.includes(',') || key.includes('[object Object]'))) return false;
    if (!keysReadable(map[key], oddFloats, collectionKeys)) return false;
  }
  return true;
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
