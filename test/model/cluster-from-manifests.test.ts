import { workloadKey } from '../../src/model/cluster';
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';

const doc = (object: unknown, file = 'app.yaml', line = 1) => ({ object, source: { file, line } });
const keys = (objects: unknown[]) => clusterFromManifests(objects.map((o) => doc(o))).cluster.workloads.map(workloadKey);

describe('clusterFromManifests', () => {
  test('reads namespaces, workloads and policies; objects without a namespace are in default', () => {
    const { cluster, warnings } = clusterFromManifests([
      doc({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } }),
      doc({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] }] } } } }),
      doc({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: {} }, 'np.yaml', 7),
    ]);
    expect(warnings).toEqual([]);
    expect(cluster.workloads).toEqual([{
      namespace: 'shop',
      name: 'web',
      kind: 'Deployment',
      labels: { app: 'web' },
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }],
      podIps: [],
      hostNetwork: false,
      replicas: 1,
      source: { file: 'app.yaml', line: 1 },
    }]);
    expect(cluster.policies.map((p) => [p.namespace, p.name, p.source])).toEqual([['default', 'deny', { file: 'np.yaml', line: 7 }]]);
    expect(cluster.policies[0].manifest.metadata?.namespace).toBe('default');
    expect(cluster.namespaceLabels('shop')).toEqual({ 'team': 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(cluster.namespaceLabels('default')).toEqual({ 'kubernetes.io/metadata.name': 'default' });
  });

  test('every workload kind reads its pod template; CronJob at spec.jobTemplate.spec.template', () => {
    const template = (app: string) => ({ template: { metadata: { labels: { app } }, spec: { containers: [] } } });
    const kinds = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job'];
    const { cluster } = clusterFromManifests([
      ...kinds.map((kind) => doc({ apiVersion: 'v1', kind, metadata: { name: kind.toLowerCase() }, spec: template(kind) })),
      doc({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cron' }, spec: { jobTemplate: { spec: template('cron') } } }),
      doc({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: {} }),
      doc({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }),
    ]);
    expect(cluster.workloads.map((w) => `${workloadKey(w)} app=${w.labels.app}`)).toEqual([
      ...kinds.map((kind) => `default/${kind.toLowerCase()}[${kind}] app=${kind}`),
      'default/cron[CronJob] app=cron',
    ]);
  });

  test('Pods are grouped under their controller owner; a missing owner kind prints as Pod; Node owners do not count', () => {
    const pod = (name: string, ownerReferences?: unknown, ip?: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'x', labels: { app: 'a' }, ownerReferences },
      spec: { containers: [] },
      status: ip ? { podIP: ip, podIPs: [{ ip }] } : {},
    });
    const { cluster } = clusterFromManifests([
      doc(pod('web-1', [{ kind: 'ReplicaSet', name: 'web-7d77', controller: true }], '10.0.0.1')),
      doc(pod('web-2', [{ kind: 'ReplicaSet', name: 'web-7d77', controller: true }], '10.0.0.2')),
      doc(pod('anon', [{ name: 'owner-without-kind', controller: true }])),
      doc(pod('static', [{ kind: 'Node', name: 'node-1', controller: true }])),
      doc(pod('not-controller', [{ kind: 'ReplicaSet', name: 'rs', controller: false }])),
    ]);
    expect(cluster.workloads.map((w) => `${workloadKey(w)} ${w.podIps.join(',')}`)).toEqual([
      'x/web-7d77[ReplicaSet] 10.0.0.1,10.0.0.2',
      'x/owner-without-kind[Pod] ',
      'x/static[Pod] ',
      'x/not-controller[Pod] ',
    ]);
  });

  test('pod IPs come from status.podIPs and status.podIP; hostNetwork is read', () => {
    const { cluster } = clusterFromManifests([doc({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { hostNetwork: true, containers: [{ ports: [{ containerPort: 9, protocol: 'SCTP', name: 'x' }] }] },
      status: { podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.9' }, { ip: 'fd00::9' }] },
    })]);
    expect(cluster.workloads[0]).toMatchObject({ podIps: ['10.0.0.9', 'fd00::9'], hostNetwork: true, ports: [{ name: 'x', port: 9, protocol: 'SCTP' }] });
  });

  test('List and *List objects are flattened; typed list items may omit kind', () => {
    expect(keys([
      { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }] },
      { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'b' } }] },
    ])).toEqual(['default/a[Pod]', 'default/b[Pod]']);
  });

  test('documents without apiVersion or kind are skipped with a warning naming the file', () => {
    const { cluster, warnings } = clusterFromManifests([doc({ items: [] }, 'connlist_output.json', 1), doc(null), doc('text')]);
    expect(cluster.workloads).toEqual([]);
    expect(warnings).toEqual([
      'Skipped a document in connlist_output.json:1 without apiVersion/kind: it is not a Kubernetes object.',
      'Skipped a document in app.yaml:1 that is not an object.',
    ]);
  });

  test('pods of one workload with different labels keep the first labels and warn', () => {
    const pod = (name: string, app: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app }, ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true }] } });
    const { cluster, warnings } = clusterFromManifests([doc(pod('p1', 'a')), doc(pod('p2', 'b'))]);
    expect(cluster.workloads[0].labels).toEqual({ app: 'a' });
    expect(warnings).toEqual([expect.stringContaining('Pod p2 in app.yaml:1 belongs to default/rs[ReplicaSet] but its labels differ')]);
  });

  test('a second policy with the same namespace and name replaces the first, with a warning', () => {
    const np = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'x' }, spec: {} };
    const { cluster, warnings } = clusterFromManifests([doc(np, 'a.yaml', 1), doc(np, 'b.yaml', 3)]);
    expect(cluster.policies).toHaveLength(1);
    expect(cluster.policies[0].source).toEqual({ file: 'b.yaml', line: 3 });
    expect(warnings).toEqual(['NetworkPolicy x/p in b.yaml:3 replaces the one with the same namespace and name in a.yaml:1.']);
  });

  test('malformed shapes never throw: odd labels, ports and owners are reported', () => {
    const { cluster, warnings } = clusterFromManifests([
      doc({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { version: 2, ok: 'yes', bad: { a: 1 } }, ownerReferences: 'nope' },
        spec: { containers: [{ ports: [{ containerPort: 'http' }, { containerPort: 1, protocol: 'ICMP' }] }, null] },
      }),
      doc({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: null }),
      doc({ apiVersion: 'v1', kind: 'Namespace', metadata: {} }),
      doc({ apiVersion: 'v1', kind: 'Pod' }),
    ]);
    expect(cluster.workloads.map(workloadKey)).toEqual(['default/p[Pod]', 'default/d[Deployment]']);
    expect(cluster.workloads[0].labels).toEqual({ version: '2', ok: 'yes' });
    expect(warnings).toEqual([
      'Pod p in app.yaml:1 pod labels: label "version" has the non-string value 2; read as "2" (quote it in YAML).',
      'Pod p in app.yaml:1 pod labels: label "bad" has the value {"a":1}, which is not a string; ignored.',
      'Pod p in app.yaml:1: container port {"containerPort":"http"} has no numeric containerPort; ignored.',
      'Pod p in app.yaml:1: container port 1 has the unsupported protocol "ICMP"; ignored.',
      'Skipped a Namespace in app.yaml:1 without metadata.name.',
      'Skipped a Pod in app.yaml:1 without metadata.name.',
    ]);
  });

  test('the default namespace can be changed', () => {
    const { cluster } = clusterFromManifests([doc({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } })], { defaultNamespace: 'team' });
    expect(cluster.workloads.map(workloadKey)).toEqual(['team/a[Pod]']);
  });
});
