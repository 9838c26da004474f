import { Document, isAlias, isScalar, LineCounter, parseAllDocuments, visit, YAMLParseError } from 'yaml';
import { findMisplacedTab, misplacedTabMessage } from './tabs';
import { jsonKeyOfNode } from './to-js';

/** The parsed documents of one text, with the counter that maps their offsets to lines. */
export interface YamlStream {
  readonly documents: Document.Parsed[];
  readonly lineCounter: LineCounter;
  /** The line of the first tab read as a space at the start of a line (inside a flow collection, as kubectl reads it). */
  readonly tabAsSpaceLine?: number;
}

/**
 * Parses a YAML stream with positions, the full way; syntax errors stay on their documents, and
 * so does a tab where kubectl's parser refuses one. May throw a stack overflow on deep nesting.
 */
export function parseYamlStream(text: string): YamlStream {
  const lineCounter = new LineCounter();
  const documents = parse(text, lineCounter);
  if (documents.some((d) => d.errors.length > 0) && /^[ ]*\t/m.test(text)) {
    // go-yaml accepts a tab at the start of a line inside a flow collection; YAML 1.2 does not.
    // Retry with such tabs read as spaces (same length, so lines stay right); the check below
    // refuses those that are not inside a flow collection.
    const retryCounter = new LineCounter();
    const retry = parse(text.replace(/^([ ]*)\t+/gm, (m) => m.replace(/\t/g, ' ')), retryCounter);
    if (retry.every((d) => d.errors.length === 0)) {
      const misplaced = markMisplacedTab(text, retry);
      const line = text.split('\n').findIndex((l) => /^[ ]*\t/.test(l)) + 1;
      return { documents: retry, lineCounter: retryCounter, ...(misplaced ? {} : { tabAsSpaceLine: line }) };
    }
  }
  if (documents.every((d) => d.errors.length === 0)) markMisplacedTab(text, documents);
  return { documents, lineCounter };
}

/** Adds an error to the document holding the first tab kubectl refuses; true when there is one. */
function markMisplacedTab(text: string, documents: Document.Parsed[]): boolean {
  const tab = findMisplacedTab(text, documents);
  if (!tab) return false;
  const doc = documents.find((d) => d.range[0] <= tab.offset && tab.offset < d.range[2]) ?? documents[documents.length - 1];
  doc?.errors.push(new YAMLParseError([tab.offset, tab.offset + 1], 'TAB_AS_INDENT', misplacedTabMessage(tab)));
  return true;
}

function parse(text: string, lineCounter: LineCounter): Document.Parsed[] {
  // The parser's own check compares each key with every earlier one: a ConfigMap of 200,000
  // keys would take hours. The same check, with a set per mapping, follows.
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const doc of documents) if (doc.errors.length === 0) findDuplicateKey(doc);
  // Only a text with an `&` or a `*` can hold an anchor or an alias: the others need no second walk.
  if (/[&*]/.test(text)) for (const doc of documents) if (doc.errors.length === 0) findOddAnchorName(doc, text);
  return documents;
}

/** What go-yaml v2 takes as an anchor or alias name (scannerc.go, `yaml_parser_scan_anchor`: `is_alpha`). */
const ANCHOR_NAME = /^[0-9A-Za-z_-]+$/;

/**
 * Adds an error for the first anchor or alias whose name go-yaml v2 refuses ("did not find
 * expected alphabetic or numeric character"); YAML 1.2 allows any character but spaces and
 * flow indicators.
 */
function findOddAnchorName(doc: Document.Parsed, text: string): void {
  visit(doc, (_, node) => {
    if (node === null || typeof node !== 'object') return undefined;
    const name = isAlias(node) ? node.source : (node as { anchor?: string }).anchor;
    if (name === undefined || ANCHOR_NAME.test(name)) return undefined;
    const end = (node as { range?: number[] }).range?.[0] ?? 0;
    const marker = isAlias(node) ? '*' : '&';
    const start = Math.max(0, text.lastIndexOf(`${marker}${name}`, end));
    doc.errors.push(new YAMLParseError([start, start + 1], 'BAD_ALIAS',
      `did not find expected alphabetic or numeric character: the ${isAlias(node) ? 'alias' : 'anchor'} name "${name}" `
      + 'may hold only letters, digits, "-" and "_" as kubectl reads YAML'));
    return visit.BREAK;
  });
}

/**
 * Adds the parser's own error for the first key repeated in a mapping (scalar keys that make the
 * same JSON key). A merge key `<<` may repeat: go-yaml merges each.
 */
function findDuplicateKey(doc: Document.Parsed): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (pair.key.value === '<<' && pair.key.type === 'PLAIN') continue;
        // Keys as kubectl reads them: `on` and `true` are the same key.
        const value = jsonKeyOfNode(pair.key);
        if (seen.has(value)) {
          const start = pair.key.range?.[0] ?? 0;
          doc.errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          return visit.BREAK;
        }
        seen.add(value);
      }
      return undefined;
    },
  });
}
