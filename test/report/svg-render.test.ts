import { toDot } from '../../src/report/dot-formatter';
import { connlistGraph } from '../../src/report/graph-model';
import { renderSvg } from '../../src/report/svg-render';

describe('renderSvg', () => {
  test('lays out a DOT graph as SVG with one node per peer and one edge per pair, named by their ids', async () => {
    const svg = await renderSvg(toDot(connlistGraph([
      { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 8080' },
      { source: 'shop/api[Deployment]', destination: 'shop/db[Deployment]', connections: 'TCP 5432' },
    ])));
    expect(svg).toMatch(/<svg [^>]*width="\d+pt"/);
    const titles = [...svg.matchAll(/<g id="(node|edge)\d+" class="(node|edge)">\s*<title>([^<]*)<\/title>/g)].map((m) => `${m[2]}:${m[3]}`);
    expect(titles.sort()).toEqual([
      'edge:shop/api[Deployment]&#45;&gt;shop/db[Deployment]',
      'edge:shop/web[Deployment]&#45;&gt;shop/api[Deployment]',
      'node:shop/api[Deployment]',
      'node:shop/db[Deployment]',
      'node:shop/web[Deployment]',
    ]);
    expect(svg).toContain('<title>cluster_0</title>');
    expect(svg).toContain('>TCP 5432</text>');
  });

  test('escapes a name that looks like markup', async () => {
    const svg = await renderSvg(toDot(connlistGraph([{ source: 'a/<script>[Pod]', destination: 'a/b"[Pod]', connections: 'All Connections' }])));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('a/&lt;script&gt;[Pod]');
  });

  test('rejects text that is not DOT with Graphviz\'s message', async () => {
    await expect(renderSvg('digraph {')).rejects.toThrow(/^Graphviz could not lay out the graph: .*syntax error/);
  });
});
