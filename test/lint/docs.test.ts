import * as fs from 'fs';
import * as path from 'path';
import { Lint } from '../../src/lint/lint';

describe('docs/checks.md', () => {
  const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'checks.md'), 'utf-8');

  test.each(Lint.rules().map((r) => [r.id, r] as const))('documents %s with its default severity', (id, rule) => {
    expect(docs).toContain(`### \`${id}\``);
    expect(docs).toContain(`| [\`${id}\`](#${id}) | ${rule.defaultSeverity} |`);
  });
});

describe('Lint.rules', () => {
  test('lists every rule once, with a summary', () => {
    const rules = Lint.rules();
    expect(rules.length).toBe(20);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.summary.length).toBeGreaterThan(10);
  });
});
