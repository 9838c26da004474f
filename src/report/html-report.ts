import { toDot } from './dot-formatter';
import { ConnectivityGraph, namespaceGraph } from './graph-model';
import { REPORT_SCRIPT, REPORT_STYLE } from './html-report-page';
import { renderSvg } from './svg-render';

/** Above this many nodes the report draws only the namespace graph: a larger layout is slow and unreadable. */
export const WORKLOAD_GRAPH_LIMIT = 150;

/** What the page shows, already laid out. */
export interface HtmlReportInput {
  readonly title: string;
  readonly graph: ConnectivityGraph;
  /** The namespace graph as SVG. */
  readonly namespaceSvg: string;
  /** The workload graph as SVG; undefined when there are too many workloads to draw. */
  readonly workloadSvg?: string;
}

/**
 * The report as ONE self-contained HTML file: inline CSS, script, data and SVG, nothing fetched
 * when viewed. The matrix starts aggregated by namespace; the page expands a namespace on demand.
 */
export function htmlReport(input: HtmlReportInput): string {
  const { graph } = input;
  const peerIndex = new Map(graph.nodes.map((n, i) => [n.peer, i]));
  // Each direction on its own, in the order of the txt format's lines.
  const edges = graph.edges
    .flatMap((e) => (e.bothWays ? [e, { ...e, source: e.destination, destination: e.source }] : [e]))
    .sort((a, b) => compare(a.source, b.source) || compare(a.destination, b.destination))
    .map((e) => [peerIndex.get(e.source), peerIndex.get(e.destination), e.label, e.change ?? null]);
  const data = { diff: graph.isDiff, peers: graph.nodes.map((n) => [n.peer, n.namespace ?? null, n.label]), edges };
  const namespaces = new Set(graph.nodes.map((n) => n.namespace ?? '')).size;
  const what = graph.isDiff ? `${edges.length} changed pair${edges.length === 1 ? '' : 's'}` : `${edges.length} allowed connection${edges.length === 1 ? '' : 's'}`;
  const legend = graph.isDiff
    ? '<p class="legend">Changes: <span class="added">+ added</span><span class="removed">\u2212 removed</span><span class="changed">~ changed</span></p>'
    : '';
  const workloadGraph = input.workloadSvg !== undefined
    ? `<details class="graph" id="workload-graph"><summary>Workloads</summary>${inlineSvg(input.workloadSvg)}</details>`
    : `<p class="note" id="workload-graph">${graph.nodes.length} ends are too many to draw one by one (limit ${WORKLOAD_GRAPH_LIMIT}); `
      + 'the namespace graph stands for them, and the matrix expands a namespace to its workloads.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p class="summary">${graph.nodes.length} ends in ${namespaces} namespace${namespaces === 1 ? '' : 's'} (external ranges count as one); ${what}.</p>
${legend}
<p><label>Filter <input id="filter" type="search" placeholder="namespace, workload or address" autocomplete="off"></label></p>
<h2>Matrix: from (rows) to (columns)</h2>
<p class="note">Each cell counts the pairs of ends that ${graph.isDiff ? 'changed' : 'may connect'}; press a namespace to expand it to its workloads. Hover a cell for its connections.</p>
<div class="scroll" id="matrix"></div>
<h2>Graph</h2>
<details class="graph" id="namespace-graph" open><summary>Namespaces</summary>${inlineSvg(input.namespaceSvg)}</details>
${workloadGraph}
<h2>${graph.isDiff ? 'Changes' : 'Connections'} <span class="note" id="edge-count"></span></h2>
<div class="scroll"><table id="edges"><thead><tr>${graph.isDiff ? '<th>change</th>' : ''}<th>source</th><th>destination</th><th>connections</th></tr></thead><tbody></tbody></table></div>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** Lays out the graphs (the workload graph only up to the limit) and builds the report. */
export async function buildHtmlReport(title: string, graph: ConnectivityGraph): Promise<string> {
  const namespaceSvg = await renderSvg(toDot(namespaceGraph(graph)));
  const workloadSvg = graph.nodes.length <= WORKLOAD_GRAPH_LIMIT ? await renderSvg(toDot(graph)) : undefined;
  return htmlReport({ title, graph, namespaceSvg, ...(workloadSvg !== undefined ? { workloadSvg } : {}) });
}

/** Graphviz's SVG without the XML declaration and DOCTYPE, which do not belong inside HTML. */
function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '').replace(/<!--[\s\S]*?-->\s*/g, '');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that cannot end its <script> element early: every `<` as `\u003c`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
