import { ConnectionSet } from '../../src/model/connection-set';
import { connlistGraph, diffGraph } from '../../src/report/graph-model';
import { label, toMermaid } from '../../src/report/mermaid-formatter';

describe('toMermaid', () => {
  const text = toMermaid(connlistGraph([
    { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 8080' },
    { source: 'shop/api[Deployment]', destination: 'shop/web[Deployment]', connections: 'TCP 8080' },
    { source: 'shop/web[Deployment]', destination: '0.0.0.0-255.255.255.255[External]', connections: 'TCP 443' },
    { source: 'infra/dns[Deployment]', destination: 'shop/web[Deployment]', connections: 'All Connections' },
  ]));
  const lines = text.split('\n');

  test('is a left-to-right flowchart with a subgraph per namespace and safe node ids', () => {
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.slice(1, 9)).toEqual([
      '  subgraph ns0["infra"]',
      '    n0["dns[Deployment]"]',
      '  end',
      '  subgraph ns1["shop"]',
      '    n1["api[Deployment]"]',
      '    n2["web[Deployment]"]',
      '  end',
      '  n3(["0.0.0.0-255.255.255.255"])',
    ]);
  });

  test('writes one labelled link per edge, two-headed when merged, and no styles outside a diff', () => {
    expect(lines.filter((l) => / (-->|<-->)\|/.test(l))).toEqual([
      '  n0 -->|"All Connections"| n2',
      '  n1 <-->|"TCP 8080"| n2',
      '  n2 -->|"TCP 443"| n3',
    ]);
    expect(text).not.toContain('linkStyle');
  });

  test('draws added thick, removed dotted, changed plain, each with its own colour and dash, and a legend', () => {
    const diff = toMermaid(diffGraph([
      { type: 'changed', source: 'a/x[Pod]', destination: 'a/y[Pod]', ref1: ConnectionSet.ports('TCP', 80), ref2: ConnectionSet.ports('TCP', 80, 81) },
      { type: 'added', source: 'a/y[Pod]', destination: 'a/z[Pod]', ref1: ConnectionSet.none(), ref2: ConnectionSet.all() },
      { type: 'removed', source: 'a/z[Pod]', destination: 'a/x[Pod]', ref1: ConnectionSet.all(), ref2: ConnectionSet.none() },
    ])).split('\n');
    expect(diff).toContain('  n0 -->|"TCP 80 → TCP 80-81"| n1');
    expect(diff).toContain('  n1 ==>|"All Connections"| n2');
    expect(diff).toContain('  n2 -.->|"All Connections"| n0');
    expect(diff).toContain('  linkStyle 0 stroke:#9a6700,stroke-width:2px,stroke-dasharray:2 3');
    expect(diff).toContain('  linkStyle 1 stroke:#1a7f37,stroke-width:2px');
    expect(diff).toContain('  linkStyle 2 stroke:#cf222e,stroke-width:2px,stroke-dasharray:6 4');
    expect(diff).toContain('  subgraph legend["Legend"]');
    // The legend's three links are styled too, after the graph's.
    expect(diff.filter((l) => l.startsWith('  linkStyle '))).toHaveLength(6);
  });
});

test('a diff without changes is one node that says so', () => {
  expect(toMermaid(diffGraph([]))).toBe('flowchart LR\n  none["No connection is added, removed or changed"]\n');
});

describe('label', () => {
  test('turns every character that could end a label or a link into an entity code', () => {
    expect(label('a"b')).toBe('"a#quot;b"');
    expect(label('x|y')).toBe('"x#124;y"');
    expect(label('<b>#1</b>')).toBe('"#lt;b#gt;#35;1#lt;/b#gt;"');
  });
});
