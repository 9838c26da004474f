import * as fc from 'fast-check';
import { policy } from './helpers';
import { validateNetworkPolicy } from '../../src/validation/network-policy';
import { Rules } from '../../src/validation/rules';
import { propertyRuns } from '../property-runs';

const RULE_IDS: string[] = Object.values(Rules);

/** JSON-like values, biased towards the shapes and field names a NetworkPolicy has. */
const fieldName = fc.constantFrom(
  'podSelector', 'namespaceSelector', 'ipBlock', 'cidr', 'except', 'matchLabels', 'matchExpressions', 'key',
  'operator', 'values', 'ingress', 'egress', 'from', 'to', 'ports', 'port', 'endPort', 'protocol', 'policyTypes', 'app',
);
const leaf = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -70000, max: 70000 }), fc.double({ noNaN: true }),
  fc.constantFrom('TCP', 'In', 'Exists', '10.0.0.0/8', '10.0.0.1/8', 'fd00::/8', 'Ingress', 'http', ''), fc.string(),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fieldName, fc.string()), tie('json'), { maxKeys: 4 }),
}));

describe('validateNetworkPolicy on arbitrary input', () => {
  test('never throws, and every finding is well formed', () => {
    fc.assert(fc.property(json, (spec) => {
      const findings = validateNetworkPolicy(policy(spec));
      return findings.every((d) =>
        RULE_IDS.includes(d.rule)
        && (d.severity === 'error' || d.severity === 'warning')
        && typeof d.message === 'string' && d.message.length > 0
        && typeof d.fix === 'string' && d.fix.length > 0);
    }), { numRuns: propertyRuns(2000) });
  });

  test('never throws on arbitrary top-level values either', () => {
    fc.assert(fc.property(json, (value) => Array.isArray(validateNetworkPolicy(value))), { numRuns: propertyRuns(500) });
  });
});
