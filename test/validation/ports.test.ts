import { portNameErrors, portNumberErrors, protocolErrors } from '../../src/validation/ports';

describe('ports', () => {
  describe('portNumberErrors', () => {
    test.each([1, 80, 65535])('accepts %i', (n) => {
      expect(portNumberErrors(n)).toEqual([]);
    });

    test.each([0, -1, 65536, 80.5, NaN])('rejects %p', (n) => {
      expect(portNumberErrors(n)).toEqual(['must be between 1 and 65535, inclusive']);
    });
  });

  describe('portNameErrors', () => {
    test.each(['http', 'metrics', 'dns-tcp', 'h2', 'a'.repeat(15), '8080a'])('accepts %s', (name) => {
      expect(portNameErrors(name)).toEqual([]);
    });

    test('longer than 15 characters', () => {
      expect(portNameErrors('a'.repeat(16))).toEqual(['must be no more than 15 characters']);
      // Go's len() counts bytes: eight two-byte letters are too long.
      expect(portNameErrors('é'.repeat(8))[0]).toBe('must be no more than 15 characters');
    });

    test('upper case or other characters', () => {
      expect(portNameErrors('HTTP')).toEqual([
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ]);
      expect(portNameErrors('web_port')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
    });

    test('a quoted number has no letter', () => {
      expect(portNameErrors('80')).toEqual(['must contain at least one letter (a-z)']);
    });

    test('consecutive hyphens', () => {
      expect(portNameErrors('a--b')).toEqual(['must not contain consecutive hyphens']);
    });

    test('leading or trailing hyphen', () => {
      expect(portNameErrors('-web')).toEqual(['must not begin or end with a hyphen']);
      expect(portNameErrors('web-')).toEqual(['must not begin or end with a hyphen']);
    });

    test('every failing sub-rule gives its own message', () => {
      expect(portNameErrors('-32768:61000--')).toEqual([
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
        'must not contain consecutive hyphens',
        'must not begin or end with a hyphen',
      ]);
      expect(portNameErrors('-A-very-long--name-')).toEqual([
        'must be no more than 15 characters',
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must not contain consecutive hyphens',
        'must not begin or end with a hyphen',
      ]);
    });

    test('the empty name fails the character and letter rules', () => {
      expect(portNameErrors('')).toEqual([
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ]);
    });
  });

  describe('protocolErrors', () => {
    test.each(['TCP', 'UDP', 'SCTP'])('accepts %s', (p) => {
      expect(protocolErrors(p)).toEqual([]);
    });

    test.each(['tcp', 'Tcp', 'ICMP', '', 'ALL'])('rejects %j listing the supported values', (p) => {
      expect(protocolErrors(p)).toEqual(['supported values: "TCP", "UDP", "SCTP"']);
    });
  });
});
