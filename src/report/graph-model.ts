import { DiffEntry, DiffType } from './connectivity-diff';
import { ConnlistEntry } from './connlist-entry';

/** An end of a connection: a workload (`ns/name[Kind]`) or an external range (`a-b[External]`). */
export interface GraphNode {
  /** The peer as the text formats print it; unique within a graph. */
  readonly peer: string;
  /** The workload's namespace; undefined for an external range. */
  readonly namespace?: string;
  /** What a picture writes on the node: the peer without its namespace. */
  readonly label: string;
}

/** One drawn edge: the connections from `source` to `destination` (and back, when `bothWays`). */
export interface GraphEdge {
  readonly source: string;
  readonly destination: string;
  /** The connection set, or `old → new` for a changed pair of a diff. */
  readonly label: string;
  /** The same label applies from destination to source: one edge with two arrowheads. */
  readonly bothWays: boolean;
  /** For a diff: how the pair changed. Undefined in a connectivity list. */
  readonly change?: DiffType;
}

/** The nodes and edges of a picture, in a stable order: nodes by namespace then peer, edges by ends. */
export interface ConnectivityGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Whether the edges are diff changes (pictures then draw a legend). */
  readonly isDiff: boolean;
}

/** The namespace of a peer name, or undefined for an external range. */
export function peerNamespace(peer: string): string | undefined {
  if (peer.endsWith('[External]')) return undefined;
  const slash = peer.indexOf('/');
  return slash < 0 ? undefined : peer.slice(0, slash);
}

/**
 * The graph of a connectivity list. `workloads` adds workloads that have no connection at all,
 * so that a picture shows every workload. A pair allowed both ways with the same connections
 * becomes one edge with two arrowheads.
 */
export function connlistGraph(entries: readonly ConnlistEntry[], workloads: readonly string[] = []): ConnectivityGraph {
  const edges = entries.map((e) => ({ source: e.source, destination: e.destination, label: e.connections }));
  return buildGraph(edges, workloads, false);
}

/**
 * The graph of a diff: each changed pair is an edge marked added, removed or changed, labelled
 * with the new set (added), the old set (removed) or `old → new` (changed).
 */
export function diffGraph(entries: readonly DiffEntry[]): ConnectivityGraph {
  const edges = entries.map((e) => ({
    source: e.source,
    destination: e.destination,
    change: e.type,
    label: e.type === 'added' ? e.ref2.toString() : e.type === 'removed' ? e.ref1.toString() : `${e.ref1} → ${e.ref2}`,
  }));
  return buildGraph(edges, [], true);
}

interface PlainEdge {
  readonly source: string;
  readonly destination: string;
  readonly label: string;
  readonly change?: DiffType;
}

function buildGraph(plain: readonly PlainEdge[], extraPeers: readonly string[], isDiff: boolean): ConnectivityGraph {
  const peers = new Set<string>(extraPeers);
  for (const e of plain) {
    peers.add(e.source);
    peers.add(e.destination);
  }
  const nodes = [...peers].map(graphNode).sort((a, b) => compare(a.namespace ?? '\uffff', b.namespace ?? '\uffff') || compare(a.peer, b.peer));

  const key = (source: string, destination: string) => `${source}\u0000${destination}`;
  const byEnds = new Map(plain.map((e) => [key(e.source, e.destination), e]));
  const edges: GraphEdge[] = [];
  for (const e of plain) {
    const reverse = byEnds.get(key(e.destination, e.source));
    const mergesWithReverse = reverse !== undefined && e.source !== e.destination
      && reverse.label === e.label && reverse.change === e.change;
    // The merged pair is drawn once, from the end that sorts first.
    if (mergesWithReverse && compare(e.source, e.destination) > 0) continue;
    const change = e.change ? { change: e.change } : {};
    edges.push({ source: e.source, destination: e.destination, label: e.label, bothWays: mergesWithReverse, ...change });
  }
  edges.sort((a, b) => compare(a.source, b.source) || compare(a.destination, b.destination));
  return { nodes, edges, isDiff };
}

function graphNode(peer: string): GraphNode {
  const namespace = peerNamespace(peer);
  if (namespace === undefined) return { peer, label: peer.replace(/\[External\]$/, '') };
  return { peer, namespace, label: peer.slice(namespace.length + 1) };
}

/** The namespaces of a graph's nodes, sorted. */
export function graphNamespaces(graph: ConnectivityGraph): string[] {
  return [...new Set(graph.nodes.flatMap((n) => (n.namespace === undefined ? [] : [n.namespace])))].sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The peer that stands for every external range in a namespace graph. */
export const EXTERNAL_GROUP = '(external)';

/**
 * The graph aggregated to namespaces: one node per namespace (and one for all external ranges),
 * one edge per ordered pair of groups, labelled with how many workload pairs it stands for (for a
 * diff, how many were added, removed and changed). Keeps a picture of 1,000 workloads readable.
 */
export function namespaceGraph(graph: ConnectivityGraph): ConnectivityGraph {
  const group = (peer: string) => peerNamespace(peer) ?? EXTERNAL_GROUP;
  const counts = new Map<string, { source: string; destination: string; added: number; removed: number; changed: number; all: number }>();
  for (const e of graph.edges) {
    const ends = e.bothWays ? [[e.source, e.destination], [e.destination, e.source]] : [[e.source, e.destination]];
    for (const [s, d] of ends) {
      const k = `${group(s)}\u0000${group(d)}`;
      const c = counts.get(k) ?? { source: group(s), destination: group(d), added: 0, removed: 0, changed: 0, all: 0 };
      c.all++;
      if (e.change) c[e.change]++;
      counts.set(k, c);
    }
  }
  const plain: PlainEdge[] = [...counts.values()].map((c) => {
    if (!graph.isDiff) return { source: c.source, destination: c.destination, label: `${c.all} pair${c.all === 1 ? '' : 's'}` };
    const parts = [['+', c.added], ['−', c.removed], ['~', c.changed]] as const;
    const label = parts.filter(([, n]) => n > 0).map(([sign, n]) => `${sign}${n}`).join(' ');
    const only = (['added', 'removed', 'changed'] as const).find((t) => c[t] === c.all);
    return { source: c.source, destination: c.destination, label, change: only ?? 'changed' };
  });
  const groups = [...new Set(graph.nodes.map((n) => n.namespace ?? EXTERNAL_GROUP))];
  const aggregated = buildGraph(plain, groups, graph.isDiff);
  // Group nodes are namespaces themselves: they sit in no cluster and are labelled by their name.
  return { ...aggregated, nodes: aggregated.nodes.map((n) => ({ peer: n.peer, label: n.peer })) };
}
