import { ConnlistEntry } from './connlist-entry';

/**
 * The lines of a connectivity list, kept as numbers: each peer name and each connection text is
 * stored once, and a line is three indexes. `sorted()` orders the lines as their txt form sorts
 * as strings (netpol-analyzer's order) with one numeric sort over precomputed ranks, instead of
 * a string comparison per pair of lines: a list of 3 million lines sorts in a second.
 */
export class ConnlistTable {
  private readonly peerIds = new Map<string, number>();
  private readonly peerNames: string[] = [];
  private readonly connectionIds = new Map<string, number>();
  private readonly connectionTexts: string[] = [];
  private readonly sources: number[] = [];
  private readonly destinations: number[] = [];
  private readonly connections: number[] = [];

  /** The id of a peer name (`ns/name[Kind]`, `first-last[External]`), stored once. */
  public peer(name: string): number {
    return intern(name, this.peerIds, this.peerNames);
  }

  /** The id of a connection text (`All Connections`, `TCP 80,UDP 53`), stored once. */
  public connection(text: string): number {
    return intern(text, this.connectionIds, this.connectionTexts);
  }

  public add(source: number, destination: number, connections: number): void {
    this.sources.push(source);
    this.destinations.push(destination);
    this.connections.push(connections);
  }

  public get size(): number {
    return this.sources.length;
  }

  /**
   * The lines in the order of their txt form as strings. Peer names all end with `]`, so no
   * name is a prefix of another followed by ` => `: ordering by (source, destination,
   * connections) is ordering by the whole line.
   */
  public *sorted(): IterableIterator<ConnlistEntry> {
    const peerRank = ranks(this.peerNames);
    const connectionRank = ranks(this.connectionTexts);
    const peersByRank = byRank(this.peerNames, peerRank);
    const connectionsByRank = byRank(this.connectionTexts, connectionRank);
    const peers = Math.max(1, this.peerNames.length);
    const texts = Math.max(1, this.connectionTexts.length);
    if (peers * peers * texts >= Number.MAX_SAFE_INTEGER) throw new Error('connectivity list too large to sort');
    const keys = new Float64Array(this.size);
    for (let i = 0; i < keys.length; i++) {
      keys[i] = (peerRank[this.sources[i]] * peers + peerRank[this.destinations[i]]) * texts + connectionRank[this.connections[i]];
    }
    keys.sort();
    for (const key of keys) {
      const connection = key % texts;
      const pair = (key - connection) / texts;
      const destination = pair % peers;
      yield {
        source: peersByRank[(pair - destination) / peers],
        destination: peersByRank[destination],
        connections: connectionsByRank[connection],
      };
    }
  }
}

function intern(text: string, ids: Map<string, number>, texts: string[]): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = texts.length;
    ids.set(text, id);
    texts.push(text);
  }
  return id;
}

/** The rank of each text (by id) in string order. */
function ranks(texts: readonly string[]): Uint32Array {
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0));
  const rank = new Uint32Array(texts.length);
  order.forEach((id, r) => { rank[id] = r; });
  return rank;
}

function byRank(texts: readonly string[], rank: Uint32Array): string[] {
  const sorted = new Array<string>(texts.length);
  texts.forEach((text, id) => { sorted[rank[id]] = text; });
  return sorted;
}
