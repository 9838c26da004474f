import { toDot } from './dot-formatter';
import { ConnectivityGraph } from './graph-model';
import { buildHtmlReport } from './html-report';
import { toMermaid } from './mermaid-formatter';
import { renderSvg } from './svg-render';

/** The picture formats `connlist` and `diff` accept besides their text formats. */
export const GRAPH_FORMATS: readonly string[] = ['dot', 'mermaid', 'svg', 'html'];

/** Whether a `--format` value is a picture. */
export function isGraphFormat(format: string): boolean {
  return GRAPH_FORMATS.includes(format.toLowerCase());
}

/**
 * The graph in a picture format. `dot` and `mermaid` are plain text; `svg` and `html` are laid
 * out by Graphviz compiled to WebAssembly, which loads asynchronously.
 */
export async function formatGraph(graph: ConnectivityGraph, format: string, title: string): Promise<string> {
  switch (format.toLowerCase()) {
    case 'dot':
      return toDot(graph);
    case 'mermaid':
      return toMermaid(graph);
    case 'svg':
      return renderSvg(toDot(graph));
    case 'html':
      return buildHtmlReport(title, graph);
    default:
      throw new Error(`unknown picture format "${format}"; use one of: ${GRAPH_FORMATS.join(', ')}`);
  }
}
