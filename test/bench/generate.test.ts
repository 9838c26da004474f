import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { generateCluster, generateClusterPolicies, SYSTEM_NAMESPACES, toCluster } from '../../bench/generate';
import { writeYamlFolder } from '../../bench/yaml-files';
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { readClusterPolicy } from '../../src/model/cluster-policy';
import { NetworkPolicyManifest } from '../../src/model/manifest';
import { validateNetworkPolicy } from '../../src/validation/network-policy';

const SIZE = { workloads: 300, policies: 120, namespaces: 12, seed: 42 };

describe('the synthetic cluster generator', () => {
  test('the same seed gives the same cluster', () => {
    expect(generateCluster(SIZE)).toEqual(generateCluster(SIZE));
  });

  test('a different seed gives a different cluster of the same size', () => {
    const a = generateCluster(SIZE);
    const b = generateCluster({ ...SIZE, seed: 43 });
    expect(b).not.toEqual(a);
    expect(b.workloads).toHaveLength(a.workloads.length);
    expect(b.policies).toHaveLength(a.policies.length);
  });

  test('produces exactly the requested numbers of workloads, policies and namespaces', () => {
    const cluster = generateCluster(SIZE);
    expect(cluster.workloads).toHaveLength(300);
    expect(cluster.policies).toHaveLength(120);
    expect(cluster.namespaces).toHaveLength(12);
    expect(cluster.namespaces.slice(0, SYSTEM_NAMESPACES.length).map((n) => n.name)).toEqual(SYSTEM_NAMESPACES);
  });

  test('workload keys and pod IPs are unique', () => {
    const cluster = generateCluster(SIZE);
    const keys = cluster.workloads.map((w) => `${w.namespace}/${w.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(cluster.workloads.map((w) => w.podIp)).size).toBe(keys.length);
  });

  test('every generated policy is one the API server accepts', () => {
    const problems = generateCluster(SIZE).policies.flatMap((p) =>
      validateNetworkPolicy(p, { strictCidr: true })
        .filter((d) => d.severity === 'error')
        .map((d) => `${p.metadata?.namespace}/${p.metadata?.name}: ${d.fieldPath}: ${d.message}`));
    expect(problems).toEqual([]);
  });

  test('the policy mix uses every feature the benchmark is meant to exercise', () => {
    const policies = generateCluster(SIZE).policies;
    const peers = policies.flatMap((p) => [
      ...(p.spec?.ingress ?? []).flatMap((r) => r.from ?? []),
      ...(p.spec?.egress ?? []).flatMap((r) => r.to ?? []),
    ]);
    const ports = policies.flatMap((p) => [
      ...(p.spec?.ingress ?? []).flatMap((r) => r.ports ?? []),
      ...(p.spec?.egress ?? []).flatMap((r) => r.ports ?? []),
    ]);
    const operators = new Set(policies.flatMap((p) => selectorsOf(p).flatMap((s) => (s.matchExpressions ?? []).map((e) => e.operator))));

    expect(policies.some(isDefaultDeny)).toBe(true);
    expect(peers.some((p) => p.podSelector && !p.namespaceSelector)).toBe(true);
    expect(peers.some((p) => p.namespaceSelector && !p.podSelector)).toBe(true);
    expect(peers.some((p) => p.namespaceSelector && p.podSelector)).toBe(true);
    expect(peers.some((p) => (p.ipBlock?.except ?? []).length > 0)).toBe(true);
    expect([...operators].sort()).toEqual(['DoesNotExist', 'Exists', 'In', 'NotIn']);
    expect(ports.some((p) => typeof p.port === 'string')).toBe(true);
    expect(ports.some((p) => typeof p.port === 'number' && p.endPort === undefined)).toBe(true);
    expect(ports.some((p) => p.endPort !== undefined)).toBe(true);
    expect(ports.some((p) => p.protocol === 'UDP' && p.port === 53)).toBe(true);
  });

  test('no namespace has two policies with the same spec, even when it gets more policies than there are templates', () => {
    const policies = generateCluster({ workloads: 1000, policies: 1000, namespaces: 40 }).policies;
    const specs = policies.map((p) => `${p.metadata?.namespace} ${JSON.stringify(p.spec)}`);
    expect(specs.filter((s, i) => specs.indexOf(s) !== i)).toEqual([]);
  });

  test('refuses a namespace count that leaves no room for applications, saying what it needs', () => {
    expect(() => generateCluster({ workloads: 10, policies: 5, namespaces: 3 }))
      .toThrow('A synthetic cluster needs at least 4 namespaces, got 3.');
  });

  test('the YAML folder describes the same cluster as the in-memory model', () => {
    const synthetic = generateCluster(SIZE);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'generate-test-'));
    try {
      const files = writeYamlFolder(synthetic, dir);
      expect(files).toHaveLength(SIZE.namespaces);
      const docs = files.flatMap((f) => parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => ({ object: d.toJS() })));
      const { cluster, warnings } = clusterFromManifests(docs);
      const model = toCluster(synthetic);
      expect(warnings).toEqual([]);
      expect(byKey(cluster.workloads.map((w) => [`${w.namespace}/${w.name}[${w.kind}]`, { labels: w.labels, ports: w.ports }])))
        .toEqual(byKey(model.workloads.map((w) => [`${w.namespace}/${w.name}[${w.kind}]`, { labels: w.labels, ports: w.ports }])));
      expect(byKey(cluster.policies.map((p) => [`${p.namespace}/${p.name}`, p.manifest.spec])))
        .toEqual(byKey(model.policies.map((p) => [`${p.namespace}/${p.name}`, p.manifest.spec])));
      expect(cluster.namespaces.map((n) => n.labels)).toEqual(model.namespaces.map((n) => n.labels));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Entries sorted by key, so that the order files are read in does not matter. */
function byKey(entries: [string, unknown][]): [string, unknown][] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function isDefaultDeny(p: NetworkPolicyManifest): boolean {
  const spec = p.spec ?? {};
  return Object.keys(spec.podSelector ?? {}).length === 0 && !spec.ingress && !spec.egress
    && (spec.policyTypes ?? []).includes('Ingress');
}

function selectorsOf(p: NetworkPolicyManifest) {
  const peers = [...(p.spec?.ingress ?? []).flatMap((r) => r.from ?? []), ...(p.spec?.egress ?? []).flatMap((r) => r.to ?? [])];
  return [
    p.spec?.podSelector ?? {},
    ...peers.flatMap((peer) => [peer.podSelector, peer.namespaceSelector].filter((s) => s !== undefined && s !== null)),
  ].filter((s): s is NonNullable<typeof s> => s !== undefined && s !== null);
}

describe('generateClusterPolicies', () => {
  test('gives the requested number of Admin-tier policies with distinct priorities and one Baseline policy, all readable', () => {
    const synthetic = generateCluster({ workloads: 200, policies: 80, namespaces: 12 });
    const objects = generateClusterPolicies(synthetic, 20);
    const policies = objects.map((o) => {
      const reading = readClusterPolicy(o);
      if ('error' in reading) throw new Error(reading.error);
      return reading.policy;
    });
    const admin = policies.filter((p) => p.tier === 'Admin');
    expect(admin).toHaveLength(20);
    expect(new Set(admin.map((p) => p.priority)).size).toBe(20);
    expect(policies.filter((p) => p.tier === 'Baseline')).toHaveLength(1);
    expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
  });
});
