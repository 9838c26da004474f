import * as fc from 'fast-check';
import { EvaluatorOptions, Query, QueryEnd } from '../../src/eval/types';
import { Cluster, ContainerPortSpec } from '../../src/model/cluster';
import { readClusterPolicy } from '../../src/model/cluster-policy';
import { NetworkPolicyManifest } from '../../src/model/manifest';

/**
 * Random clusters for property tests: small label and port pools so that selectors, named
 * ports and ipBlocks overlap often, and every policy shape the API accepts (plus a few it
 * rejects, which must still evaluate identically).
 */

const NAMESPACES = ['x', 'y', 'z'];
/** Workloads and policies favour x, so that policies select workloads more often. */
const HOME_NAMESPACES = ['x', 'x', 'y', 'z'];
const POD_KEYS = ['app', 'tier', 'env'];
const NS_KEYS = ['team', 'env', 'kubernetes.io/metadata.name'];
const VALUES = ['a', 'b', 'x', 'y', ''];
const PORT_NAMES = ['http', 'dns', 'metrics', 'nope'];
const PORT_NUMBERS = [53, 80, 81, 8080, 9000];
const POD_IPS = ['10.0.0.1', '10.0.0.2', '10.0.1.5', '192.168.0.1', '172.16.0.9', 'fd00::1', 'fd00::2:1'];
const CIDRS = ['10.0.0.0/8', '10.0.0.0/24', '10.0.0.1/32', '0.0.0.0/0', '192.168.0.0/16', '10.0.0.7/16', 'fd00::/8', '::/0', 'fd00::2:0/112'];
const EXCEPTS = ['10.0.0.0/30', '10.0.1.0/24', '10.0.0.2/32', 'fd00::2:0/120', '10.0.0.0/16'];
export const PROBE_IPS = ['10.0.0.1', '10.0.0.3', '10.0.1.9', '10.200.0.1', '192.168.7.7', '8.8.8.8', '0.0.0.0', '255.255.255.255', 'fd00::1', 'fd00::2:5', '2001:db8::1'];
export const PROBE_PORTS = [1, 53, 80, 81, 82, 8080, 8081, 9000, 65535];

const labelsArb = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...VALUES), { maxKeys: 2 });

const requirementArb = (keys: string[], values: string[]) => fc.oneof(
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

const selectorArb = (keys: string[], values: string[]) => fc.record(
  {
    matchLabels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 2 }),
    matchExpressions: fc.array(requirementArb(keys, values), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const podSelectorArb = selectorArb(POD_KEYS, VALUES);
const namespaceSelectorArb = selectorArb(NS_KEYS, [...VALUES, ...NAMESPACES]);

const peerArb = fc.oneof(
  fc.record({ podSelector: podSelectorArb }),
  fc.record({ namespaceSelector: namespaceSelectorArb }),
  fc.record({ podSelector: podSelectorArb, namespaceSelector: namespaceSelectorArb }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom(...CIDRS), except: fc.uniqueArray(fc.constantFrom(...EXCEPTS), { maxLength: 2 }) }, { requiredKeys: ['cidr'] }) }),
);

const portArb = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'), port: fc.constantFrom(...PORT_NUMBERS), endPort: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] })
    .map((p) => (p.port !== undefined && p.endPort !== undefined ? { ...p, endPort: p.port + p.endPort } : { ...p, endPort: undefined }))
    .map(dropUndefined),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'), port: fc.constantFrom(...PORT_NAMES) }, { requiredKeys: ['port'] }),
);

/** A list that is missing, null, empty or has items: every "empty vs missing" spelling. */
const listArb = <T>(item: fc.Arbitrary<T>, maxLength: number) => fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant([] as T[]) },
  { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength }) },
);

const ruleArb = (peerKey: 'from' | 'to') => fc.record(
  { [peerKey]: listArb(peerArb, 2), ports: listArb(portArb, 2) } as Record<string, fc.Arbitrary<unknown>>,
).map(dropUndefined);

const policyArb = fc.record({
  namespace: fc.constantFrom(...HOME_NAMESPACES),
  podSelector: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant({}), podSelectorArb, podSelectorArb),
  policyTypes: fc.constantFrom(undefined, [], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']),
  ingress: listArb(ruleArb('from'), 2),
  egress: listArb(ruleArb('to'), 2),
});

const NETWORKS = ['10.0.0.0/8', '10.0.0.0/24', '10.0.0.1/32', '0.0.0.0/0', '192.168.0.0/16', 'fd00::/8', '::/0', '8.8.8.0/24'];

/** A cluster policy peer: ingress peers are only namespaces/pods; egress also networks, nodes, domainNames, and rarely an unknown field (B33). */
const clusterPeerArb = (direction: 'ingress' | 'egress') => fc.oneof(
  { weight: 3, arbitrary: fc.record({ namespaces: namespaceSelectorArb }) },
  { weight: 3, arbitrary: fc.record({ pods: fc.record({ namespaceSelector: namespaceSelectorArb, podSelector: podSelectorArb }, { requiredKeys: ['podSelector'] }) }) },
  { weight: direction === 'egress' ? 3 : 0, arbitrary: fc.record({ networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 2 }) }) },
  { weight: direction === 'egress' ? 2 : 0, arbitrary: fc.constantFrom({ nodes: {} }, { nodes: { matchLabels: { zone: 'a' } } }, { domainNames: ['example.com'] }, { domainNames: ['*.example.com'] }) },
  { weight: 1, arbitrary: fc.constant({ futurePeer: { x: 1 } }) },
);

const PROTOCOL_KEYS = ['tcp', 'udp', 'sctp'];
const v1alpha2PortArb = fc.oneof(
  fc.record({ p: fc.constantFrom(...PROTOCOL_KEYS), n: fc.constantFrom(...PORT_NUMBERS) })
    .map(({ p, n }) => ({ [p]: { destinationPort: { number: n } } })),
  fc.record({ p: fc.constantFrom(...PROTOCOL_KEYS), n: fc.constantFrom(...PORT_NUMBERS), w: fc.integer({ min: 1, max: 3 }) })
    .map(({ p, n, w }) => ({ [p]: { destinationPort: { range: { start: n, end: n + w } } } })),
  fc.constantFrom(...PORT_NAMES).map((name) => ({ destinationNamedPort: name })),
);
const v1alpha1PortArb = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP', 'ICMP'), port: fc.constantFrom(...PORT_NUMBERS) }, { requiredKeys: ['port'] }).map((portNumber) => ({ portNumber })),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'), start: fc.constantFrom(...PORT_NUMBERS), end: fc.constantFrom(...PORT_NUMBERS) }, { requiredKeys: ['start', 'end'] })
    .map((portRange) => ({ portRange })),
  fc.constantFrom(...PORT_NAMES).map((namedPort) => ({ namedPort })),
);

const clusterRuleArb = (direction: 'ingress' | 'egress', version: 'v1alpha1' | 'v1alpha2', actions: string[]) => fc.record({
  action: fc.constantFrom(...actions),
  peers: fc.array(clusterPeerArb(direction), { minLength: 1, maxLength: 2 }),
  ports: fc.option(fc.array<object>(version === 'v1alpha2' ? v1alpha2PortArb : v1alpha1PortArb as fc.Arbitrary<object>, { minLength: 1, maxLength: 2 }), { nil: undefined }),
}).map(({ action, peers, ports }) => dropUndefined({
  action,
  [direction === 'ingress' ? 'from' : 'to']: peers,
  [version === 'v1alpha2' ? 'protocols' : 'ports']: ports,
}));

const clusterSubjectArb = fc.oneof(
  fc.record({ namespaces: namespaceSelectorArb }),
  fc.record({ pods: fc.record({ namespaceSelector: namespaceSelectorArb, podSelector: podSelectorArb }, { requiredKeys: ['podSelector'] }) }),
);

/** A ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy object (the name is set by the cluster arbitrary). */
const clusterPolicyArb = fc.constantFrom('CNP-Admin', 'CNP-Baseline', 'ANP', 'BANP').chain((shape) => {
  const version = shape.startsWith('CNP') ? 'v1alpha2' as const : 'v1alpha1' as const;
  const actions = shape === 'BANP' ? ['Allow', 'Deny'] : version === 'v1alpha1' ? ['Allow', 'Deny', 'Pass'] : ['Accept', 'Deny', 'Pass'];
  return fc.record({
    priority: fc.constantFrom(0, 1, 1, 5, 1000),
    subject: clusterSubjectArb,
    ingress: fc.array(clusterRuleArb('ingress', version, actions), { maxLength: 2 }),
    egress: fc.array(clusterRuleArb('egress', version, actions), { maxLength: 2 }),
  }).map(({ priority, subject, ingress, egress }) => ({
    apiVersion: `policy.networking.k8s.io/${version}`,
    kind: shape === 'ANP' ? 'AdminNetworkPolicy' : shape === 'BANP' ? 'BaselineAdminNetworkPolicy' : 'ClusterNetworkPolicy',
    metadata: { name: shape === 'BANP' ? 'default' : '' },
    spec: dropUndefined({
      tier: shape === 'CNP-Admin' ? 'Admin' : shape === 'CNP-Baseline' ? 'Baseline' : undefined,
      priority: shape === 'BANP' ? undefined : priority,
      subject,
      ingress,
      egress,
    }),
  }));
});

const containerPortArb: fc.Arbitrary<ContainerPortSpec> = fc.record(
  { name: fc.constantFrom(...PORT_NAMES), port: fc.constantFrom(...PORT_NUMBERS), protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') },
  { requiredKeys: ['port', 'protocol'] },
) as fc.Arbitrary<ContainerPortSpec>;

const workloadArb = fc.record({
  namespace: fc.constantFrom(...HOME_NAMESPACES),
  labels: labelsArb(POD_KEYS),
  ports: fc.array(containerPortArb, { maxLength: 3 }),
  podIps: fc.uniqueArray(fc.constantFrom(...POD_IPS), { maxLength: 2 }),
  hostNetwork: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  // One pod (self traffic bypasses policy), several, or a count an autoscaler decides.
  replicas: fc.constantFrom(1 as const, 1 as const, 2 as const, 3 as const, 'unknown' as const),
});

export interface GeneratedCase {
  readonly cluster: Cluster;
  readonly options: EvaluatorOptions;
  readonly description: string;
}

/** A random cluster (namespaces, workloads, policies) and evaluator options. */
export const clusterArb: fc.Arbitrary<GeneratedCase> = fc.record({
  namespaces: fc.array(fc.record({ name: fc.constantFrom(...NAMESPACES), labels: labelsArb(['team', 'env']) }), { maxLength: 3 }),
  workloads: fc.array(workloadArb, { minLength: 2, maxLength: 5 }),
  policies: fc.array(policyArb, { maxLength: 4 }),
  clusterPolicies: fc.array(clusterPolicyArb, { maxLength: 3 }),
  nodes: fc.array(fc.record({
    zone: fc.constantFrom('a', 'b'),
    internal: fc.constantFrom(...POD_IPS, '8.8.8.8'),
    external: fc.constantFrom('203.0.113.5', '10.0.1.5', 'fd00::2:1'),
  }), { maxLength: 2 }),
  options: fc.record({
    nodeAddressTypes: fc.constantFrom(undefined, ['InternalIP'], ['ExternalIP', 'Hostname']),
    domainNameAddresses: fc.constantFrom(undefined, { 'example.com': ['8.8.8.8'] }, { 'api.example.com': ['10.0.0.1', '8.8.8.0/24'], 'example.com': ['fd00::1'] }),
    networksMatchPodIps: fc.boolean(),
    mixedApiVersions: fc.constantFrom('v1alpha1-first' as const, 'v1alpha2-first' as const),
    ipBlockMatchesPodIps: fc.boolean(),
    hostNetwork: fc.constantFrom('as-pod' as const, 'as-node' as const),
    selfTraffic: fc.constantFrom('allowed' as const, 'evaluated' as const),
    nodeEgressAlwaysAllowed: fc.boolean(),
  }),
}).map(({ namespaces, workloads, policies, clusterPolicies, nodes, options: rawOptions }) => {
  const options = dropUndefined(rawOptions) as EvaluatorOptions;
  const cluster = new Cluster();
  for (const ns of namespaces) cluster.addNamespace(ns.name, ns.labels);
  workloads.forEach((w, i) => cluster.addWorkload({ ...w, name: `w${i}`, kind: i % 2 === 0 ? 'Deployment' : 'Pod' }));
  policies.forEach((p, i) => {
    const manifest: NetworkPolicyManifest = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `p${i}`, namespace: p.namespace },
      spec: dropUndefined({ podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }) as any,
    };
    cluster.addPolicy(manifest);
  });
  nodes.forEach((n, i) => cluster.addNode({
    name: `n${i}`,
    labels: { zone: n.zone },
    addresses: [{ type: 'InternalIP', address: n.internal }, { type: 'ExternalIP', address: n.external }, { type: 'Hostname', address: `n${i}` }],
  }));
  clusterPolicies.forEach((p, i) => {
    const object = p.metadata.name === 'default' ? p : { ...p, metadata: { name: `c${i}` } };
    const reading = readClusterPolicy(object);
    if ('error' in reading) throw new Error(`generated an unreadable cluster policy: ${reading.error}`);
    cluster.addClusterPolicy(reading.policy);
  });
  const description = JSON.stringify({
    namespaces,
    workloads,
    policies: cluster.policies.map((p) => p.manifest),
    clusterPolicies: cluster.clusterPolicies.map((p) => p.manifest),
    nodes,
    options,
  });
  return { cluster, options, description };
});

const endpointArb = (workloadCount: number): fc.Arbitrary<QueryEnd> => fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: workloadCount - 1 }).map((i) => ({ workload: i }) as any) },
  { weight: 2, arbitrary: fc.constantFrom(...PROBE_IPS).map((ip) => ({ ip })) },
  { weight: 1, arbitrary: fc.constant({ internet: true as const }) },
  { weight: 1, arbitrary: fc.constant({ node: true as const }) },
);

/** Queries whose workload endpoints are indexes into the cluster's workloads (resolved by the test). */
export const queriesArb = (workloadCount: number): fc.Arbitrary<Query[]> => fc.array(
  fc.record({
    source: endpointArb(workloadCount),
    destination: endpointArb(workloadCount),
    protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
    port: fc.oneof(fc.constantFrom(...PROBE_PORTS), fc.integer({ min: 1, max: 65535 })),
  }),
  { minLength: 1, maxLength: 8 },
);

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
