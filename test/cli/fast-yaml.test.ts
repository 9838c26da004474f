/**
 * The fast route reads what the full parser reads, or steps aside: every manifest fixture of
 * the repository, and the shapes where the two could differ.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlText } from '../../src/cli/read-yaml';
import { readDocumentsFast } from '../../src/reader/fast-yaml';
import { documentToJs } from '../../src/reader/to-js';

/** What the full route reads (tabs in flow collections retried as kubectl reads them); undefined on a syntax error. */
function fullValues(text: string): unknown[] | undefined {
  const { documents } = parseYamlText('test.yaml', text, []);
  if (documents.some((d) => d.errors.length > 0)) return undefined;
  return documents
    .filter((d) => d.contents !== null)
    .map((d) => documentToJs(d, 1000))
    .filter((v) => v !== null && v !== undefined);
}

function fastValues(text: string): unknown[] | undefined {
  return readDocumentsFast(text)?.map((d) => d.value).filter((v) => v !== null && v !== undefined);
}

function manifestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifestFiles(full);
    return /\.(ya?ml|json)$/.test(e.name) ? [full] : [];
  });
}

const ORACLE = path.join(__dirname, '..', '..', '..', 'shared', 'oracle');

test('every fixture, and every manifest of the oracle corpora when present, reads the same by both routes, or the fast route steps aside', () => {
  const files = manifestFiles(path.join(__dirname, '..', 'fixtures'));
  if (fs.existsSync(ORACLE)) files.push(...manifestFiles(ORACLE));
  // eslint-disable-next-line no-console
  else console.log('fast-yaml: ../shared/oracle is not present beside the checkout; comparing the repository fixtures only');
  expect(files.length).toBeGreaterThanOrEqual(12);
  let fast = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    let full: unknown[] | undefined;
    try {
      full = fullValues(text);
    } catch {
      full = undefined;
    }
    const values = fastValues(text);
    // What the full route refuses, the fast route must not read either.
    if (full === undefined) {
      expect({ file, values }).toEqual({ file, values: undefined });
      continue;
    }
    if (values === undefined) continue;
    fast++;
    expect({ file, values }).toEqual({ file, values: full });
  }
  expect(fast).toBeGreaterThan(files.length / 2);
});

test.each([
  ['core-schema scalars', 'a: 0b11\nb: 0o10\nc: 0x1F\nd: .inf\ne: ~\nf: yes\ng: 010\nh: "1.10"\ni: 1.10\n'],
  ['document markers and content on the marker line', '--- {a: 1}\n...\n---\nb: 2\n--- |\n  text\n'],
  ['comments and empty documents', '# only a comment\n---\n---\n# c\nkind: X\n'],
  ['shared aliases, copied at each use', 'a: &x {b: [1, 2]}\nc: *x\nd: [*x, *x]\n'],
])('%s read the same', (_name, text) => {
  expect(fastValues(text)).toEqual(fullValues(text));
});

test('lines: each document knows where its content starts', () => {
  const docs = readDocumentsFast('---\n# about a\na: 1\n---\n\nb: 2\n')!;
  expect(docs.map((d) => d.contentLine)).toEqual([3, 6]);
});

test.each([
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a syntax error', 'a: [1, 2\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['tabs as indentation', 'a:\n\tb: 1\n'],
  ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n'
    + 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n'],
])('%s sends the file to the full parser, which reports it', (_name, text) => {
  expect(readDocumentsFast(text)).toBeUndefined();
});
