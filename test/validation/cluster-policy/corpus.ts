import * as fc from 'fast-check';
import { Channel, ClusterPolicyKind } from '../../../src/validation/cluster-policy/crd-schemas';

/**
 * Objects for the agreement tests: valid ones written by hand for each kind and channel, and
 * invalid ones derived from them by one or two random edits (a field removed, a value of the
 * wrong type or out of range, a list emptied or overfilled, an unknown field added).
 */

const V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2';
const V1ALPHA1 = 'policy.networking.k8s.io/v1alpha1';

const selector = { matchLabels: { team: 'a' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] };

/** Valid objects of one kind in one channel (experimental-only fields only there). */
export function validObjects(kind: ClusterPolicyKind, channel: Channel): any[] {
  const experimental = channel === 'experimental';
  if (kind === 'ClusterNetworkPolicy') {
    const cnp = (name: string, spec: any) => ({ apiVersion: V1ALPHA2, kind, metadata: { name }, spec });
    return [
      cnp('minimal', { tier: 'Admin', priority: 0, subject: { namespaces: {} } }),
      cnp('empty-lists', { tier: 'Baseline', priority: 1000, subject: { pods: { podSelector: {} } }, ingress: [], egress: [] }),
      cnp('full', {
        tier: 'Admin',
        priority: 10,
        subject: { pods: { namespaceSelector: selector, podSelector: { matchLabels: { app: 'web' } } } },
        ingress: [
          {
            name: 'scrape',
            action: 'Accept',
            from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
            protocols: [{ tcp: { destinationPort: { number: 9090 } } }, { destinationNamedPort: 'metrics' }],
          },
          { action: 'Pass', from: [{ pods: { podSelector: {} } }, { namespaces: selector }] },
          {
            action: 'Deny',
            from: [{ pods: { namespaceSelector: {}, podSelector: selector } }],
            protocols: [{ udp: { destinationPort: { range: { start: 1, end: 65535 } } } }, { sctp: { destinationPort: { number: 1 } } }],
          },
        ],
        egress: [
          {
            name: 'dns',
            action: 'Accept',
            to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
            protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }],
          },
          { action: 'Deny', to: [{ networks: ['10.0.0.0/8', '2001:db8::/32', '192.168.1.1/24'] }] },
          ...(experimental ? [
            { action: 'Accept', to: [{ nodes: { matchLabels: { role: 'control-plane' } } }], protocols: [{ tcp: { destinationPort: { number: 6443 } } }] },
            { action: 'Accept', to: [{ domainNames: ['*.example.com', 'api.example.org.'] }] },
          ] : []),
        ],
      }),
      cnp('baseline-pass', {
        tier: 'Baseline',
        priority: 5,
        subject: { namespaces: selector },
        egress: [{ action: 'Pass', to: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }] }],
      }),
    ];
  }
  const anp = kind === 'AdminNetworkPolicy';
  const v1 = (name: string, spec: any) => ({ apiVersion: V1ALPHA1, kind, metadata: { name }, spec });
  const name = (n: string) => (anp ? n : 'default');
  return [
    v1(name('minimal'), { ...(anp ? { priority: 0 } : {}), subject: { namespaces: {} } }),
    v1(name('full'), {
      ...(anp ? { priority: 1000 } : {}),
      subject: { pods: { namespaceSelector: selector, podSelector: {} } },
      ingress: [
        {
          name: 'a',
          action: 'Allow',
          from: [{ namespaces: {} }, { pods: { namespaceSelector: {}, podSelector: selector } }],
          ports: [{ portNumber: { port: 80 } }, { portNumber: { protocol: 'UDP', port: 53 } }, { portRange: { start: 9000, end: 9010 } }],
        },
        { action: 'Deny', from: [{ namespaces: selector }] },
        ...(anp ? [{ action: 'Pass', from: [{ namespaces: {} }] }] : []),
      ],
      egress: [
        { action: 'Allow', to: [{ networks: ['0.0.0.0/0'] }], ports: [{ portRange: { protocol: 'SCTP', start: 1, end: 2 } }] },
        { action: 'Deny', to: [{ pods: { namespaceSelector: {}, podSelector: {} } }] },
        ...(experimental ? [
          { action: 'Allow', to: [{ nodes: {} }] },
          { action: 'Allow', to: [{ pods: { namespaceSelector: {}, podSelector: {} } }], ports: [{ namedPort: 'http' }] },
        ] : []),
        ...(experimental && anp ? [{ action: 'Allow', to: [{ domainNames: ['kubernetes.io'] }] }] : []),
      ],
    }),
  ];
}

/** Every path (as a list of keys) to a value in the object's spec, the spec included. */
function specPaths(value: any, prefix: (string | number)[] = ['spec']): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...specPaths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...specPaths(v, [...prefix, k]));
  return paths;
}

/** Replacement values that break one rule or another of the schema. */
const BAD_VALUES: unknown[] = [
  'x', 'Allow', 'Accept', 'admin', 'a'.repeat(101), '10.0.0.0/8', '_bad_.example', 'localhost', 'a'.repeat(44),
  -1, 0, 1, 1001, 65535, 65536, 1.5, true, [], [{}], {}, { extra: 1 }, Array.from({ length: 26 }, (_, i) => `10.${i}.0.0/16`),
];

type Edit = { kind: 'delete' | 'replace' | 'add' | 'twin' | 'lengthen' | 'grow'; pathIndex: number; valueIndex: number };

/** Members of the one-of objects, to give one a second member. */
const TWINS: [string, unknown][] = [
  ['namespaces', {}], ['pods', { namespaceSelector: {}, podSelector: {} }], ['networks', ['10.0.0.0/8']], ['number', 80],
  ['range', { start: 1, end: 2 }], ['tcp', { destinationPort: { number: 1 } }], ['destinationNamedPort', 'http'],
  ['portNumber', { protocol: 'TCP', port: 1 }], ['portRange', { start: 1, end: 2 }],
];

function applyEdit(object: any, edit: Edit): any {
  const copy = JSON.parse(JSON.stringify(object));
  const paths = specPaths(copy.spec);
  const path = paths[edit.pathIndex % paths.length];
  const parent = path.slice(0, -1).reduce((o: any, k) => o[k], copy);
  const key = path[path.length - 1];
  const target = parent[key];
  switch (edit.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'replace':
      parent[key] = BAD_VALUES[edit.valueIndex % BAD_VALUES.length];
      break;
    case 'add':
      // A field no schema knows (pruned before the members of a one-of are counted).
      if (target && typeof target === 'object' && !Array.isArray(target)) target[`unknown${edit.valueIndex % 3}`] = 1;
      break;
    case 'twin':
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        const [twinKey, twinValue] = TWINS[edit.valueIndex % TWINS.length];
        target[twinKey] = twinValue;
      }
      break;
    case 'lengthen':
      // Over the length limits: rule names (100) and CIDRs (43).
      if (typeof target === 'string') parent[key] = target.padEnd(edit.valueIndex % 2 === 0 ? 101 : 44, '0');
      break;
    case 'grow':
      if (Array.isArray(target) && target.length > 0) {
        const extra = edit.valueIndex % 2 === 0 ? 25 : 100;
        for (let i = 0; i < extra; i++) target.push(JSON.parse(JSON.stringify(target[i % target.length])));
      }
      break;
  }
  return copy;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'replace', 'add', 'twin', 'lengthen', 'grow'),
  pathIndex: fc.nat(),
  valueIndex: fc.nat(),
});

/** `count` objects, each a valid object with one or two random edits (a fixed seed: the same corpus every run). */
export function editedObjects(kind: ClusterPolicyKind, channel: Channel, count: number, seed: number): any[] {
  const bases = validObjects(kind, channel);
  return fc.sample(fc.tuple(fc.nat({ max: bases.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 2 })), { seed, numRuns: count })
    .map(([base, edits]) => edits.reduce(applyEdit, bases[base]));
}
