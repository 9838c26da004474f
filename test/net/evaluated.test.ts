import { formatIp, cidrInterval, parseIp } from '../../src/net/cidr';

const range = (cidr: string) => {
  const r = cidrInterval(cidr);
  return r && `${r.family} ${formatIp(r.family, r.first)}-${formatIp(r.family, r.last)}`;
};

describe('addresses as evaluated', () => {
  test('parses IPv4 and IPv6 CIDRs into inclusive address intervals', () => {
    expect(range('10.0.0.0/8')).toBe('4 10.0.0.0-10.255.255.255');
    expect(range('0.0.0.0/0')).toBe('4 0.0.0.0-255.255.255.255');
    expect(range('192.168.1.7/32')).toBe('4 192.168.1.7-192.168.1.7');
    expect(range('2001:db8::/32')).toBe('6 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(range('::/0')).toBe('6 ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  test('masks host bits, as the API server did for legacy values', () => {
    expect(range('10.0.0.1/8')).toBe('4 10.0.0.0-10.255.255.255');
    expect(range('FD00::1/8')).toBe('6 fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  test('reads leading zeros as decimal, not octal', () => {
    expect(range('010.0.0.0/8')).toBe('4 10.0.0.0-10.255.255.255');
    expect(range('10.0.0.0/08')).toBe('4 10.0.0.0-10.255.255.255');
  });

  test('reads an IPv4-mapped IPv6 CIDR as the IPv4 block it maps', () => {
    expect(range('::ffff:1.2.3.0/120')).toBe('4 1.2.3.0-1.2.3.255');
    expect(parseIp('::ffff:1.2.3.4')).toEqual({ family: 4, value: 0x01020304n });
  });

  test('rejects what is not a CIDR', () => {
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '256.0.0.0/8', 'fe80::1%eth0/64', 'example.com/8', '10.0.0/8', '0x0a.0.0.0/8', '', '::/129']) {
      expect({ bad, parsed: cidrInterval(bad) }).toEqual({ bad, parsed: undefined });
    }
  });

  test('parses single addresses of both families', () => {
    expect(parseIp('10.0.0.1')).toEqual({ family: 4, value: 0x0a000001n });
    expect(parseIp('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIp('10.0.0.300')).toBeUndefined();
    expect(parseIp('not an ip')).toBeUndefined();
  });
});
