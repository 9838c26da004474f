import { Connectivity, ExternalRange } from '../eval/types';
import { ConnectionSet } from '../model/connection-set';
import { parseIpAsWritten } from '../net/cidr';
import { ConnlistTable } from '../report/connlist-table';
import { externalPeerName, workloadPeerName } from '../report/peer-name';

/** Which external address families a connectivity list shows. */
export type IpFamilyFilter = 'ipv4' | 'ipv6' | 'all';

/**
 * Turns the evaluator's connectivity into the lines of a list: workload pairs, then external
 * ranges with a non-empty connection set. Adjacent ranges with equal connections are merged into
 * one line (netpol-analyzer keeps the cuts of every ipBlock; both describe the same function of
 * the address). Each workload's name and each connection set's text is written once.
 */
export function connlistTable(connectivity: Connectivity, families: IpFamilyFilter): ConnlistTable {
  const table = new ConnlistTable();
  const workloadIds = new Map<object, number>();
  const workloadId = (w: Parameters<typeof workloadPeerName>[0]): number => {
    let id = workloadIds.get(w);
    if (id === undefined) {
      id = table.peer(workloadPeerName(w));
      workloadIds.set(w, id);
    }
    return id;
  };
  const connectionIds = new Map<ConnectionSet, number>();
  const connectionId = (c: ConnectionSet): number => {
    let id = connectionIds.get(c);
    if (id === undefined) {
      id = table.connection(c.toString());
      connectionIds.set(c, id);
    }
    return id;
  };
  for (const pair of connectivity.pairs) {
    if (pair.connections.isEmpty()) continue;
    table.add(workloadId(pair.source), workloadId(pair.destination), connectionId(pair.connections));
  }
  const shown = (r: ExternalRange) => !r.connections.isEmpty() && (families === 'all' || `ipv${r.family}` === families);
  for (const ext of connectivity.external) {
    const workload = workloadId(ext.workload);
    for (const r of mergeAdjacent(ext.ingress).filter(shown)) {
      table.add(table.peer(externalPeerName(r.first, r.last)), workload, connectionId(r.connections));
    }
    for (const r of mergeAdjacent(ext.egress).filter(shown)) {
      table.add(workload, table.peer(externalPeerName(r.first, r.last)), connectionId(r.connections));
    }
  }
  return table;
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
