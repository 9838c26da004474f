// Expected addresses are written as bigint bit patterns.
/* eslint-disable no-bitwise */
import * as fc from 'fast-check';
import {
  cidrContainsIp,
  cidrErrors,
  cidrRange,
  formatIp,
  formatIpv4,
  formatIpv6,
  formatNetwork,
  isStrictSubset,
  parseCidr,
  ParsedCidr,
  parseIpAsWritten,
} from '../../src/net/cidr';

const INVALID = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function cidr(text: string): ParsedCidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`test setup: ${text} should parse`);
  return parsed;
}

describe('cidr', () => {
  describe('parseCidr accepts what Go ParseCIDRSloppy accepts', () => {
    test.each([
      ['10.0.0.0/8', 4, 0x0a000000n, 8],
      ['0.0.0.0/0', 4, 0n, 0],
      ['255.255.255.255/32', 4, 0xffffffffn, 32],
      ['192.168.1.5/24', 4, 0xc0a80100n, 24],
      ['010.0.0.0/8', 4, 0x0a000000n, 8],
      ['10.0.0.0/08', 4, 0x0a000000n, 8],
      ['2001:db8::/32', 6, 0x20010db8n << 96n, 32],
      ['::/0', 6, 0n, 0],
      ['::1/128', 6, 1n, 128],
      ['FD00::/8', 6, 0xfdn << 120n, 8],
      ['::ffff:10.0.0.0/104', 6, (0xffffn << 32n) | 0x0a000000n, 104],
      ['1:2:3:4:5:6:7:8/128', 6, 0x00010002000300040005000600070008n, 128],
      ['::1.2.3.4/128', 6, 0x01020304n, 128],
    ])('%s is family %i, network %s, prefix %i', (text, family, network, prefix) => {
      // WHEN
      const parsed = parseCidr(text);
      // THEN
      expect(parsed).toBeDefined();
      expect(parsed!.family).toBe(family);
      expect(parsed!.network).toBe(network);
      expect(parsed!.prefix).toBe(prefix);
      expect(parsed!.bits).toBe(family === 4 ? 32 : 128);
      expect(parsed!.text).toBe(text);
    });

    test('leading zeros in an octet are read as decimal, never octal', () => {
      expect(parseCidr('010.0.0.0/8')!.network).toBe(10n << 24n);
      expect(parseCidr('0010.0.0.0/8')!.network).toBe(10n << 24n);
    });
  });

  describe('parseCidr rejects what the API server calls "not a valid CIDR value"', () => {
    test.each([
      ['10.0.0.0', 'no prefix length'],
      ['10.0.0.0/33', 'IPv4 prefix out of range'],
      ['::/129', 'IPv6 prefix out of range'],
      ['10.0.0.0/-1', 'negative prefix'],
      ['10.0.0.0/+8', 'signed prefix'],
      ['10.0.0.0/', 'empty prefix'],
      ['10.0.0.0/8/8', 'two slashes'],
      ['10.1/8', 'short IPv4 form'],
      ['10/8', 'single number'],
      ['0x0a.0.0.0/8', 'hex octet'],
      ['10.0.0.256/32', 'octet above 255'],
      ['10.0.0.0.0/8', 'five octets'],
      [' 10.0.0.0/8', 'leading whitespace'],
      ['10.0.0.0/8 ', 'trailing whitespace'],
      ['10.0.0.0 /8', 'whitespace before the slash'],
      ['fe80::1%eth0/64', 'zone'],
      ['example.com/24', 'hostname'],
      ['', 'empty string'],
      ['1:2:3:4:5:6:7:8::/64', 'ellipsis after eight groups'],
      ['1::2::3/64', 'two ellipses'],
      ['1:2:3:4:5:6:7/64', 'seven groups without ellipsis'],
      ['1:2:3:4:5:6:7:8:9/64', 'nine groups'],
      ['12345::/16', 'group above 0xffff'],
      [':1::/64', 'single leading colon'],
      ['1::2:/64', 'trailing colon'],
      ['1:2:3:4:5:6:7:1.2.3.4/128', 'embedded IPv4 without room'],
      ['::1.2.3/128', 'short embedded IPv4'],
    ])('%s (%s)', (text) => {
      expect(parseCidr(text)).toBeUndefined();
      expect(cidrErrors(text)).toEqual([INVALID]);
      expect(cidrErrors(text, { strict: false })).toEqual([INVALID]);
    });
  });

  describe('strictness flags', () => {
    test.each([
      // text, hostBitsSet, leadingZeros, ipv4Mapped
      ['10.0.0.0/8', false, false, false],
      ['10.0.0.1/8', true, false, false],
      ['1.1.1.1/0', true, false, false],
      ['010.0.0.0/8', false, true, false],
      ['10.0.0.0/08', false, true, false],
      ['10.0.0.0/0', true, false, false],
      ['0.0.0.0/0', false, false, false],
      ['::ffff:10.0.0.0/104', false, false, true],
      ['::ffff:1.2.3.5/120', true, false, true],
      ['00001::/64', false, true, false],
      ['::ffff:010.0.0.0/104', false, true, true],
      ['2001:db8::1/64', true, false, false],
      ['FD00::/8', false, false, false],
    ])('%s: host bits %s, leading zeros %s, IPv4-mapped %s', (text, hostBitsSet, leadingZeros, ipv4Mapped) => {
      const parsed = cidr(text);
      expect(parsed.hostBitsSet).toBe(hostBitsSet);
      expect(parsed.leadingZeros).toBe(leadingZeros);
      expect(parsed.ipv4Mapped).toBe(ipv4Mapped);
    });
  });

  describe('cidrErrors', () => {
    test.each([
      ['10.0.0.0/8', []],
      ['10.0.0.1/8', ['must not have bits set beyond the prefix length']],
      ['192.168.1.5/24', ['must not have bits set beyond the prefix length']],
      ['1.1.1.1/0', ['must not have bits set beyond the prefix length']],
      ['010.0.0.0/8', ['must not have leading 0s in IP or prefix length']],
      ['10.0.0.0/08', ['must not have leading 0s in IP or prefix length']],
      ['::ffff:10.0.0.0/104', ['must not have an IPv4-mapped IPv6 address']],
      ['FD00::/8', []],
      ['2001:DB8:0:0::/64', []],
    ])('strict %s gives %j', (text, expected) => {
      expect(cidrErrors(text)).toEqual(expected);
      expect(cidrErrors(text, { strict: true })).toEqual(expected);
    });

    test('the server reports only the first broken strict rule: leading zeros, then IPv4-mapped, then host bits', () => {
      // GIVEN leading zeros AND host bits
      expect(cidrErrors('010.0.0.1/8')).toEqual(['must not have leading 0s in IP or prefix length']);
      // GIVEN IPv4-mapped AND host bits
      expect(cidrErrors('::ffff:1.2.3.5/120')).toEqual(['must not have an IPv4-mapped IPv6 address']);
    });

    test('without strict mode only unparseable values are errors', () => {
      for (const text of ['10.0.0.1/8', '010.0.0.0/8', '10.0.0.0/08', '::ffff:1.2.3.0/120']) {
        expect(cidrErrors(text, { strict: false })).toEqual([]);
      }
    });
  });

  describe('parseIpAsWritten', () => {
    test.each([
      ['10.1.2.3', 4, 0x0a010203n],
      ['010.001.002.003', 4, 0x0a010203n],
      ['2001:db8::1', 6, (0x20010db8n << 96n) | 1n],
      ['::ffff:1.2.3.4', 6, (0xffffn << 32n) | 0x01020304n],
    ])('%s', (text, family, value) => {
      expect(parseIpAsWritten(text)).toEqual({ family, value });
    });

    test.each(['10.1', '10.0.0.0/8', 'fe80::1%eth0', '', 'localhost', '1.2.3.4 '])('rejects %j', (text) => {
      expect(parseIpAsWritten(text)).toBeUndefined();
    });
  });

  describe('ranges, containment and subsets use the masked network', () => {
    test('cidrRange of an IPv4 block', () => {
      expect(cidrRange(cidr('10.1.2.3/16'))).toEqual({ first: 0x0a010000n, last: 0x0a01ffffn });
    });

    test('cidrRange of the whole IPv6 space', () => {
      expect(cidrRange(cidr('::/0'))).toEqual({ first: 0n, last: (1n << 128n) - 1n });
    });

    test('cidrContainsIp is inclusive at both ends and false outside', () => {
      const block = cidr('192.168.0.0/24');
      expect(cidrContainsIp(block, parseIpAsWritten('192.168.0.0')!)).toBe(true);
      expect(cidrContainsIp(block, parseIpAsWritten('192.168.0.255')!)).toBe(true);
      expect(cidrContainsIp(block, parseIpAsWritten('192.168.1.0')!)).toBe(false);
      expect(cidrContainsIp(block, parseIpAsWritten('192.167.255.255')!)).toBe(false);
    });

    test('cidrContainsIp never matches across families', () => {
      expect(cidrContainsIp(cidr('0.0.0.0/0'), parseIpAsWritten('::1')!)).toBe(false);
      expect(cidrContainsIp(cidr('::/0'), parseIpAsWritten('10.0.0.1')!)).toBe(false);
    });

    test.each([
      ['10.0.0.0/24', '10.0.0.0/8', true],
      ['10.255.255.255/32', '10.0.0.0/8', true],
      ['10.0.0.0/8', '10.0.0.0/8', false],
      ['10.0.0.0/7', '10.0.0.0/8', false],
      ['11.0.0.0/16', '10.0.0.0/8', false],
      ['10.1.0.0/16', '10.0.0.1/8', true],
      ['2001:db8:1::/48', '2001:db8::/32', true],
      ['2001:db9::/48', '2001:db8::/32', false],
      ['::ffff:10.1.0.0/112', '10.0.0.0/8', false],
      ['10.0.0.0/16', '::/0', false],
    ])('isStrictSubset(%s, %s) is %s', (inner, outer, expected) => {
      expect(isStrictSubset(cidr(inner), cidr(outer))).toBe(expected);
    });
  });

  describe('formatting', () => {
    test('formatIpv4 prints dotted decimal', () => {
      expect(formatIpv4(0n)).toBe('0.0.0.0');
      expect(formatIpv4(0xc0a80105n)).toBe('192.168.1.5');
      expect(formatIpv4(0xffffffffn)).toBe('255.255.255.255');
    });

    test.each([
      ['2001:db8::1', '2001:db8::1'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
      ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['0:1:2:3:4:5:6:7', '0:1:2:3:4:5:6:7'],
      ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
      ['::', '::'],
      ['1::', '1::'],
      ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
      ['0001:0002::000a', '1:2::a'],
    ])('formatIpv6(%s) is the RFC 5952 form %s', (text, expected) => {
      const ip = parseIpAsWritten(text)!;
      expect(formatIpv6(ip.value)).toBe(expected);
      expect(formatIp(6, ip.value)).toBe(expected);
    });

    test.each([
      ['10.0.0.1/8', '10.0.0.0/8'],
      ['010.0.0.0/08', '10.0.0.0/8'],
      ['FD00::1/8', 'fd00::/8'],
      ['::ffff:1.2.3.5/120', '1.2.3.0/24'],
      ['::/0', '::/0'],
    ])('formatNetwork(%s) prints the masked network as Go net.IPNet does: %s', (text, expected) => {
      expect(formatNetwork(cidr(text))).toBe(expected);
    });
  });

  describe('properties', () => {
    const ipv4 = fc.bigInt({ min: 0n, max: (1n << 32n) - 1n });
    const ipv6 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });

    test('formatted IPv4 CIDRs parse back to the same network and are strictly valid', () => {
      fc.assert(fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (value, prefix) => {
        const network = cidr(`${formatIpv4(value)}/${prefix}`).network;
        const text = `${formatIpv4(network)}/${prefix}`;
        const again = cidr(text);
        return again.network === network && cidrErrors(text).length === 0;
      }));
    });

    test('formatted IPv6 addresses parse back to the same value', () => {
      fc.assert(fc.property(ipv6, (value) => {
        const text = formatIpv6(value);
        return parseIpAsWritten(text)?.value === value;
      }));
    });

    test('an address is in a CIDR exactly when it lies in the CIDR range', () => {
      fc.assert(fc.property(ipv4, fc.integer({ min: 0, max: 32 }), ipv4, (base, prefix, ip) => {
        const block = cidr(`${formatIpv4(base)}/${prefix}`);
        const { first, last } = cidrRange(block);
        return cidrContainsIp(block, { family: 4, value: ip }) === (ip >= first && ip <= last);
      }));
    });
  });
});
