import { clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { podEssentials } from '../../src/model/pod-essentials';

const pod = (name: string, ip: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'shop',
    uid: 'u',
    labels: { app: 'web' },
    annotations: { a: 'b' },
    ownerReferences: [{ kind: 'Node', name: 'n1', controller: false }, { kind: 'ReplicaSet', name: 'web-1', controller: true }],
  },
  spec: { nodeName: 'n1', hostNetwork: false, containers: [{ name: 'main', image: 'web:1', env: [{ name: 'A', value: 'B' }], ports: [{ containerPort: 80, name: 'http' }] }] },
  status: { phase: 'Running', hostIP: '192.168.0.1', podIP: ip, podIPs: [{ ip }, { ip: 'fd00::1' }], conditions: [] },
  ...extra,
});

describe('podEssentials', () => {
  test('keeps what evaluation reads and nothing else', () => {
    expect(podEssentials(pod('web-a', '10.0.0.1'))).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-a', namespace: 'shop', labels: { app: 'web' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', controller: true }] },
      spec: { hostNetwork: false, containers: [{ ports: [{ containerPort: 80, name: 'http' }] }] },
      status: { podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] },
    });
  });

  test('the cluster built from the essentials of pods is the one built from the pods, odd shapes included', () => {
    const pods = [
      pod('web-a', '10.0.0.1'),
      pod('web-b', '10.0.0.2'),
      pod('web-c', '10.0.0.2'),
      pod('bare', '10.0.0.9', { metadata: { name: 'bare', labels: { tier: 7 } } }),
      pod('odd', '10.0.0.8', { spec: 'not a map', status: null }),
      pod('host', '192.168.0.5', { metadata: { name: 'host' }, spec: { hostNetwork: true, containers: [{ ports: [{ containerPort: 'x' }] }] } }),
    ];
    const doc = (object: unknown) => ({ object, source: { file: 'dump.json', line: 1 } });
    const full = clusterFromManifests(pods.map(doc));
    const slim = clusterFromManifests(pods.map((p) => doc(podEssentials(p))));
    expect(slim.cluster.workloads).toEqual(full.cluster.workloads);
    expect(slim.warnings).toEqual(full.warnings);
    expect(full.cluster.workloads.find((w) => w.name === 'web-1')?.podIps).toEqual(['10.0.0.1', 'fd00::1', '10.0.0.2']);
  });
});
