import * as fc from 'fast-check';
import { GeneratedCase, PROBE_IPS, clusterArb, queriesArb } from './arbitraries';
import { ReferenceEvaluator } from './reference-evaluator';
import { Evaluator } from '../../src/eval/evaluator';
import { QueryEnd, Query } from '../../src/eval/types';
import { WorkloadSpec, workloadKey } from '../../src/model/cluster';
import { parseIp, formatIp, MAX_ADDRESS } from '../../src/net/cidr';
import { propertyRuns } from '../property-runs';

/**
 * The indexed Evaluator must agree with the ReferenceEvaluator (written straight from the spec)
 * on every generated cluster (NetworkPolicies mixed with Admin and Baseline cluster policies of
 * both API versions): 4,000 full-connectivity cases, 1,000 external-range cases and
 * 6,000 query cases (each with up to 8 queries).
 */
describe('Evaluator agrees with the reference evaluator', () => {
  test('on full connectivity, pair by pair, for random clusters', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        checkConnectivity(c);
      }),
      { numRuns: propertyRuns(4000) },
    );
  });

  test('on the external address ranges of every workload', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        checkExternal(c);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  test('on single queries between workloads, addresses, the internet and the node', () => {
    fc.assert(
      fc.property(
        clusterArb.chain((c) => queriesArb(c.cluster.workloads.length).map((qs) => ({ c, qs }))),
        ({ c, qs }) => {
          checkQueries(c, qs);
        },
      ),
      { numRuns: propertyRuns(6000) },
    );
  });
});

function checkConnectivity(c: GeneratedCase): void {
  const main = new Evaluator(c.cluster, c.options);
  const reference = new ReferenceEvaluator(c.cluster, c.options);
  const workloads = c.cluster.workloads;
  const expected = new Map<string, string>();
  for (const src of workloads) {
    for (const dst of workloads) {
      const want = reference.workloadConnections(src, dst);
      const got = main.workloadConnections(src, dst);
      if (!got.equals(want)) {
        throw new Error(`${pairKey(src, dst)}: evaluator says ${got}, reference says ${want}\n${c.description}`);
      }
      if (src !== dst && !want.isEmpty()) expected.set(pairKey(src, dst), want.toString());
    }
  }
  const actual = new Map<string, string>();
  for (const pair of main.connectivity().pairs) actual.set(pairKey(pair.source, pair.destination), pair.connections.toString());
  expect(actual).toEqual(expected);
}

function checkExternal(c: GeneratedCase): void {
  const main = new Evaluator(c.cluster, c.options);
  const reference = new ReferenceEvaluator(c.cluster, c.options);
  for (const entry of main.connectivity().external) {
    for (const direction of ['ingress', 'egress'] as const) {
      const ranges = entry[direction];
      for (const family of [4, 6] as const) {
        // The ranges of a family are contiguous and cover the whole space.
        const own = ranges.filter((r) => r.family === family);
        let next = 0n;
        for (const r of own) {
          expect(parseIp(r.first)!.value).toBe(next);
          next = parseIp(r.last)!.value + 1n;
        }
        expect(next).toBe(MAX_ADDRESS[family] + 1n);
      }
      const probes = new Set<string>(PROBE_IPS);
      for (const r of ranges) {
        probes.add(r.first);
        probes.add(r.last);
      }
      for (const ip of probes) {
        const address = parseIp(ip)!;
        const range = ranges.find((r) => r.family === address.family
          && parseIp(r.first)!.value <= address.value && address.value <= parseIp(r.last)!.value)!;
        const want = reference.externalConnections(entry.workload, direction, formatIp(address.family, address.value));
        if (!range.connections.equals(want)) {
          throw new Error(`${direction} ${workloadKey(entry.workload)} ${ip}: evaluator says ${range.connections}, reference says ${want}\n${c.description}`);
        }
      }
    }
  }
}

function checkQueries(c: GeneratedCase, queries: Query[]): void {
  const main = new Evaluator(c.cluster, c.options);
  const reference = new ReferenceEvaluator(c.cluster, c.options);
  const workloads = c.cluster.workloads;
  for (const raw of queries) {
    const query: Query = { ...raw, source: resolve(raw.source, workloads), destination: resolve(raw.destination, workloads) };
    const isWorkload = (e: QueryEnd) => 'workload' in e;
    if (!isWorkload(query.source) && !isWorkload(query.destination)) {
      expect(() => main.verdict(query)).toThrow(/has no workload end/);
      continue;
    }
    const got = main.verdict(query);
    const want = reference.verdict(query);
    if (got.allowed !== want.allowed) {
      throw new Error(`${JSON.stringify(query)}: evaluator says ${got.allowed}, reference says ${want.allowed}\n${got.text}\n${c.description}`);
    }
    expect(got.allowed).toBe(got.egress.allowed && got.ingress.allowed);
    // A NetworkPolicy decision names the allowing rule; a cluster tier decision names its rule (and tier).
    const byNetworkPolicy = got.ingress.decidedBy === undefined || got.ingress.decidedBy === 'NetworkPolicy';
    if (got.ingress.allowed && got.ingress.isolated && got.ingress.applies && byNetworkPolicy && !got.text.includes('itself') && !('node' in query.source)) {
      expect(got.ingress.allowedBy.length).toBeGreaterThan(0);
    }
    for (const side of [got.egress, got.ingress]) {
      if (side.decidedBy === 'Admin' || side.decidedBy === 'Baseline') {
        expect(side.clusterRule?.tier).toBe(side.decidedBy);
        expect(side.clusterRule?.action).toBe(side.allowed ? 'Accept' : 'Deny');
      }
      for (const pass of side.passedBy ?? []) expect(pass.action).toBe('Pass');
    }
    if ('workload' in query.source && 'workload' in query.destination) {
      const set = main.workloadConnections(query.source.workload as WorkloadSpec, query.destination.workload as WorkloadSpec);
      expect(set.contains(query.protocol, query.port)).toBe(got.allowed);
    }
  }
}

function resolve(endpoint: QueryEnd, workloads: readonly WorkloadSpec[]): QueryEnd {
  if ('workload' in endpoint && typeof endpoint.workload === 'number') return { workload: workloads[endpoint.workload] };
  return endpoint;
}

function pairKey(src: WorkloadSpec, dst: WorkloadSpec): string {
  return `${workloadKey(src)} => ${workloadKey(dst)}`;
}
