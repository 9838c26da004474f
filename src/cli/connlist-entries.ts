import { ConnectivitySource, ExternalConnections, ExternalRange } from '../eval/types';
import { WorkloadSpec } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { parseIpAsWritten } from '../net/cidr';
import { ConnlistEntry } from '../report/connlist-entry';
import { externalPeerName, workloadPeerName } from '../report/peer-name';

/** Which external address families a connectivity list shows. */
export type IpFamilyFilter = 'ipv4' | 'ipv6' | 'all';

/** The far end of a line (an index into the peer names) and its connections. */
interface Line {
  readonly peer: number;
  readonly connections: ConnectionSet;
}

/**
 * The lines of a connectivity list in the order their txt form sorts as strings
 * (netpol-analyzer's order), computed and yielded source by source: the list is never held
 * whole, only one source's lines at a time, plus the lines of external ranges (a few per
 * workload). Workload pairs come first from the source, then external ranges with a non-empty
 * connection set; adjacent ranges with equal connections are merged into one line
 * (netpol-analyzer keeps the cuts of every ipBlock; both describe the same function of the
 * address). Each peer's name and each connection set's text is written once, and ordering uses
 * ranks computed once from the names.
 *
 * Every peer name ends with `]`, so no name is a prefix of another followed by ` => `; and a
 * source has at most one line per destination (workload names are unique in a cluster and one
 * workload's merged ranges are disjoint). Ordering by (source, destination) is therefore
 * ordering by the whole line.
 */
export function* connlistEntries(source: ConnectivitySource, families: IpFamilyFilter): IterableIterator<ConnlistEntry> {
  const workloads = source.cluster.workloads;
  const names = workloads.map(workloadPeerName);
  const workloadIndex = new Map<WorkloadSpec, number>(workloads.map((w, i) => [w, i]));
  const external = externalLines(source.externalConnections(), families, workloadIndex, names);
  const rank = ranks(names);
  const order = Array.from(rank.keys()).sort((a, b) => rank[a] - rank[b]);
  const text = connectionTexts();
  const row = new Row();
  for (const peer of order) {
    row.clear();
    if (peer < workloads.length) {
      for (const pair of source.connectionsFrom(workloads[peer])) {
        if (pair.connections.isEmpty()) continue;
        const destination = workloadIndex.get(pair.destination);
        if (destination === undefined) throw new Error(`destination ${workloadPeerName(pair.destination)} is not a workload of the cluster`);
        row.add(destination, pair.connections);
      }
      for (const line of external.egress[peer] ?? []) row.add(line.peer, line.connections);
    } else {
      for (const line of external.ingress.get(peer) ?? []) row.add(line.peer, line.connections);
    }
    const keys = row.sortedKeys(rank);
    const n = keys.length;
    for (let k = 0; k < n; k++) {
      const i = keys[k] % n;
      yield { source: names[peer], destination: names[row.peers[i]], connections: text(row.connections[i]) };
    }
  }
}

/** One source's lines, far end and connections, in two arrays reused from source to source. */
class Row {
  public readonly peers: number[] = [];
  public readonly connections: ConnectionSet[] = [];

  public clear(): void {
    this.peers.length = 0;
    this.connections.length = 0;
  }

  public add(peer: number, connections: ConnectionSet): void {
    this.peers.push(peer);
    this.connections.push(connections);
  }

  /** Keys `rank × n + i` in ascending order (one numeric sort): line `i` is `key % n`, ordered by its far end's rank. */
  public sortedKeys(rank: Uint32Array): Float64Array {
    const n = this.peers.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = rank[this.peers[i]] * n + i;
    return keys.sort();
  }
}

/**
 * The external lines, with each range's name added to `names`: per workload (by index) the
 * ranges it may send to, and per range (by peer index) the workloads it may send to. Workloads
 * with the same ranges (the evaluator shares one array between them) share one list of lines.
 */
function externalLines(
  connections: readonly ExternalConnections[],
  families: IpFamilyFilter,
  workloadIndex: ReadonlyMap<WorkloadSpec, number>,
  names: string[],
): { egress: (readonly Line[] | undefined)[]; ingress: Map<number, Line[]> } {
  const peerIds = new Map<string, number>();
  const peerOf = (r: ExternalRange): number => {
    const name = externalPeerName(r.first, r.last);
    let id = peerIds.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      peerIds.set(name, id);
    }
    return id;
  };
  const linesOf = new Map<readonly ExternalRange[], Line[]>();
  const shownLines = (ranges: readonly ExternalRange[]): Line[] => {
    let lines = linesOf.get(ranges);
    if (!lines) {
      const shown = (r: ExternalRange) => !r.connections.isEmpty() && (families === 'all' || `ipv${r.family}` === families);
      lines = mergeAdjacent(ranges).filter(shown).map((r) => ({ peer: peerOf(r), connections: r.connections }));
      linesOf.set(ranges, lines);
    }
    return lines;
  };
  const egress: (readonly Line[] | undefined)[] = [];
  const ingress = new Map<number, Line[]>();
  for (const ext of connections) {
    const workload = workloadIndex.get(ext.workload);
    if (workload === undefined) throw new Error(`workload ${workloadPeerName(ext.workload)} is not a workload of the cluster`);
    for (const line of shownLines(ext.ingress)) {
      let list = ingress.get(line.peer);
      if (!list) ingress.set(line.peer, list = []);
      list.push({ peer: workload, connections: line.connections });
    }
    egress[workload] = shownLines(ext.egress);
  }
  return { egress, ingress };
}

/** The rank of each name (by index) in string order. */
function ranks(names: readonly string[]): Uint32Array {
  const order = Array.from(names.keys()).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rank = new Uint32Array(names.length);
  order.forEach((id, r) => { rank[id] = r; });
  return rank;
}

/** A connection set's text, written once per set. */
function connectionTexts(): (connections: ConnectionSet) => string {
  const texts = new Map<ConnectionSet, string>();
  return (connections) => {
    let text = texts.get(connections);
    if (text === undefined) texts.set(connections, text = connections.toString());
    return text;
  };
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
