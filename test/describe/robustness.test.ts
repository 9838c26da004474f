import * as fc from 'fast-check';
import { describePolicy } from '../../src/describe/describe-policy';
import { NetworkPolicyManifest } from '../../src/model/manifest';
import { propertyRuns } from '../property-runs';

// Anything a YAML file can hold, placed where a NetworkPolicy's fields go.
const value = fc.jsonValue({ maxDepth: 3 });
const requirement = fc.record({ key: value, operator: value, values: value }, { requiredKeys: [] });
const selector = fc.oneof(value, fc.record({ matchLabels: value, matchExpressions: fc.oneof(value, fc.array(requirement)) }, { requiredKeys: [] }));
const ipBlock = fc.oneof(value, fc.record({ cidr: value, except: value }, { requiredKeys: [] }));
const peer = fc.oneof(value, fc.record({ podSelector: selector, namespaceSelector: selector, ipBlock }, { requiredKeys: [] }));
const port = fc.oneof(value, fc.record({ port: value, endPort: value, protocol: value }, { requiredKeys: [] }));
const rule = fc.oneof(value, fc.record({
  from: fc.oneof(value, fc.array(peer)),
  to: fc.oneof(value, fc.array(peer)),
  ports: fc.oneof(value, fc.array(port)),
}, { requiredKeys: [] }));
const manifest = fc.record({
  kind: fc.constant('NetworkPolicy'),
  metadata: fc.oneof(value, fc.record({ name: value, namespace: value }, { requiredKeys: [] })),
  spec: fc.oneof(value, fc.record({
    podSelector: selector,
    policyTypes: value,
    ingress: fc.oneof(value, fc.array(rule)),
    egress: fc.oneof(value, fc.array(rule)),
  }, { requiredKeys: [] })),
}, { requiredKeys: ['kind'] });

describe('describePolicy on malformed input', () => {
  test('never throws and always names the policy', () => {
    fc.assert(fc.property(manifest, (m) => {
      const text = describePolicy(m as unknown as NetworkPolicyManifest);
      return text.startsWith('NetworkPolicy ');
    }), { numRuns: propertyRuns(300) });
  });
});

describe('describePolicy on wrongly typed fields', () => {
  test('reads a field of the wrong JSON type as missing', () => {
    const text = describePolicy({ kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' }, spec: { podSelector: [], ingress: {} } } as unknown as NetworkPolicyManifest);
    expect(text).toContain('Selects: every pod in namespace "shop".');
    expect(text).toContain('Ingress: the selected pods are isolated and this policy allows nothing in (deny all).');
  });

  test('reads null peer selectors as absent, as the API server does', () => {
    const text = describePolicy({ kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' }, spec: { ingress: [{ from: [{ podSelector: null }] }] } } as unknown as NetworkPolicyManifest);
    expect(text).toContain('1. from nothing (the peer sets no selector), on any port and protocol');
  });
});
