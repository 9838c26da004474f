import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLES } from '../../examples/run-all';
import { Lint } from '../../src/lint/lint';

describe('the examples', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-examples-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s has no lint warning or error', (name, example) => {
    const findings = Lint.of(example.build(path.join(outdir, name)));
    expect(findings.filter((f) => f.severity !== 'info').map(Lint.format)).toEqual([]);
  });
});
