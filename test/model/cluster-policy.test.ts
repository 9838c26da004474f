import { clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { readClusterPolicy } from '../../src/model/cluster-policy';

const subject = { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } };

describe('readClusterPolicy', () => {
  test('reads v1alpha2 and v1alpha1 spellings of one policy into the same rules', () => {
    const v2 = readClusterPolicy({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'p' },
      spec: {
        tier: 'Admin',
        priority: 3,
        subject,
        egress: [{
          name: 'dns',
          action: 'Accept',
          to: [{ namespaces: {} }, { networks: ['10.0.0.0/8'] }],
          protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }, { destinationNamedPort: 'http' }],
        }],
      },
    });
    const v1 = readClusterPolicy({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'p' },
      spec: {
        priority: 3,
        subject,
        egress: [{
          name: 'dns',
          action: 'Allow',
          to: [{ namespaces: {} }, { networks: ['10.0.0.0/8'] }],
          ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portRange: { start: 8000, end: 8080 } }, { namedPort: 'http' }],
        }],
      },
    });
    if ('error' in v1 || 'error' in v2) throw new Error('unreadable');
    expect(v2.policy.tier).toBe('Admin');
    expect(v1.policy.tier).toBe('Admin');
    const { writtenAction: w2, ...rule2 } = v2.policy.egress[0];
    const { writtenAction: w1, ...rule1 } = v1.policy.egress[0];
    expect(rule1).toEqual(rule2);
    expect([w1, w2]).toEqual(['Allow', 'Accept']);
    expect(rule2.ports).toEqual([
      { kind: 'range', index: 0, protocol: 'UDP', first: 53, last: 53 },
      { kind: 'range', index: 1, protocol: 'TCP', first: 8000, last: 8080 },
      { kind: 'named', index: 2, name: 'http' },
    ]);
  });

  test('a BaselineAdminNetworkPolicy is the Baseline tier with no priority; a pods namespaceSelector left out means every namespace', () => {
    const reading = readClusterPolicy({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: { subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ pods: { podSelector: {} } }] }] },
    });
    if ('error' in reading) throw new Error(reading.error);
    expect(reading.policy.tier).toBe('Baseline');
    expect(reading.policy.priority).toBeUndefined();
    expect(reading.policy.ingress[0].peers[0]).toEqual({ kind: 'pods', index: 0, namespaceSelector: {}, podSelector: {} });
  });

  test('v1alpha1 protocols other than TCP, UDP and SCTP are kept as matching nothing (I8)', () => {
    const reading = readClusterPolicy({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'p' },
      spec: { priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }], ports: [{ portNumber: { protocol: 'ICMP', port: 1 } }] }] },
    });
    if ('error' in reading) throw new Error(reading.error);
    expect(reading.policy.ingress[0].ports).toEqual([{ kind: 'range', index: 0, first: 1, last: 1 }]);
  });

  test.each([
    [{ tier: 'admin', priority: 1, subject: { namespaces: {} } }, 'spec.tier: Unsupported value: "admin": write "Admin" or "Baseline"'],
    [{ tier: 'Admin', priority: 1001, subject: { namespaces: {} } }, 'spec.priority: Invalid value: 1001: write a whole number from 0 to 1000'],
    [{ tier: 'Admin', priority: 1, subject: {} }, 'spec.subject: set exactly one of "namespaces" or "pods"'],
    [{ tier: 'Admin', priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: {} }] }] },
      'spec.ingress[0].action: Unsupported value: "Allow": write "Accept", "Deny", "Pass"'],
    [{ tier: 'Admin', priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [] }] }, 'spec.egress[0].to: Required value: list at least one peer'],
  ])('an object it cannot evaluate gets the field path and what to write: %j', (spec, message) => {
    const reading = readClusterPolicy({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'p' }, spec });
    expect('error' in reading && reading.error).toContain(message);
  });
});

describe('clusterFromManifests with cluster policies', () => {
  test('fills the cluster policies, replaces one of the same kind and name with a warning, and skips unreadable ones with a warning', () => {
    const cnp = (name: string, priority: number) => ({
      apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier: 'Baseline', priority, subject: { namespaces: {} } },
    });
    const { cluster, warnings } = clusterFromManifests([
      { object: cnp('a', 1), source: { file: 'a.yaml', line: 1 } },
      { object: cnp('a', 2), source: { file: 'a.yaml', line: 9 } },
      { object: { ...cnp('b', 1), spec: { tier: 'Baseline', subject: { namespaces: {} } } }, source: { file: 'b.yaml', line: 1 } },
    ]);
    expect(cluster.clusterPolicies.map((p) => `${p.name}:${p.priority}`)).toEqual(['a:2']);
    expect(warnings).toEqual([
      'ClusterNetworkPolicy a in a.yaml:9 replaces the one with the same kind and name in a.yaml:1.',
      'Skipped ClusterNetworkPolicy b in b.yaml:1, which cannot be evaluated: spec.priority: Required value: write a whole number from 0 to 1000 (lower numbers are evaluated first).',
    ]);
  });
});
