import { DiffType } from './connectivity-diff';
import { DIFF_EDGE_STYLES, NO_CHANGE } from './dot-formatter';
import { ConnectivityGraph, GraphEdge, graphNamespaces } from './graph-model';

/** Mermaid's arrow for each kind of diff edge (the line style; the colour comes from a linkStyle). */
const DIFF_ARROWS: Readonly<Record<DiffType, { readonly oneWay: string; readonly bothWays: string; readonly dash: string }>> = {
  added: { oneWay: '==>', bothWays: '<==>', dash: '' },
  removed: { oneWay: '-.->', bothWays: '<-.->', dash: ',stroke-dasharray:6 4' },
  changed: { oneWay: '-->', bothWays: '<-->', dash: ',stroke-dasharray:2 3' },
};

/**
 * The graph as a Mermaid flowchart (GitHub renders it in Markdown): one subgraph per namespace,
 * node ids `n0, n1, …` in the graph's stable order with the peers as quoted, escaped labels, and
 * for a diff, thick green added edges, dashed red removed edges, dotted amber changed edges, and a legend.
 */
export function toMermaid(graph: ConnectivityGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.peer, `n${i}`]));
  const lines = ['flowchart LR'];
  const namespaces = graphNamespaces(graph);
  namespaces.forEach((namespace, index) => {
    lines.push(`  subgraph ns${index}[${label(namespace)}]`);
    for (const node of graph.nodes.filter((n) => n.namespace === namespace)) lines.push(`    ${ids.get(node.peer)}[${label(node.label)}]`);
    lines.push('  end');
  });
  for (const node of graph.nodes.filter((n) => n.namespace === undefined)) {
    const shape = node.peer.endsWith('[External]') ? ['([', '])'] : ['[', ']'];
    lines.push(`  ${ids.get(node.peer)}${shape[0]}${label(node.label)}${shape[1]}`);
  }
  const styles: string[] = [];
  graph.edges.forEach((edge, index) => {
    lines.push(`  ${ids.get(edge.source)} ${arrow(edge)}|${label(edge.label)}| ${ids.get(edge.destination)}`);
    if (edge.change) styles.push(linkStyle(index, edge.change));
  });
  if (graph.isDiff && graph.edges.length === 0) {
    lines.push(`  none[${label(NO_CHANGE)}]`);
  } else if (graph.isDiff) {
    lines.push('  subgraph legend["Legend"]');
    (Object.keys(DIFF_ARROWS) as DiffType[]).forEach((type, i) => {
      lines.push(`    l${i}a[" "] ${DIFF_ARROWS[type].oneWay}|${label(DIFF_EDGE_STYLES[type].title)}| l${i}b[" "]`);
      styles.push(linkStyle(graph.edges.length + i, type));
    });
    lines.push('  end');
  }
  return [...lines, ...styles.map((s) => `  ${s}`)].join('\n') + '\n';
}

function arrow(edge: GraphEdge): string {
  if (!edge.change) return edge.bothWays ? '<-->' : '-->';
  return edge.bothWays ? DIFF_ARROWS[edge.change].bothWays : DIFF_ARROWS[edge.change].oneWay;
}

function linkStyle(index: number, type: DiffType): string {
  return `linkStyle ${index} stroke:${DIFF_EDGE_STYLES[type].color},stroke-width:2px${DIFF_ARROWS[type].dash}`;
}

/** A Mermaid quoted label: quotes, `#`, `<`, `>` and `|` as entity codes, so no peer name can break the syntax. */
export function label(text: string): string {
  const escaped = text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;');
  return `"${escaped}"`;
}
