import { errorsOf, lines, warningsOf, withIngressPeers } from './helpers';
import { validateNetworkPolicy } from '../../src/validation/network-policy';
import { Rules } from '../../src/validation/rules';

const INVALID = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const CIDR = 'spec.ingress[0].from[0].ipBlock.cidr';
const EXCEPT = 'spec.ingress[0].from[0].ipBlock.except';

function block(cidr: unknown, except?: unknown[]) {
  return withIngressPeers({ ipBlock: except === undefined ? { cidr } : { cidr, except } });
}

const STRICT = { strictCidr: true };
const LENIENT = { strictCidr: false };

describe('ipBlock (A.6)', () => {
  describe('cidr is required', () => {
    test.each([
      ['missing', {}],
      ['empty', { cidr: '' }],
      ['null', { cidr: null }],
    ])('%s cidr', (_name, ipBlock) => {
      const errors = errorsOf(withIngressPeers({ ipBlock: { ...ipBlock, except: ['nonsense'] } }));
      expect(lines(errors)).toEqual([`${CIDR}: Required value`]);
      expect(errors[0].rule).toBe(Rules.IPBLOCK_CIDR_REQUIRED);
    });
  });

  describe('cidr must parse', () => {
    test.each([
      ['10.0.0.0', 'add the prefix length, e.g. "10.0.0.0/32"'],
      ['2001:db8::1', 'add the prefix length, e.g. "2001:db8::1/128"'],
      ['10.0.0.0/33', 'must be a number from 0 to 32 for IPv4'],
      ['fe80::1%eth0/64', 'remove the zone'],
      [' 10.0.0.0/8', 'remove the surrounding whitespace: "10.0.0.0/8"'],
      ['10.1/8', 'no short, octal or hex forms'],
      ['0x0a.0.0.0/8', 'no short, octal or hex forms'],
      ['example.com/24', 'four decimal octets'],
    ])('%j is rejected with a fix that says %j', (cidr, fix) => {
      const errors = errorsOf(block(cidr));
      expect(lines(errors)).toEqual([`${CIDR}: Invalid value: ${JSON.stringify(cidr)}: ${INVALID}`]);
      expect(errors[0].rule).toBe(Rules.IPBLOCK_CIDR_INVALID);
      expect(errors[0].fix).toContain(fix);
    });

    test('an unparseable cidr stops the except checks', () => {
      expect(lines(errorsOf(block('bogus', ['also bogus', '0.0.0.0/0'])))).toEqual([
        `${CIDR}: Invalid value: "bogus": ${INVALID}`,
      ]);
    });
  });

  describe('strictness matrix (A.6.3)', () => {
    test.each([
      ['10.0.0.0/8', [], []],
      ['10.0.0.1/8', ['must not have bits set beyond the prefix length'],
        ['CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)']],
      ['010.0.0.0/8', ['must not have leading 0s in IP or prefix length'],
        ['non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"']],
      ['10.0.0.0/08', ['must not have leading 0s in IP or prefix length'],
        ['non-standard CIDR value "10.0.0.0/08" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"']],
      ['::ffff:1.2.3.0/120', ['must not have an IPv4-mapped IPv6 address'],
        ['non-standard CIDR value "::ffff:1.2.3.0/120" will be considered invalid in a future Kubernetes release: use "1.2.3.0/24"']],
    ])('%s', (cidr, strictErrors, lenientWarnings) => {
      // 1.36+: errors, and no warnings
      expect(errorsOf(block(cidr), STRICT).map((e) => e.message)).toEqual(
        strictErrors.map((m) => `Invalid value: ${JSON.stringify(cidr)}: ${m}`));
      expect(warningsOf(block(cidr), STRICT)).toEqual([]);
      // 1.33–1.35: accepted with warnings
      expect(errorsOf(block(cidr), LENIENT)).toEqual([]);
      expect(warningsOf(block(cidr), LENIENT).map((w) => w.message)).toEqual(lenientWarnings);
      expect(warningsOf(block(cidr), LENIENT).every((w) => w.fieldPath === CIDR)).toBe(true);
    });

    test('strict mode is the default', () => {
      expect(errorsOf(block('10.0.0.1/8')).map((e) => e.rule)).toEqual([Rules.IPBLOCK_CIDR_HOST_BITS]);
    });

    test('an address with host bits and leading zeros gets both warnings when lenient, one error when strict', () => {
      expect(warningsOf(block('010.0.0.1/8'), LENIENT).map((w) => w.rule)).toEqual([
        Rules.IPBLOCK_CIDR_HOST_BITS,
        Rules.IPBLOCK_CIDR_LEADING_ZEROS,
      ]);
      expect(errorsOf(block('010.0.0.1/8'), STRICT).map((e) => e.rule)).toEqual([Rules.IPBLOCK_CIDR_LEADING_ZEROS]);
    });

    test('the host-bits fix offers the network and the single address', () => {
      const [error] = errorsOf(block('10.0.0.1/8'));
      expect(error.fix).toBe('use "10.0.0.0/8" (or "10.0.0.1/32" for the single address)');
      const [v6] = errorsOf(block('2001:db8::1/64'));
      expect(v6.fix).toBe('use "2001:db8::/64" (or "2001:db8::1/128" for the single address)');
    });

    test('the IPv4-mapped fix gives the plain IPv4 network', () => {
      const [error] = errorsOf(block('::ffff:10.0.0.0/104'));
      expect(error.fix).toBe('use "10.0.0.0/8"');
    });
  });

  describe('IPv6 canonical form (A.6.2) is only ever a warning', () => {
    test.each([
      ['FD00::/8', 'fd00::/8'],
      ['2001:DB8::/32', '2001:db8::/32'],
      ['fd00:0:0::/64', 'fd00::/64'],
      ['2001:0db8::/32', '2001:db8::/32'],
    ])('%s should be written %s', (cidr, canonical) => {
      for (const options of [STRICT, LENIENT]) {
        expect(errorsOf(block(cidr), options)).toEqual([]);
        const warnings = warningsOf(block(cidr), options);
        expect(lines(warnings)).toEqual([
          `${CIDR}: IPv6 CIDR value ${JSON.stringify(cidr)} should be in RFC 5952 canonical format (${JSON.stringify(canonical)})`,
        ]);
        expect(warnings[0].rule).toBe(Rules.IPBLOCK_CIDR_NON_CANONICAL);
        expect(warnings[0].fix).toBe(`write it as ${JSON.stringify(canonical)}`);
      }
    });

    test('canonical IPv6 and any IPv4 get no warning', () => {
      for (const cidr of ['fd00::/8', '2001:db8::/32', '::/0', '10.0.0.0/8']) {
        expect(validateNetworkPolicy(block(cidr))).toEqual([]);
      }
    });

    test('a non-canonical IPv6 value with host bits gets only the ambiguity warning when lenient', () => {
      expect(warningsOf(block('2001:DB8::1/64'), LENIENT).map((w) => w.rule)).toEqual([Rules.IPBLOCK_CIDR_HOST_BITS]);
      expect(warningsOf(block('2001:db8::1/64'), LENIENT).map((w) => w.message)).toEqual([
        'CIDR value "2001:db8::1/64" is ambiguous in this context (should be "2001:db8::/64" or "2001:db8::1/128"?)',
      ]);
    });
  });

  describe('except entries', () => {
    test('every entry is parsed and checked, with its index in the path', () => {
      const errors = errorsOf(block('10.0.0.0/8', ['10.1.0.0/16', 'bogus', '10.2.0.1/16', '10.3.0.0']));
      expect(lines(errors)).toEqual([
        `${EXCEPT}[1]: Invalid value: "bogus": ${INVALID}`,
        `${EXCEPT}[2]: Invalid value: "10.2.0.1/16": must not have bits set beyond the prefix length`,
        `${EXCEPT}[3]: Invalid value: "10.3.0.0": ${INVALID}`,
      ]);
    });

    test.each([
      ['equal to cidr', '10.0.0.0/8', 'a prefix longer than /8'],
      ['a supernet of cidr', '10.0.0.0/7', 'a prefix longer than /8'],
      ['outside cidr', '11.0.0.0/16', 'must lie inside cidr "10.0.0.0/8"'],
      ['another family', 'fd00::/64', 'this except is IPv6 but cidr "10.0.0.0/8" is IPv4'],
    ])('an except %s is not a strict subset', (_name, except, fix) => {
      const errors = errorsOf(block('10.0.0.0/8', [except]));
      expect(lines(errors)).toEqual([`${EXCEPT}[0]: Invalid value: ${JSON.stringify(except)}: must be a strict subset of \`cidr\``]);
      expect(errors[0].rule).toBe(Rules.IPBLOCK_EXCEPT_SUBSET);
      expect(errors[0].fix).toContain(fix);
    });

    test('an IPv4 except is never inside an IPv6 cidr, not even ::/0', () => {
      const errors = errorsOf(block('::/0', ['10.0.0.0/16']));
      expect(lines(errors)).toEqual([`${EXCEPT}[0]: Invalid value: "10.0.0.0/16": must be a strict subset of \`cidr\``]);
      expect(errors[0].fix).toBe('this except is IPv4 but cidr "::/0" is IPv6: put it in an ipBlock of its own family, or remove it');
    });

    test('an IPv6 except inside an IPv6 cidr is fine; outside is not', () => {
      expect(errorsOf(block('2001:db8::/32', ['2001:db8:ff::/48']))).toEqual([]);
      expect(errorsOf(block('2001:db8::/32', ['2001:db9::/48'])).map((e) => e.rule)).toEqual([Rules.IPBLOCK_EXCEPT_SUBSET]);
    });

    test('the subset test uses the masked cidr even when strict validation fails', () => {
      // GIVEN cidr 10.0.0.1/8, which masks to 10.0.0.0/8
      expect(errorsOf(block('10.0.0.1/8', ['10.1.0.0/16']), LENIENT)).toEqual([]);
      expect(errorsOf(block('10.0.0.1/8', ['10.1.0.0/16']), STRICT).map((e) => e.fieldPath)).toEqual([CIDR]);
      // and an except with host bits masks to its network too
      expect(errorsOf(block('10.0.0.0/8', ['10.1.2.3/16']), LENIENT)).toEqual([]);
    });

    test('a single-address except inside the block is a strict subset', () => {
      expect(errorsOf(block('0.0.0.0/0', ['169.254.169.254/32']))).toEqual([]);
    });

    test('a bad except does not hide the later ones', () => {
      const errors = errorsOf(block('10.0.0.0/16', ['bogus', '10.0.0.0/8']));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
        [`${EXCEPT}[0]`, Rules.IPBLOCK_CIDR_INVALID],
        [`${EXCEPT}[1]`, Rules.IPBLOCK_EXCEPT_SUBSET],
      ]);
    });

    test('except entries get warnings too', () => {
      const warnings = warningsOf(block('fd00::/8', ['FD00:1::/32']));
      expect(warnings.map((w) => w.fieldPath)).toEqual([`${EXCEPT}[0]`]);
      expect(warnings[0].rule).toBe(Rules.IPBLOCK_CIDR_NON_CANONICAL);
    });

    test('overlapping and duplicate except entries are not validated', () => {
      expect(errorsOf(block('10.0.0.0/8', ['10.1.0.0/16', '10.1.0.0/16', '10.1.2.0/24']))).toEqual([]);
    });

    describe('IPv4-mapped values follow Go net.IPNet.Contains, which compares them as IPv4', () => {
      test('a mapped except inside an IPv4 cidr passes the subset test (the strict rule rejects it)', () => {
        expect(errorsOf(block('10.0.0.0/8', ['::ffff:10.1.0.0/112']), LENIENT)).toEqual([]);
        expect(errorsOf(block('10.0.0.0/8', ['::ffff:10.1.0.0/112']), STRICT).map((e) => e.rule)).toEqual([
          Rules.IPBLOCK_CIDR_IPV4_MAPPED,
        ]);
      });

      test('prefix lengths are compared as written, so a mapped /104 cidr is "longer" than an IPv4 /16 except', () => {
        expect(errorsOf(block('::ffff:10.0.0.0/104', ['10.1.0.0/16']), LENIENT).map((e) => e.rule)).toEqual([
          Rules.IPBLOCK_EXCEPT_SUBSET,
        ]);
      });
    });
  });
});
