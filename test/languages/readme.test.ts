import { readFileSync } from 'fs';
import { join } from 'path';

// The README's quick starts are the files the smoke suites run, verbatim.
const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function codeBlocks(language: string): string[] {
  const fence = '```';
  const blocks: string[] = [];
  const pattern = new RegExp(`^${fence}${language}\\n([\\s\\S]*?)^${fence}$`, 'gm');
  for (let match = pattern.exec(readme); match; match = pattern.exec(readme)) blocks.push(match[1]);
  return blocks;
}

test.each([
  ['python', 'test/languages/python/quickstart.py'],
  ['java', 'test/languages/java/src/test/java/smoke/ShopApp.java'],
])('the README shows the %s quick start that the smoke suite runs, verbatim', (language, file) => {
  expect(codeBlocks(language)).toContain(readFileSync(join(ROOT, file), 'utf8'));
});
