/**
 * Hostile input is stopped by what makes it hostile, each with the file, the line and the limit
 * in the message, and a flag that raises the limit; real input of any size is not.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';
import { loadManifests } from '../../src/cli/load';

describe('read limits', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-limits-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function write(name: string, content: string): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    return file;
  }

  const ALIASES = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  base: &b {x: "1", y: "2"}\n  list: [*b, *b, *b, *b, *b, *b, *b, *b]\n';

  test('alias expansion: a document over the limit is refused at its line; --max-aliases raises the limit', () => {
    const file = write('aliases.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n' + ALIASES);
    expect(loadManifests([file]).problems).toEqual([]);
    const limited = loadManifests([file], { limits: { maxAliases: 5 } });
    expect(limited.objects).toHaveLength(1);
    expect(limited.problems).toEqual([{
      file,
      line: 5,
      message: 'cannot read document: its aliases expand beyond the limit of 5 (an alias bomb?); raise it with --max-aliases if the input is trusted',
      fatal: true,
    }]);
  });

  test('nesting depth: a document nested deeper than the limit is refused at the deepest line; --max-depth raises it', () => {
    const nested = (levels: number) => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  deep:\n' + '  '.repeat(2) + 'a:\n'
      + Array.from({ length: levels }, (_, i) => '  '.repeat(i + 3) + 'a:\n').join('') + '  '.repeat(levels + 3) + 'end\n';
    const file = write('deep.yaml', nested(30));
    expect(loadManifests([file]).problems).toEqual([]);
    const limited = loadManifests([file], { limits: { maxDepth: 10 } });
    expect(limited.objects).toEqual([]);
    expect(limited.problems).toEqual([{
      file,
      line: 13,
      message: 'cannot read document: nesting is deeper than the limit of 10 levels; raise it with --max-depth if the input is trusted',
      fatal: true,
    }]);
  });

  test('nesting far deeper than any parser follows is a problem, not a crash', () => {
    const file = write('abyss.yaml', 'a: ' + '['.repeat(200_000) + ']'.repeat(200_000) + '\n');
    const result = loadManifests([file]);
    expect(result.objects).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, fatal: true });
    expect(result.problems[0].message).toMatch(/nesting is (too deep to read|deeper than the limit of 1000 levels)/);
  });

  test('number of objects: reading stops past the limit; --max-objects raises it', () => {
    const file = write('many.yaml', Array.from({ length: 5 }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: n${i}}\n`).join('---\n'));
    expect(loadManifests([file]).objects).toHaveLength(5);
    const limited = loadManifests([file, write('more.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: z}\n')], { limits: { maxObjects: 3 } });
    expect(limited.objects).toHaveLength(3);
    expect(limited.problems).toEqual([{
      file,
      message: 'more than 3 objects (documents and List items): reading stops here; raise the limit with --max-objects if the input is trusted',
      fatal: true,
    }]);
  });

  test('scalar length: a value longer than the limit is refused at its line; --max-scalar-length raises it', () => {
    const file = write('long.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  short: x\n  long: "${'x'.repeat(5000)}"\n`);
    expect(loadManifests([file]).problems).toEqual([]);
    const limited = loadManifests([file], { limits: { maxScalarLength: 4096 } });
    expect(limited.problems).toEqual([{
      file,
      line: 6,
      message: 'cannot read document: a scalar of 5000 characters is longer than the limit of 4096; raise it with --max-scalar-length if the input is trusted',
      fatal: true,
    }]);
  });

  test('a 5 MiB scalar is over the default limit; a file of that size of ordinary objects is not', () => {
    const file = write('huge-scalar.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  blob: ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const result = loadManifests([file]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, line: 5, fatal: true });
    expect(result.problems[0].message).toMatch(/a scalar of 5242880 characters is longer than the limit of 4194304/);
  });

  test('the flags reach the reader: validate --max-depth names the file, line and limit', () => {
    const file = write('np.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n');
    const run = runCli('validate', '--max-depth', '2', file);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toContain(`${file}:5: cannot read document: nesting is deeper than the limit of 2 levels; raise it with --max-depth if the input is trusted`);
    expect(runCli('validate', '--max-depth', '4', file).code).toBe(0);
    expect(runCli('validate', '--max-objects', 'many', file).stderr).toMatch(/--max-objects.*expected a positive whole number/);
  });
});
