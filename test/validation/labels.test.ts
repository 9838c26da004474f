import { labelKeyErrors, labelValueErrors } from '../../src/validation/labels';

const NAME_PART_REGEX =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('labels', () => {
  describe('labelKeyErrors', () => {
    test.each([
      'app', 'App', 'a', '1234', 'app.kubernetes.io/name', 'kubernetes.io/metadata.name', 'example.com/MyName',
      'now-with-dashes/now-with-dashes', '1.2.3.4/5678', `${'a'.repeat(253)}/${'b'.repeat(63)}`,
    ])('accepts %s', (key) => {
      expect(labelKeyErrors(key)).toEqual([]);
    });

    test.each(['nospecialchars^=@', 'cantendwithadash-', '-start', 'has space', '.dot'])('rejects the name part of %j', (key) => {
      expect(labelKeyErrors(key)).toEqual([NAME_PART_REGEX]);
    });

    test('more than one "/" is rejected with the whole-key text', () => {
      const errors = labelKeyErrors('only/one/slash');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^a valid label key must consist of alphanumeric characters/);
      expect(errors[0]).toContain("with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    });

    test('an empty prefix and an empty name are both reported', () => {
      expect(labelKeyErrors('/')).toEqual(['prefix part must be non-empty', 'name part must be non-empty', NAME_PART_REGEX]);
    });

    test('the prefix must be a lower-case DNS subdomain', () => {
      const errors = labelKeyErrors('Example.com/app');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain must consist of/);
    });

    test('the prefix may be at most 253 bytes (the label-key rules count bytes since apimachinery v0.35)', () => {
      expect(labelKeyErrors(`${'a'.repeat(254)}/app`)).toEqual(['prefix part must be no more than 253 bytes']);
    });

    test('the name part may be at most 63 bytes', () => {
      expect(labelKeyErrors('a'.repeat(64))).toEqual(['name part must be no more than 63 bytes']);
      expect(labelKeyErrors('a'.repeat(63))).toEqual([]);
    });

    test('lengths count UTF-8 bytes, not characters', () => {
      expect(labelKeyErrors('é'.repeat(32))).toEqual(['name part must be no more than 63 bytes', NAME_PART_REGEX]);
      expect(labelValueErrors('é'.repeat(32))[0]).toBe('must be no more than 63 bytes');
      expect(labelValueErrors('é'.repeat(31))).not.toContain('must be no more than 63 bytes');
    });

    test('an empty key reports both the empty name and the regex', () => {
      expect(labelKeyErrors('')).toEqual(['name part must be non-empty', NAME_PART_REGEX]);
    });
  });

  describe('labelValueErrors', () => {
    test.each(['', 'web', 'MyValue', 'my_value', '12345', 'a.b-c_d', 'v'.repeat(63)])('accepts %j', (value) => {
      expect(labelValueErrors(value)).toEqual([]);
    });

    test.each(['bad space', 'infra*', '-web', 'web-', '_x', 'ü'])('rejects %j', (value) => {
      expect(labelValueErrors(value)).toEqual([VALUE_REGEX]);
    });

    test('more than 63 bytes is its own message', () => {
      expect(labelValueErrors('v'.repeat(64))).toEqual(['must be no more than 63 bytes']);
    });
  });
});
