import * as fc from 'fast-check';
import { ConnectionSet } from '../../src/model/connection-set';
import { Protocol } from '../../src/model/protocol';
import { propertyRuns } from '../property-runs';

const tcp = (a: number, b = a) => ConnectionSet.ports('TCP', a, b);
const udp = (a: number, b = a) => ConnectionSet.ports('UDP', a, b);
const sctp = (a: number, b = a) => ConnectionSet.ports('SCTP', a, b);

describe('ConnectionSet', () => {
  describe('canonical text (netpol-analyzer txt form)', () => {
    test('everything is "All Connections" and nothing is "No Connections"', () => {
      expect(ConnectionSet.all().toString()).toBe('All Connections');
      expect(ConnectionSet.none().toString()).toBe('No Connections');
    });

    test('groups are sorted by protocol name and ports merged ascending', () => {
      const set = udp(9090).union(tcp(8081)).union(sctp(7070)).union(tcp(8080));
      expect(set.toString()).toBe('SCTP 7070,TCP 8080-8081,UDP 9090');
    });

    test('a bare number after a comma belongs to the preceding protocol', () => {
      expect(tcp(8080).union(tcp(9090)).union(udp(8080)).toString()).toBe('TCP 8080,9090,UDP 8080');
    });

    test('one protocol with all ports is "TCP 1-65535"; all three is always "All Connections"', () => {
      expect(ConnectionSet.allPortsOf('TCP').toString()).toBe('TCP 1-65535');
      const three = ConnectionSet.allPortsOf('TCP').union(ConnectionSet.allPortsOf('UDP')).union(ConnectionSet.allPortsOf('SCTP'));
      expect(three.toString()).toBe('All Connections');
      expect(three.isAll()).toBe(true);
    });

    test('a hole is printed as two ranges', () => {
      expect(ConnectionSet.allPortsOf('TCP').subtract(tcp(80)).toString()).toBe('TCP 1-79,81-65535');
    });
  });

  describe('construction', () => {
    test('adjacent and overlapping intervals merge', () => {
      const set = ConnectionSet.fromIntervals({ TCP: [{ first: 10, last: 20 }, { first: 21, last: 25 }, { first: 5, last: 12 }] });
      expect(set.intervals('TCP')).toEqual([{ first: 5, last: 25 }]);
    });

    test('ranges are clipped to 1..65535 and inverted ranges are empty', () => {
      expect(tcp(0, 70000).toString()).toBe('TCP 1-65535');
      expect(tcp(90, 80).isEmpty()).toBe(true);
    });
  });

  describe('algebra', () => {
    test('intersect keeps common ports per protocol', () => {
      expect(tcp(1, 100).union(udp(53)).intersect(tcp(50, 200).union(udp(1, 60))).toString()).toBe('TCP 50-100,UDP 53');
    });

    test('subtract splits intervals', () => {
      expect(tcp(1, 100).subtract(tcp(10, 20).union(tcp(50))).toString()).toBe('TCP 1-9,21-49,51-100');
    });

    test('contains looks up one protocol and port', () => {
      const set = tcp(80).union(tcp(8000, 8080)).union(udp(53));
      expect(set.contains('TCP', 8042)).toBe(true);
      expect(set.contains('TCP', 81)).toBe(false);
      expect(set.contains('UDP', 53)).toBe(true);
      expect(set.contains('SCTP', 53)).toBe(false);
    });

    test('equals compares contents, isSubsetOf inclusion', () => {
      expect(tcp(1, 10).equals(tcp(1, 5).union(tcp(6, 10)))).toBe(true);
      expect(tcp(1, 10).equals(udp(1, 10))).toBe(false);
      expect(tcp(3).isSubsetOf(tcp(1, 10))).toBe(true);
      expect(tcp(11).isSubsetOf(tcp(1, 10))).toBe(false);
    });

    const protocolArb = fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP');
    const setArb = fc.array(
      fc.tuple(protocolArb, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 30 })),
      { maxLength: 6 },
    ).map((parts) => parts.reduce((acc, [p, a, len]) => acc.union(ConnectionSet.ports(p, a, a + len)), ConnectionSet.none()));
    const probes: [Protocol, number][] = [];
    for (const p of ['TCP', 'UDP', 'SCTP'] as Protocol[]) for (let port = 1; port <= 160; port++) probes.push([p, port]);

    test('union, intersect and subtract agree with pointwise set logic', () => {
      fc.assert(fc.property(setArb, setArb, (a, b) => {
        const union = a.union(b);
        const inter = a.intersect(b);
        const diff = a.subtract(b);
        const wrong = probes.filter(([p, port]) => {
          const inA = a.contains(p, port);
          const inB = b.contains(p, port);
          return union.contains(p, port) !== (inA || inB)
            || inter.contains(p, port) !== (inA && inB)
            || diff.contains(p, port) !== (inA && !inB);
        });
        expect(wrong).toEqual([]);
        expect(union.equals(b.union(a))).toBe(true);
      }), { numRuns: propertyRuns(300) });
    });
  });
});
