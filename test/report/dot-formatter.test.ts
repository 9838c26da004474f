import { ConnectionSet } from '../../src/model/connection-set';
import { DIFF_EDGE_STYLES, quote, toDot } from '../../src/report/dot-formatter';
import { connlistGraph, diffGraph } from '../../src/report/graph-model';

const ENTRIES = [
  { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 8080' },
  { source: 'shop/api[Deployment]', destination: 'shop/web[Deployment]', connections: 'TCP 8080' },
  { source: '10.0.0.0-10.0.0.255[External]', destination: 'infra/dns[Deployment]', connections: 'UDP 53' },
];
const graph = connlistGraph(ENTRIES);

describe('toDot', () => {
  const dot = toDot(graph);
  const lines = dot.split('\n');

  test('is one digraph with a cluster per namespace holding exactly its workloads', () => {
    expect(lines[0]).toBe('digraph connectivity {');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    const clusters = dot.match(/subgraph "cluster_\d+" \{[^}]*\}/g)!;
    expect(clusters).toHaveLength(2);
    expect(clusters[0]).toContain('label="infra"');
    expect(clusters[0]).toContain('"infra/dns[Deployment]" [label="dns[Deployment]"]');
    expect(clusters[1]).toContain('label="shop"');
    expect(clusters[1].match(/"shop\/\w+\[Deployment\]" \[/g)).toEqual(['"shop/api[Deployment]" [', '"shop/web[Deployment]" [']);
  });

  test('draws an external range outside every cluster, as an ellipse', () => {
    const line = lines.find((l) => l.startsWith('  "10.0.0.0-10.0.0.255[External]" ['));
    expect(line).toContain('shape=ellipse');
    expect(line).toContain('label="10.0.0.0-10.0.0.255"');
  });

  test('draws one edge per pair, with two arrowheads when both directions carry the same connections', () => {
    const edges = lines.filter((l) => l.includes(' -> '));
    expect(edges).toEqual([
      '  "10.0.0.0-10.0.0.255[External]" -> "infra/dns[Deployment]" [label="UDP 53"];',
      '  "shop/api[Deployment]" -> "shop/web[Deployment]" [label="TCP 8080", dir=both];',
    ]);
  });

  test('is the same text whatever the order of the entries', () => {
    expect(toDot(connlistGraph([...ENTRIES].reverse()))).toBe(dot);
  });

  test('styles diff edges by change, colour and line style both, and adds a legend', () => {
    const diff = toDot(diffGraph([
      { type: 'added', source: 'a/x[Pod]', destination: 'a/y[Pod]', ref1: ConnectionSet.none(), ref2: ConnectionSet.all() },
      { type: 'removed', source: 'a/y[Pod]', destination: 'a/z[Pod]', ref1: ConnectionSet.all(), ref2: ConnectionSet.none() },
    ]));
    expect(diff).toContain('"a/x[Pod]" -> "a/y[Pod]" [label="All Connections", color="#1a7f37", fontcolor="#1a7f37", style=solid, penwidth=2];');
    expect(diff).toContain('"a/y[Pod]" -> "a/z[Pod]" [label="All Connections", color="#cf222e", fontcolor="#cf222e", style=dashed, penwidth=2];');
    const legend = diff.split('\n').find((l) => l.startsWith('  "(legend)" ['))!;
    expect(legend).toContain('<FONT COLOR="#1a7f37">━━━ added</FONT>');
    expect(legend).toContain('<FONT COLOR="#cf222e">- - - removed</FONT>');
    expect(legend).toContain('<FONT COLOR="#9a6700">· · · · changed</FONT>');
    const styles = Object.values(DIFF_EDGE_STYLES);
    expect(new Set(styles.map((s) => s.color)).size).toBe(3);
    expect(new Set(styles.map((s) => s.style)).size).toBe(3);
    expect(toDot(graph)).not.toContain('legend');
  });
});

test('a diff without changes says so instead of drawing a legend', () => {
  const dot = toDot(diffGraph([]));
  expect(dot).toContain('  label="No connection is added, removed or changed";');
  expect(dot).not.toContain('(legend)');
});

describe('quote', () => {
  test('escapes quotes, backslashes and line breaks so that a name cannot end the string', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('a\\b')).toBe('"a\\\\b"');
    expect(quote('a\\"];x')).toBe('"a\\\\\\"];x"');
    expect(quote('a\nb')).toBe('"a\\nb"');
  });
});
