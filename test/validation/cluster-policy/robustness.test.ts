import * as fc from 'fast-check';
import { validateClusterPolicy } from '../../../src/validation/cluster-policy/validate';
import { propertyRuns } from '../../property-runs';

/** JSON-like values, biased towards the field names and values of the cluster-scoped policy kinds. */
const fieldName = fc.constantFrom(
  'tier', 'priority', 'subject', 'namespaces', 'pods', 'namespaceSelector', 'podSelector', 'matchLabels', 'matchExpressions', 'key', 'operator',
  'values', 'ingress', 'egress', 'from', 'to', 'action', 'name', 'protocols', 'tcp', 'udp', 'destinationPort', 'number', 'range', 'start', 'end',
  'destinationNamedPort', 'networks', 'nodes', 'domainNames', 'ports', 'portNumber', 'portRange', 'namedPort', 'protocol', 'port', 'metadata',
);
const leaf = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -70000, max: 70000 }), fc.double({ noNaN: true }),
  fc.constantFrom('Admin', 'Baseline', 'Accept', 'Allow', 'Deny', 'Pass', 'TCP', 'In', '10.0.0.0/8', '10.0.0.1', 'example.com', 'default', ''), fc.string(),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fieldName, fc.string()), tie('json'), { maxKeys: 4 }),
}));

const KINDS = [
  ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy'],
  ['policy.networking.k8s.io/v1alpha1', 'AdminNetworkPolicy'],
  ['policy.networking.k8s.io/v1alpha1', 'BaselineAdminNetworkPolicy'],
];

describe('validateClusterPolicy on arbitrary input', () => {
  test('never throws, and every finding is well formed, in both channels', () => {
    fc.assert(fc.property(fc.constantFrom(...KINDS), fc.constantFrom('standard', 'experimental'), json, json, ([apiVersion, kind], channel, spec, metadata) => {
      const findings = validateClusterPolicy({ apiVersion, kind, metadata, spec }, { channel: channel as 'standard' | 'experimental' });
      return findings.every((d) =>
        ['error', 'warning', 'info'].includes(d.severity)
        && typeof d.fieldPath === 'string'
        && typeof d.message === 'string' && d.message.length > 0
        && typeof d.fix === 'string' && d.fix.length > 0);
    }), { numRuns: propertyRuns(2000) });
  });

  test('never throws on arbitrary top-level values either', () => {
    fc.assert(fc.property(json, (value) => Array.isArray(validateClusterPolicy(value))), { numRuns: propertyRuns(500) });
  });
});
