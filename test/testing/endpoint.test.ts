import { Endpoint } from '../../src';

describe('Endpoint', () => {
  describe('factories', () => {
    test('a workload is named namespace/name, optionally with its kind', () => {
      expect(Endpoint.workload('shop/web').toString()).toBe('shop/web');
      expect(Endpoint.workload('shop/web')._target).toEqual({ kind: 'workload', namespaceName: 'shop', name: 'web', workloadKind: undefined });
      expect(Endpoint.workload(' shop/db[StatefulSet] ')._target).toEqual({ kind: 'workload', namespaceName: 'shop', name: 'db', workloadKind: 'StatefulSet' });
      expect(Endpoint.workload('shop/db[StatefulSet]').toString()).toBe('shop/db[StatefulSet]');
      expect(Endpoint.workload('shop/web').isExternal).toBe(false);
    });

    test('a workload without namespace, or with extra parts, is refused with the expected form', () => {
      expect(() => Endpoint.workload('web')).toThrow('Endpoint.workload("web"): not a workload reference. Name a workload "namespace/name" (e.g. "default/web")');
      expect(() => Endpoint.workload('a/b/c')).toThrow('Endpoint.workload("a/b/c"): not a workload reference.');
      expect(() => Endpoint.workload('shop/web[]')).toThrow('not a workload reference');
    });

    test('an IP is one external address, IPv4 or IPv6', () => {
      expect(Endpoint.ip('203.0.113.7')._target).toEqual({ kind: 'external', ranges: [{ family: 4, first: 0xcb007107n, last: 0xcb007107n }] });
      expect(Endpoint.ip('2001:db8::1')._target).toEqual({
        kind: 'external',
        ranges: [{ family: 6, first: 0x20010db8000000000000000000000001n, last: 0x20010db8000000000000000000000001n }],
      });
      expect(Endpoint.ip('203.0.113.7').isExternal).toBe(true);
    });

    test('a CIDR is its whole block', () => {
      expect(Endpoint.cidr('10.0.0.0/8')._target).toEqual({ kind: 'external', ranges: [{ family: 4, first: 0x0a000000n, last: 0x0affffffn }] });
      expect(Endpoint.cidr('10.0.0.0/8').toString()).toBe('10.0.0.0/8');
    });

    test('the internet is every IPv4 and IPv6 address', () => {
      expect(Endpoint.internet().toString()).toBe('internet');
      expect(Endpoint.internet()._target).toEqual({
        kind: 'external',
        ranges: [
          { family: 4, first: 0n, last: 2n ** 32n - 1n },
          { family: 6, first: 0n, last: 2n ** 128n - 1n },
        ],
      });
    });

    test('bad addresses are refused and the message points at the right factory', () => {
      expect(() => Endpoint.ip('203.0.113.0/24')).toThrow('Endpoint.ip("203.0.113.0/24"): not an IP address. Write an IPv4 or IPv6 address such as "203.0.113.7"; for a block use Endpoint.cidr("203.0.113.0/24").');
      expect(() => Endpoint.ip('300.1.1.1')).toThrow('not an IP address');
      expect(() => Endpoint.cidr('10.0.0.1')).toThrow('Endpoint.cidr("10.0.0.1"): not a CIDR. Write an address with a prefix length, such as "10.20.0.0/16"; for one address use Endpoint.ip().');
      expect(() => Endpoint.cidr('10.0.0.0/33')).toThrow('not a CIDR');
    });
  });

  describe('parse', () => {
    test.each([
      ['internet', 'internet', true],
      ['203.0.113.7', '203.0.113.7', true],
      ['2001:db8::1', '2001:db8::1', true],
      ['10.0.0.0/8', '10.0.0.0/8', true],
      ['shop/web', 'shop/web', false],
      ['shop/db[StatefulSet]', 'shop/db[StatefulSet]', false],
    ])('reads %j', (text, printed, external) => {
      const endpoint = Endpoint.parse(text);

      expect(endpoint.toString()).toBe(printed);
      expect(endpoint.isExternal).toBe(external);
    });

    test('text that is none of the forms is refused with all of them listed', () => {
      expect(() => Endpoint.parse('web')).toThrow(
        'Endpoint.parse("web"): not an endpoint. Use "namespace/name" for a workload (e.g. "default/web" or "shop/db[StatefulSet]"), ' +
        'an IP address ("203.0.113.7"), a CIDR ("10.0.0.0/8") or "internet".',
      );
      expect(() => Endpoint.parse(42 as any)).toThrow('Endpoint.parse(42): expected a string');
    });
  });
});
