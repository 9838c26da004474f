import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildApp, validationError, verdicts } from './app';

// The Python, Java and Go smoke suites compare their own run of the same app with these files, so the
// files must be what the TypeScript app gives today: this test fails when they drift.
const FIXTURE = join(__dirname, 'fixture');
const UPDATE = process.env.UPDATE_LANGUAGE_FIXTURES === '1';

const expected: { [file: string]: () => string } = {
  'app.k8s.yaml': () => buildApp().synthYaml(),
  'verdicts.json': () => `${JSON.stringify(verdicts(buildApp()), null, 2)}\n`,
  'validation-error.txt': () => `${validationError()}\n`,
};

describe('the fixture shared by the language smoke suites', () => {
  test.each(Object.keys(expected))('%s is what the TypeScript app gives', (file) => {
    const actual = expected[file]();
    if (UPDATE) writeFileSync(join(FIXTURE, file), actual);
    const committed = readFileSync(join(FIXTURE, file), 'utf8');
    expect({ file, content: actual }).toEqual({ file, content: committed });
  });

  test('the app answers both ways', () => {
    const answers = verdicts(buildApp());
    expect(answers['gateway-to-api'].allowed).toBe(true);
    expect(answers['web-to-api'].allowed).toBe(false);
    expect(answers['web-to-api'].explanation).toContain('denied');
  });
});
