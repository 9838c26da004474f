import { Connectivity, ExternalRange } from '../eval/types';
import { parseIpAsWritten } from '../net/cidr';
import { ConnlistEntry } from '../report/connlist-entry';
import { externalPeerName, workloadPeerName } from '../report/peer-name';

/** Which external address families a connectivity list shows. */
export type IpFamilyFilter = 'ipv4' | 'ipv6' | 'all';

/**
 * Turns the evaluator's connectivity into list entries: workload pairs, then external ranges with
 * a non-empty connection set. Adjacent ranges with equal connections are merged into one line
 * (netpol-analyzer keeps the cuts of every ipBlock; both describe the same function of the address).
 */
export function connlistEntries(connectivity: Connectivity, families: IpFamilyFilter): ConnlistEntry[] {
  const entries: ConnlistEntry[] = [];
  for (const pair of connectivity.pairs) {
    if (pair.connections.isEmpty()) continue;
    entries.push({
      source: workloadPeerName(pair.source),
      destination: workloadPeerName(pair.destination),
      connections: pair.connections.toString(),
    });
  }
  const shown = (r: ExternalRange) => !r.connections.isEmpty() && (families === 'all' || `ipv${r.family}` === families);
  for (const ext of connectivity.external) {
    const workload = workloadPeerName(ext.workload);
    for (const r of mergeAdjacent(ext.ingress).filter(shown)) {
      entries.push({ source: externalPeerName(r.first, r.last), destination: workload, connections: r.connections.toString() });
    }
    for (const r of mergeAdjacent(ext.egress).filter(shown)) {
      entries.push({ source: workload, destination: externalPeerName(r.first, r.last), connections: r.connections.toString() });
    }
  }
  return entries;
}

/** Joins ranges of one family that touch and carry equal connections; the input order is kept otherwise. */
export function mergeAdjacent(ranges: readonly ExternalRange[]): ExternalRange[] {
  const sorted = ranges
    .map((r) => ({ r, first: addressValue(r.first), last: addressValue(r.last) }))
    .sort((a, b) => a.r.family - b.r.family || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: { r: ExternalRange; last: bigint }[] = [];
  for (const cur of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && prev.r.family === cur.r.family && prev.last + 1n === cur.first && prev.r.connections.equals(cur.r.connections)) {
      merged[merged.length - 1] = { r: { ...prev.r, last: cur.r.last }, last: cur.last };
    } else {
      merged.push({ r: cur.r, last: cur.last });
    }
  }
  return merged.map((m) => m.r);
}

/** The address as a number, keeping its family (an IPv4-mapped IPv6 address stays IPv6). */
function addressValue(text: string): bigint {
  const parsed = parseIpAsWritten(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed.value;
}
