import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dumpCluster, writeJsonDump } from '../../bench/json-dump';
import { loadManifests } from '../../src/cli/load';
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';

describe('the kubectl -o json dump generator', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-dump-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('writes one List of namespaces, pods owned by ReplicaSets, and policies, which reads back as ten pods a workload', () => {
    const file = path.join(tmp, 'dump.json');
    const bytes = writeJsonDump(400, [file]);
    expect(fs.statSync(file).size).toBe(bytes);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true);
    const list = JSON.parse(text);
    const kinds = list.items.map((i: { kind: string }) => i.kind);
    const synthetic = dumpCluster(400);
    expect(kinds.filter((k: string) => k === 'Pod')).toHaveLength(400);
    expect(kinds.filter((k: string) => k === 'Namespace')).toHaveLength(synthetic.namespaces.length);
    expect(kinds.filter((k: string) => k === 'NetworkPolicy')).toHaveLength(synthetic.policies.length);
    const pod = list.items.find((i: { kind: string }) => i.kind === 'Pod');
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ kind: 'ReplicaSet', controller: true });
    expect(pod.status.podIPs[0].ip).toBe(pod.status.podIP);

    const loaded = loadManifests([file]);
    expect(loaded.problems).toEqual([]);
    const { cluster } = clusterFromManifests(loaded.objects.map((o) => ({ object: o.object })));
    expect(cluster.workloads).toHaveLength(40);
    expect(cluster.workloads.every((w) => w.kind === 'ReplicaSet' && w.replicas === 10 && w.podIps.length === 10)).toBe(true);
  });

  test('split into several Lists, the same items in the same order', () => {
    const whole = path.join(tmp, 'dump.json');
    writeJsonDump(100, [whole]);
    const parts = [0, 1, 2].map((i) => path.join(tmp, `part-${i}.json`));
    writeJsonDump(100, parts);
    const items = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')).items;
    const split = parts.map(items);
    expect(split.every((p) => p.length > 0)).toBe(true);
    expect(split.flat()).toEqual(items(whole));
  });
});
