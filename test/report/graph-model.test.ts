import { ConnectionSet } from '../../src/model/connection-set';
import { DiffEntry } from '../../src/report/connectivity-diff';
import { connlistGraph, diffGraph, EXTERNAL_GROUP, graphNamespaces, namespaceGraph, peerNamespace } from '../../src/report/graph-model';

const tcp = (port: number) => ConnectionSet.ports('TCP', port);

describe('peerNamespace', () => {
  test('is the part before the slash of a workload, and undefined for an external range', () => {
    expect(peerNamespace('shop/web[Deployment]')).toBe('shop');
    expect(peerNamespace('10.0.0.0-10.255.255.255[External]')).toBeUndefined();
    expect(peerNamespace('::-ffff:ffff[External]')).toBeUndefined();
  });
});

describe('connlistGraph', () => {
  const graph = connlistGraph([
    { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 8080' },
    { source: 'shop/api[Deployment]', destination: 'shop/web[Deployment]', connections: 'TCP 8080' },
    { source: 'shop/web[Deployment]', destination: 'infra/dns[Deployment]', connections: 'UDP 53' },
    { source: 'infra/dns[Deployment]', destination: 'shop/web[Deployment]', connections: 'TCP 80' },
    { source: 'shop/web[Deployment]', destination: '0.0.0.0-255.255.255.255[External]', connections: 'TCP 443' },
  ], ['shop/idle[Pod]']);

  test('has every peer once, workloads by namespace first, external ranges last, with labels without the namespace', () => {
    expect(graph.nodes.map((n) => n.peer)).toEqual([
      'infra/dns[Deployment]', 'shop/api[Deployment]', 'shop/idle[Pod]', 'shop/web[Deployment]', '0.0.0.0-255.255.255.255[External]',
    ]);
    expect(graph.nodes.map((n) => n.label)).toEqual(['dns[Deployment]', 'api[Deployment]', 'idle[Pod]', 'web[Deployment]', '0.0.0.0-255.255.255.255']);
    expect(graphNamespaces(graph)).toEqual(['infra', 'shop']);
  });

  test('merges the two directions of a pair with equal connections into one edge, and keeps different ones apart', () => {
    expect(graph.edges.map((e) => [e.source, e.destination, e.label, e.bothWays])).toEqual([
      ['infra/dns[Deployment]', 'shop/web[Deployment]', 'TCP 80', false],
      ['shop/api[Deployment]', 'shop/web[Deployment]', 'TCP 8080', true],
      ['shop/web[Deployment]', '0.0.0.0-255.255.255.255[External]', 'TCP 443', false],
      ['shop/web[Deployment]', 'infra/dns[Deployment]', 'UDP 53', false],
    ]);
    expect(graph.isDiff).toBe(false);
  });

  test('aggregates to namespaces, counting workload pairs per direction, external ranges as one group', () => {
    const ns = namespaceGraph(graph);
    expect(ns.nodes.map((n) => n.peer)).toEqual([EXTERNAL_GROUP, 'infra', 'shop']);
    expect(ns.edges.map((e) => `${e.source}>${e.destination}:${e.label}:${e.bothWays}`)).toEqual([
      'infra>shop:1 pair:true',
      'shop>(external):1 pair:false',
      'shop>shop:2 pairs:false',
    ]);
  });
});

describe('diffGraph', () => {
  const entry = (type: DiffEntry['type'], source: string, destination: string, ref1: ConnectionSet, ref2: ConnectionSet): DiffEntry =>
    ({ type, source, destination, ref1, ref2 });
  const graph = diffGraph([
    entry('changed', 'shop/web[Deployment]', 'shop/api[Deployment]', tcp(8080), tcp(8080).union(tcp(8443))),
    entry('added', 'pay/gw[Deployment]', 'shop/api[Deployment]', ConnectionSet.none(), tcp(8080)),
    entry('removed', 'shop/api[Deployment]', 'shop/db[Deployment]', tcp(5432), ConnectionSet.none()),
    entry('added', 'shop/api[Deployment]', 'pay/gw[Deployment]', ConnectionSet.none(), tcp(8080)),
  ]);

  test('labels added edges with the new set, removed with the old, changed with both', () => {
    expect(graph.isDiff).toBe(true);
    expect(graph.edges.map((e) => [e.source, e.destination, e.change, e.label, e.bothWays])).toEqual([
      ['pay/gw[Deployment]', 'shop/api[Deployment]', 'added', 'TCP 8080', true],
      ['shop/api[Deployment]', 'shop/db[Deployment]', 'removed', 'TCP 5432', false],
      ['shop/web[Deployment]', 'shop/api[Deployment]', 'changed', 'TCP 8080 → TCP 8080,8443', false],
    ]);
  });

  test('a namespace edge is marked with its one kind of change, or changed when the kinds mix', () => {
    const ns = namespaceGraph(graph);
    expect(ns.edges.map((e) => `${e.source}>${e.destination}:${e.label}:${e.change}:${e.bothWays}`)).toEqual([
      'pay>shop:+1:added:true',
      'shop>shop:−1 ~1:changed:false',
    ]);
  });
});
