/** The part of `@viz-js/viz` used here (its own typings are ESM-only, and this library is CommonJS). */
interface VizModule {
  instance(): Promise<{
    render(dot: string, options: { format: string; engine: string }): {
      status: 'success' | 'failure';
      output?: string;
      errors: { message: string }[];
    };
  }>;
}

let loading: ReturnType<VizModule['instance']> | undefined;

/**
 * Lays out a DOT graph and returns it as SVG, with Graphviz compiled to WebAssembly
 * (`@viz-js/viz`), so no system Graphviz is needed. Asynchronous only because the WebAssembly
 * module loads asynchronously; it is loaded once per process, on first use.
 */
export async function renderSvg(dot: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= (require('@viz-js/viz') as VizModule).instance();
  const viz = await loading;
  const result = viz.render(dot, { format: 'svg', engine: 'dot' });
  if (result.status !== 'success' || result.output === undefined) {
    throw new Error(`Graphviz could not lay out the graph: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.output;
}
