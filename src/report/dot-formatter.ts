import { DiffType } from './connectivity-diff';
import { ConnectivityGraph, GraphEdge, graphNamespaces, GraphNode } from './graph-model';

/** What the picture of a diff without changes says. */
export const NO_CHANGE = 'No connection is added, removed or changed';

/** How each kind of diff edge is drawn: colour and line style both differ, so that print and colour-blind readers see it. */
export const DIFF_EDGE_STYLES: Readonly<Record<DiffType, { readonly color: string; readonly style: string; readonly title: string }>> = {
  added: { color: '#1a7f37', style: 'solid', title: 'added' },
  removed: { color: '#cf222e', style: 'dashed', title: 'removed' },
  changed: { color: '#9a6700', style: 'dotted', title: 'changed' },
};

/**
 * The graph in Graphviz DOT: one cluster per namespace, external ranges outside every cluster,
 * one edge per pair (two arrowheads when both directions carry the same connections), diff edges
 * coloured and dashed by change with a legend. Every id is a quoted, escaped DOT string.
 */
export function toDot(graph: ConnectivityGraph): string {
  const lines = [
    'digraph connectivity {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#57606a", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#57606a"];',
  ];
  const namespaces = graphNamespaces(graph);
  namespaces.forEach((namespace, index) => {
    lines.push(`  subgraph ${quote(`cluster_${index}`)} {`);
    lines.push(`    label=${quote(namespace)}; style="rounded"; color="#8c959f"; fontname="Helvetica"; fontsize=11;`);
    for (const node of graph.nodes.filter((n) => n.namespace === namespace)) lines.push(`    ${nodeLine(node)}`);
    lines.push('  }');
  });
  for (const node of graph.nodes.filter((n) => n.namespace === undefined)) lines.push(`  ${nodeLine(node)}`);
  for (const edge of graph.edges) lines.push(`  ${edgeLine(edge)}`);
  if (graph.isDiff && graph.edges.length === 0) lines.push(`  label=${quote(NO_CHANGE)}; fontname="Helvetica"; fontsize=11;`);
  else if (graph.isDiff) lines.push(...legend());
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeLine(node: GraphNode): string {
  const external = node.peer.endsWith('[External]') ? ', shape=ellipse, fillcolor="#fff8c5"' : '';
  return `${quote(node.peer)} [label=${quote(node.label)}${external}];`;
}

function edgeLine(edge: GraphEdge): string {
  const attributes = [`label=${quote(edge.label)}`];
  if (edge.bothWays) attributes.push('dir=both');
  if (edge.change) {
    const look = DIFF_EDGE_STYLES[edge.change];
    attributes.push(`color=${quote(look.color)}`, `fontcolor=${quote(look.color)}`, `style=${look.style}`, 'penwidth=2');
  }
  return `${quote(edge.source)} -> ${quote(edge.destination)} [${attributes.join(', ')}];`;
}

/** One small node (its id is no namespace's or peer's name) whose table shows each change's colour and line style in words and dashes. */
function legend(): string[] {
  const rows = (Object.keys(DIFF_EDGE_STYLES) as DiffType[]).map((type) => {
    const look = DIFF_EDGE_STYLES[type];
    return `<TR><TD ALIGN="LEFT"><FONT COLOR="${look.color}">${LEGEND_LINES[look.style]} ${look.title}</FONT></TD></TR>`;
  });
  return [`  "(legend)" [shape=box, style="rounded", color="#d0d7de", fontsize=9, label=<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join('')}</TABLE>>];`];
}

/** A line style drawn with characters, for the legend. */
const LEGEND_LINES: Readonly<Record<string, string>> = { solid: '━━━', dashed: '- - -', dotted: '· · · ·' };

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
