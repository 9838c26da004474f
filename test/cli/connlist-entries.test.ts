import { connlistTable, IpFamilyFilter, mergeAdjacent } from '../../src/cli/connlist-entries';
import { Connectivity, ExternalRange } from '../../src/eval/types';
import { WorkloadSpec } from '../../src/model/cluster';
import { ConnectionSet } from '../../src/model/connection-set';

const TCP80 = ConnectionSet.ports('TCP', 80);
const UDP53 = ConnectionSet.ports('UDP', 53);

function range(first: string, last: string, connections: ConnectionSet, family: 4 | 6 = 4): ExternalRange {
  return { first, last, family, connections };
}

function workload(namespace: string, name: string, kind = 'Deployment'): WorkloadSpec {
  return { namespace, name, kind, labels: {}, ports: [], podIps: [], hostNetwork: false };
}

describe('connlist entries', () => {
  describe('mergeAdjacent', () => {
    test('joins touching ranges with equal connections and keeps others apart', () => {
      const merged = mergeAdjacent([
        range('10.0.1.0', '10.0.1.255', TCP80),
        range('10.0.0.0', '10.0.0.255', TCP80),
        range('10.0.2.0', '10.0.2.255', UDP53),
        range('10.0.4.0', '10.0.4.255', UDP53),
      ]);
      expect(merged.map((r) => `${r.first}-${r.last} ${r.connections}`)).toEqual([
        '10.0.0.0-10.0.1.255 TCP 80',
        '10.0.2.0-10.0.2.255 UDP 53',
        '10.0.4.0-10.0.4.255 UDP 53',
      ]);
    });

    test('never joins across families, even where the numbers touch', () => {
      const merged = mergeAdjacent([
        range('255.255.255.255', '255.255.255.255', TCP80),
        range('::1:0:0', '::1:0:0', TCP80, 6),
        range('::', '::ffff:ffff', TCP80, 6),
      ]);
      expect(merged.map((r) => `${r.first}-${r.last}`)).toEqual(['255.255.255.255-255.255.255.255', '::-::1:0:0']);
    });
  });

  describe('connlistTable', () => {
    const connlistEntries = (c: Connectivity, families: IpFamilyFilter) => [...connlistTable(c, families).sorted()];
    const web = workload('shop', 'web');
    const api = workload('shop', 'api');
    const connectivity: Connectivity = {
      pairs: [
        { source: web, destination: api, connections: TCP80 },
        { source: api, destination: web, connections: ConnectionSet.none() },
      ],
      external: [{
        workload: web,
        ingress: [range('0.0.0.0', '9.255.255.255', ConnectionSet.none()), range('10.0.0.0', '255.255.255.255', TCP80)],
        egress: [range('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', UDP53, 6)],
      }],
    };

    test('lists pairs and external ranges with connections, leaving out empty sets, in txt-line order', () => {
      expect(connlistEntries(connectivity, 'all')).toEqual([
        { source: '10.0.0.0-255.255.255.255[External]', destination: 'shop/web[Deployment]', connections: 'TCP 80' },
        { source: 'shop/web[Deployment]', destination: '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', connections: 'UDP 53' },
        { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 80' },
      ]);
    });

    test('filters external ranges by family', () => {
      expect(connlistEntries(connectivity, 'ipv4').map((e) => e.source)).toEqual(['10.0.0.0-255.255.255.255[External]', 'shop/web[Deployment]']);
      expect(connlistEntries(connectivity, 'ipv6').map((e) => e.destination)).toEqual([
        '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', 'shop/api[Deployment]',
      ]);
    });
  });
});
