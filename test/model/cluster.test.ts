import { Cluster } from '../../src/model/cluster';

describe('Cluster', () => {
  test('namespaces are implied by workloads and policies and always carry their name label', () => {
    const cluster = new Cluster();
    cluster.addWorkload({ namespace: 'shop', name: 'web' });
    cluster.addPolicy({ metadata: { name: 'deny' }, spec: {} });
    expect(cluster.namespaces).toEqual([
      { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
    ]);
    expect(cluster.policies[0].namespace).toBe('default');
  });

  test('declared labels merge, and the name label cannot be overridden', () => {
    const cluster = new Cluster();
    cluster.addNamespace('shop', { 'team': 'a', 'kubernetes.io/metadata.name': 'other' });
    cluster.addNamespace('shop', { env: 'prod' });
    expect(cluster.namespaceLabels('shop')).toEqual({ 'team': 'a', 'env': 'prod', 'kubernetes.io/metadata.name': 'shop' });
    expect(cluster.namespaceLabels('unknown')).toEqual({ 'kubernetes.io/metadata.name': 'unknown' });
  });

  test('workload defaults: namespace default, kind Pod, one replica, no labels, ports or IPs', () => {
    const w = new Cluster().addWorkload({ name: 'a' });
    expect(w).toEqual({ namespace: 'default', name: 'a', kind: 'Pod', labels: {}, ports: [], podIps: [], hostNetwork: false, replicas: 1 });
  });

  test('a duplicate workload is rejected with the key and a fix', () => {
    const cluster = new Cluster();
    cluster.addWorkload({ namespace: 'x', name: 'a', kind: 'Deployment' });
    expect(() => cluster.addWorkload({ namespace: 'x', name: 'a', kind: 'Deployment' }))
      .toThrow('Workload "x/a[Deployment]" is already in the cluster: give each workload a unique namespace/name/kind.');
  });

  test('a policy with the same namespace and name replaces the earlier one', () => {
    const cluster = new Cluster();
    cluster.addPolicy({ metadata: { name: 'p', namespace: 'x' }, spec: { podSelector: {} } });
    cluster.addPolicy({ metadata: { name: 'p', namespace: 'x' }, spec: { podSelector: { matchLabels: { a: 'b' } } } });
    expect(cluster.policies).toHaveLength(1);
    expect(cluster.policies[0].manifest.spec?.podSelector).toEqual({ matchLabels: { a: 'b' } });
  });

  test('findWorkload accepts ns/name[Kind], ns/name and a bare name in default', () => {
    const cluster = new Cluster();
    const a = cluster.addWorkload({ namespace: 'x', name: 'a', kind: 'Deployment' });
    const b = cluster.addWorkload({ name: 'b' });
    expect(cluster.findWorkload('x/a[Deployment]')).toBe(a);
    expect(cluster.findWorkload('x/a')).toBe(a);
    expect(cluster.findWorkload('b')).toBe(b);
    expect(cluster.findWorkload('x/zz')).toBeUndefined();
  });

  test('findWorkload refuses an ambiguous ns/name', () => {
    const cluster = new Cluster();
    cluster.addWorkload({ namespace: 'x', name: 'a', kind: 'Deployment' });
    cluster.addWorkload({ namespace: 'x', name: 'a', kind: 'StatefulSet' });
    expect(() => cluster.findWorkload('x/a')).toThrow('Workload "x/a" is ambiguous: x/a[Deployment], x/a[StatefulSet]. Use the full "ns/name[Kind]" form.');
  });
});
