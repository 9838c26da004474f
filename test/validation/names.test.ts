import { dns1123LabelErrors, dns1123SubdomainErrors, objectNameErrors } from '../../src/validation/names';

const LABEL_REGEX_TEXT =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_REGEX_TEXT =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('names', () => {
  describe('dns1123LabelErrors (namespace names)', () => {
    test.each(['a', 'team-a', '123-abc', '0', 'a'.repeat(63)])('accepts %s', (name) => {
      expect(dns1123LabelErrors(name)).toEqual([]);
    });

    test('gives the full server text, with its double space, for a bad character', () => {
      expect(dns1123LabelErrors('Team')).toEqual([LABEL_REGEX_TEXT]);
    });

    test.each(['-a', 'a-', 'a_b', '', 'a b'])('rejects %j with the regex text', (name) => {
      expect(dns1123LabelErrors(name)).toEqual([LABEL_REGEX_TEXT]);
    });

    test('says "must not contain dots" when the value would be a valid subdomain', () => {
      expect(dns1123LabelErrors('team.a')).toEqual(['must not contain dots']);
    });

    test('rejects more than 63 characters', () => {
      expect(dns1123LabelErrors('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    });

    test('counts the length in UTF-8 bytes, as Go\'s len() does', () => {
      expect(dns1123LabelErrors('é'.repeat(32))[0]).toBe('must be no more than 63 characters');
      expect(dns1123SubdomainErrors('é'.repeat(127))[0]).toBe('must be no more than 253 characters');
    });
  });

  describe('dns1123SubdomainErrors (object names)', () => {
    test.each(['allow-web', 'a.b.c', 'x', '1.2.3', 'a'.repeat(253)])('accepts %s', (name) => {
      expect(dns1123SubdomainErrors(name)).toEqual([]);
    });

    test.each(['Allow', 'a..b', '.a', 'a.', 'a_b', ''])('rejects %j with the regex text', (name) => {
      expect(dns1123SubdomainErrors(name)).toEqual([SUBDOMAIN_REGEX_TEXT]);
    });

    test('rejects more than 253 characters', () => {
      expect(dns1123SubdomainErrors('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    });
  });

  describe('objectNameErrors', () => {
    test('a generateName may end with "-" because a suffix is appended', () => {
      expect(objectNameErrors('web-', true)).toEqual([]);
      expect(objectNameErrors('web-', false)).toEqual([SUBDOMAIN_REGEX_TEXT]);
    });

    test('a generateName must otherwise be a subdomain', () => {
      expect(objectNameErrors('Web-', true)).toEqual([SUBDOMAIN_REGEX_TEXT]);
      // The server masks the dash only when something precedes it.
      expect(objectNameErrors('-', true)).toEqual([SUBDOMAIN_REGEX_TEXT]);
      expect(objectNameErrors('a-', true)).toEqual([]);
    });
  });
});
