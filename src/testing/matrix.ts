import { describeAddresses, intervalOf } from './address-text';
import { Connectivity, ExternalRange } from '../eval/types';
import { workloadKey } from '../model/cluster';
import { IpInterval } from '../net/cidr';

/**
 * The reachability snapshot: one line per source -> destination with a non-empty set of
 * allowed connections, sorted, e.g.
 *
 * ```
 * internet -> shop/web[Deployment] : TCP 8080
 * shop/web[Deployment] -> shop/api[Deployment] : TCP 8080
 * shop/api[Deployment] -> internet except 10.0.0.0/8 : TCP 443
 * ```
 *
 * External addresses with the same connections to (or from) a workload share one line:
 * `internet` for every IPv4 and IPv6 address, otherwise the addresses as CIDRs or ranges
 * (or `internet except …` when that is shorter).
 */
export function renderMatrix(connectivity: Connectivity): string {
  const lines: string[] = [];
  for (const pair of connectivity.pairs) {
    if (pair.connections.isEmpty()) continue;
    lines.push(`${workloadKey(pair.source)} -> ${workloadKey(pair.destination)} : ${pair.connections.toString()}`);
  }
  for (const entry of connectivity.external) {
    const name = workloadKey(entry.workload);
    for (const [addresses, connections] of groupByConnections(entry.ingress)) {
      lines.push(`${addresses} -> ${name} : ${connections}`);
    }
    for (const [addresses, connections] of groupByConnections(entry.egress)) {
      lines.push(`${name} -> ${addresses} : ${connections}`);
    }
  }
  lines.sort(compareLines);
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}

/** [address text, connections text] for each distinct non-empty connection set. */
function groupByConnections(ranges: readonly ExternalRange[]): [string, string][] {
  const groups = new Map<string, IpInterval[]>();
  for (const range of ranges) {
    if (range.connections.isEmpty()) continue;
    const interval = intervalOf(range);
    if (!interval) continue;
    const key = range.connections.toString();
    const list = groups.get(key) ?? [];
    list.push(interval);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([connections, intervals]) => [describeAddresses(intervals, [4, 6]), connections]);
}

function compareLines(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
