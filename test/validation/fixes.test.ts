import * as fc from 'fast-check';
import { labelKeyFix, labelValueFix, namespaceFix, objectNameFix } from '../../src/validation/fixes';
import { labelKeyErrors, labelValueErrors } from '../../src/validation/labels';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../src/validation/names';

/** The value offered after `e.g.` in a fix. */
function suggested(fix: string): string {
  const match = /e\.g\. (".*?")(?: or |$)/.exec(fix);
  if (!match) throw new Error(`no suggestion in: ${fix}`);
  return JSON.parse(match[1]);
}

describe('fixes', () => {
  test.each([
    ['web server', 'web-server'],
    ['infra*', 'infra'],
    ['-web-', 'web'],
    ['a'.repeat(70), 'a'.repeat(63)],
  ])('a label value %j gets the suggestion %j', (value, expected) => {
    expect(suggested(labelValueFix(value))).toBe(expected);
  });

  test.each([
    ['bad key!', 'bad-key'],
    ['a/b/c', 'a/b-c'],
    ['Example.com/app', 'example.com/app'],
    ['/app', 'app'],
  ])('a label key %j gets the suggestion %j', (key, expected) => {
    expect(suggested(labelKeyFix(key))).toBe(expected);
  });

  test.each([
    ['Allow_Web', 'allow-web'],
    ['web..api', 'web.api'],
    ['-web', 'web'],
  ])('an object name %j gets the suggestion %j', (name, expected) => {
    expect(suggested(objectNameFix(name))).toBe(expected);
  });

  test.each([
    ['Team_A', 'team-a'],
    ['team.a', 'team-a'],
  ])('a namespace %j gets the suggestion %j', (namespace, expected) => {
    expect(suggested(namespaceFix(namespace))).toBe(expected);
  });

  test('with nothing usable left, a generic example is given', () => {
    expect(labelValueFix('***')).toContain('e.g. "web"');
    expect(objectNameFix('___')).toContain('e.g. "allow-web"');
    expect(namespaceFix('!!!')).toContain('e.g. "team-a"');
  });

  test('each fix states its rule in full, with a generic example when nothing usable is left', () => {
    expect(labelValueFix('***')).toBe('a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e.g. "web"');
    expect(labelKeyFix('***')).toBe(
      'a label key is an optional lower-case DNS prefix and "/", then a name of up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e.g. "app" or "example.com/tier"',
    );
    expect(objectNameFix('___')).toBe('use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters, e.g. "allow-web"');
    expect(namespaceFix('!!!')).toBe('use lower-case letters, digits and "-" (no dots), starting and ending with a letter or digit, at most 63 characters, e.g. "team-a"');
  });

  test('a cleaned-up value that still breaks the rule is not offered', () => {
    // Removing the dash of ".-." leaves two dots in a row, which no subdomain may have.
    expect(objectNameFix('a.-.b')).toMatch(/, e\.g\. "allow-web"$/);
    expect(labelKeyFix('a.-.b/app')).toMatch(/, e\.g\. "app" or "example\.com\/tier"$/);
    // A prefix with nothing left of the name after it is no label key.
    expect(labelKeyFix('example.com/***')).toMatch(/, e\.g\. "app" or "example\.com\/tier"$/);
  });

  test('a value is never offered as its own fix', () => {
    expect(objectNameFix('web')).toMatch(/, e\.g\. "allow-web"$/);
    expect(namespaceFix('team-b')).toMatch(/, e\.g\. "team-a"$/);
    expect(labelValueFix('db')).toMatch(/, e\.g\. "web"$/);
    expect(labelKeyFix('tier')).toMatch(/, e\.g\. "app" or "example\.com\/tier"$/);
  });

  test('a namespace suggestion has no dots and at most 63 characters', () => {
    expect(suggested(namespaceFix(`${'a'.repeat(60)}.b.c.d`))).toBe(`${'a'.repeat(60)}-b`);
  });

  test('every suggestion passes the rule it is offered for', () => {
    const text = fc.string({ maxLength: 80 });
    fc.assert(fc.property(text, (s) => labelValueErrors(suggested(labelValueFix(s))).length === 0));
    fc.assert(fc.property(text, (s) => labelKeyErrors(suggested(labelKeyFix(s))).length === 0));
    fc.assert(fc.property(text, (s) => dns1123SubdomainErrors(suggested(objectNameFix(s))).length === 0));
    fc.assert(fc.property(text, (s) => dns1123LabelErrors(suggested(namespaceFix(s))).length === 0));
  });
});
