import * as fc from 'fast-check';
import { connlistEntries, IpFamilyFilter, mergeAdjacent } from '../../src/cli/connlist-entries';
import { Evaluator } from '../../src/eval/evaluator';
import { Connectivity, ConnectivitySource, ExternalRange, WorkloadPair } from '../../src/eval/types';
import { WorkloadSpec } from '../../src/model/cluster';
import { ConnectionSet } from '../../src/model/connection-set';
import { ConnlistEntry } from '../../src/report/connlist-entry';
import { workloadPeerName } from '../../src/report/peer-name';
import { clusterArb } from '../eval/arbitraries';
import { propertyRuns } from '../property-runs';

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

  describe('connlistEntries', () => {
    const entriesOf = (c: Connectivity, families: IpFamilyFilter) => [...connlistEntries(sourceOf(c), families)];
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
      }, { workload: api, ingress: [], egress: [] }],
    };

    test('lists pairs and external ranges with connections, leaving out empty sets, in txt-line order', () => {
      expect(entriesOf(connectivity, 'all')).toEqual([
        { source: '10.0.0.0-255.255.255.255[External]', destination: 'shop/web[Deployment]', connections: 'TCP 80' },
        { source: 'shop/web[Deployment]', destination: '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', connections: 'UDP 53' },
        { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 80' },
      ]);
    });

    test('filters external ranges by family', () => {
      expect(entriesOf(connectivity, 'ipv4').map((e) => e.source)).toEqual(['10.0.0.0-255.255.255.255[External]', 'shop/web[Deployment]']);
      expect(entriesOf(connectivity, 'ipv6').map((e) => e.destination)).toEqual([
        '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', 'shop/api[Deployment]',
      ]);
    });

    test('orders lines as their txt form sorts as strings, names that are prefixes of others included', () => {
      const workloads = [
        workload('a', 'b', 'Pod'), workload('a', 'b-c', 'Pod'), workload('a', 'bc', 'ReplicaSet'),
        workload('a-b', 'c', 'Pod'), workload('A', 'b', 'Pod'), workload('ns', 'x'),
      ];
      const conns = [ConnectionSet.all(), TCP80, TCP80.union(UDP53), ConnectionSet.ports('SCTP', 9000)];
      const pairs: WorkloadPair[] = [];
      workloads.forEach((source, i) => workloads.forEach((destination, j) => {
        if (i !== j && (i + j) % 3 !== 0) pairs.push({ source, destination, connections: conns[(i * 7 + j) % conns.length] });
      }));
      const ranges = (k: number) => [
        range('0.0.0.0', '8.255.255.255', k % 2 === 0 ? ConnectionSet.none() : conns[k % 4]),
        range('9.0.0.0', '9.255.255.255', conns[(k + 1) % 4]),
        range('10.0.0.0', '10.0.0.255', k % 3 === 0 ? ConnectionSet.none() : conns[(k + 2) % 4]),
        range('10.0.1.0', '255.255.255.255', ConnectionSet.none()),
      ];
      const external = workloads.map((w, k) => ({ workload: w, ingress: ranges(k), egress: ranges(k + 1) }));
      const expected = sortedLines({ pairs, external });
      expect(expected.length).toBeGreaterThan(pairs.length);
      expect(entriesOf({ pairs, external }, 'all').map(line)).toEqual(expected);
      expect(entriesOf({ pairs: [...pairs].reverse(), external: [...external].reverse() }, 'all').map(line)).toEqual(expected);
    });

    test('is the sorted text of the evaluator\'s whole connectivity, computed source by source', () => {
      fc.assert(fc.property(clusterArb, (c) => {
        const evaluator = new Evaluator(c.cluster, c.options);
        expect([...connlistEntries(evaluator, 'all')].map(line)).toEqual(sortedLines(evaluator.connectivity()));
      }), { numRuns: propertyRuns(300) });
    });
  });
});

function line(e: ConnlistEntry): string {
  return `${e.source} => ${e.destination} : ${e.connections}`;
}

/** The txt lines of a whole connectivity (every family), sorted as strings. */
function sortedLines(c: Connectivity): string[] {
  const lines = c.pairs.filter((p) => !p.connections.isEmpty())
    .map((p) => `${workloadPeerName(p.source)} => ${workloadPeerName(p.destination)} : ${p.connections}`);
  for (const e of c.external) {
    const name = workloadPeerName(e.workload);
    for (const r of mergeAdjacent(e.ingress)) if (!r.connections.isEmpty()) lines.push(`${r.first}-${r.last}[External] => ${name} : ${r.connections}`);
    for (const r of mergeAdjacent(e.egress)) if (!r.connections.isEmpty()) lines.push(`${name} => ${r.first}-${r.last}[External] : ${r.connections}`);
  }
  return lines.sort();
}

/** A source answering from a connectivity computed whole, in the given workload order (or that of its external list). */
function sourceOf(c: Connectivity, workloads: readonly WorkloadSpec[] = c.external.map((e) => e.workload)): ConnectivitySource {
  return {
    cluster: { workloads },
    connectionsFrom: (w) => c.pairs.filter((p) => p.source === w),
    externalConnections: () => c.external,
  };
}
