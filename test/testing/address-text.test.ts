import { IpInterval } from '../../src/net/cidr';
import { complementIntervals, describeAddresses, formatBlock, intervalOf, mergeIntervals } from '../../src/testing/address-text';

const V4_MAX = 2n ** 32n - 1n;
const V6_MAX = 2n ** 128n - 1n;
const v4 = (first: string, last: string): IpInterval => ({ family: 4, first: ipv4(first), last: ipv4(last) });

function ipv4(text: string): bigint {
  return text.split('.').reduce((acc, octet) => acc * 256n + BigInt(octet), 0n);
}

describe('address text for the reachability matrix', () => {
  test('a block prints as a CIDR when it is one, a bare address when it is one address, else as a range', () => {
    expect(formatBlock(v4('10.0.0.0', '10.255.255.255'))).toBe('10.0.0.0/8');
    expect(formatBlock(v4('203.0.113.7', '203.0.113.7'))).toBe('203.0.113.7');
    expect(formatBlock(v4('0.0.0.0', '255.255.255.255'))).toBe('0.0.0.0/0');
    expect(formatBlock(v4('10.0.0.5', '10.0.0.9'))).toBe('10.0.0.5-10.0.0.9');
    expect(formatBlock(v4('10.0.0.4', '10.0.0.11'))).toBe('10.0.0.4-10.0.0.11');
    expect(formatBlock({ family: 6, first: 0x20010db8n * 2n ** 96n, last: 0x20010db8n * 2n ** 96n + 2n ** 96n - 1n })).toBe('2001:db8::/32');
  });

  test('overlapping and adjacent blocks merge, IPv4 first', () => {
    expect(mergeIntervals([
      { family: 6, first: 5n, last: 9n },
      v4('10.0.0.0', '10.0.0.255'),
      v4('10.0.1.0', '10.0.1.255'),
      v4('10.0.0.128', '10.0.0.200'),
      v4('192.168.0.0', '192.168.0.0'),
    ])).toEqual([v4('10.0.0.0', '10.0.1.255'), v4('192.168.0.0', '192.168.0.0'), { family: 6, first: 5n, last: 9n }]);
  });

  test('the complement covers the rest of each family of the universe', () => {
    expect(complementIntervals([v4('10.0.0.0', '10.255.255.255')], [4])).toEqual([
      v4('0.0.0.0', '9.255.255.255'),
      v4('11.0.0.0', '255.255.255.255'),
    ]);
    expect(complementIntervals([], [4, 6])).toEqual([{ family: 4, first: 0n, last: V4_MAX }, { family: 6, first: 0n, last: V6_MAX }]);
  });

  test('every address is "internet"; the universe minus a few blocks is "internet except"', () => {
    const allV4 = { family: 4 as const, first: 0n, last: V4_MAX };
    const allV6 = { family: 6 as const, first: 0n, last: V6_MAX };

    expect(describeAddresses([allV4, allV6], [4, 6])).toBe('internet');
    expect(describeAddresses([v4('0.0.0.0', '9.255.255.255'), v4('11.0.0.0', '255.255.255.255'), allV6], [4, 6]))
      .toBe('internet except 10.0.0.0/8');
  });

  test('one complete family prints as its zero CIDR, a nearly complete one as "except"', () => {
    expect(describeAddresses([{ family: 4, first: 0n, last: V4_MAX }], [4, 6])).toBe('0.0.0.0/0');
    expect(describeAddresses([{ family: 6, first: 0n, last: V6_MAX }], [4, 6])).toBe('::/0');
    expect(describeAddresses([v4('0.0.0.0', '9.255.255.255'), v4('11.0.0.0', '255.255.255.255')], [4, 6]))
      .toBe('0.0.0.0/0 except 10.0.0.0/8');
  });

  test('as many blocks as gaps: the blocks are listed, not the gaps', () => {
    expect(describeAddresses([v4('0.0.0.0', '0.255.255.255'), v4('10.0.0.0', '10.255.255.255')], [4, 6])).toBe('0.0.0.0/8, 10.0.0.0/8');
    expect(describeAddresses([v4('0.0.0.0', '0.255.255.255'), v4('10.0.0.0', '255.255.255.255')], [4, 6])).toBe('0.0.0.0/0 except 1.0.0.0-9.255.255.255');
  });

  test('the last address of a family is a gap of its own when everything below it is covered', () => {
    expect(complementIntervals([v4('0.0.0.0', '255.255.255.254')], [4])).toEqual([v4('255.255.255.255', '255.255.255.255')]);
    expect(complementIntervals([{ family: 6, first: 0n, last: V6_MAX - 1n }], [6])).toEqual([{ family: 6, first: V6_MAX, last: V6_MAX }]);
    expect(complementIntervals([v4('0.0.0.0', '255.255.255.255')], [4])).toEqual([]);
  });

  test('a few blocks are listed as they are', () => {
    expect(describeAddresses([v4('203.0.113.0', '203.0.113.255'), v4('198.51.100.7', '198.51.100.7')], [4, 6]))
      .toBe('198.51.100.7, 203.0.113.0/24');
  });

  test('evaluator ranges given as text become intervals of their family', () => {
    expect(intervalOf({ family: 4, first: '10.0.0.0', last: '10.0.0.255' })).toEqual(v4('10.0.0.0', '10.0.0.255'));
    expect(intervalOf({ family: 6, first: '::ffff:10.0.0.0', last: '::ffff:10.0.0.255' }))
      .toEqual({ family: 6, first: 0xffffn * 2n ** 32n + ipv4('10.0.0.0'), last: 0xffffn * 2n ** 32n + ipv4('10.0.0.255') });
    expect(intervalOf({ family: 4, first: 'nonsense', last: '10.0.0.1' })).toBeUndefined();
  });
});
