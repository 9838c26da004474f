import { policy, withIngressPeers } from './helpers';
import { concernsRules, errorsOf, isNetworkPolicyObject, ruleErrors } from '../../src/validation/admission';
import { Diagnostic } from '../../src/validation/diagnostic';
import { Severity } from '../../src/validation/severity';

/** Which errors keep a NetworkPolicy out of an evaluation: those about its rules (`spec`). */

const at = (fieldPath: string): Diagnostic => ({ severity: Severity.ERROR, rule: 'r', fieldPath, message: 'm' });
const paths = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.fieldPath);

describe('admission', () => {
  test('an error concerns the rules when its path is spec or lies under it', () => {
    expect(['spec', 'spec.podSelector', 'spec.ingress[0].from[0]', 'spec[0]'].map((p) => concernsRules(at(p)))).toEqual([true, true, true, true]);
    expect(['', 'metadata.name', 'status', 'specs', 'kind', 'apiVersion'].map((p) => concernsRules(at(p)))).toEqual([false, false, false, false, false, false]);
  });

  test('ruleErrors keeps the errors about spec; errorsOf keeps every error', () => {
    const manifest = { ...policy({ podSelector: {}, policyTypes: ['ingress'], ingress: [{ from: [{}] }] }, { name: 'Bad_Name' }), status: {} };
    expect(paths(errorsOf(manifest))).toEqual(['status', 'metadata.name', 'spec.ingress[0].from[0]', 'spec.policyTypes[0]']);
    expect(paths(ruleErrors(manifest))).toEqual(['spec.ingress[0].from[0]', 'spec.policyTypes[0]']);
  });

  test('a spec that is not a map is itself a rule error', () => {
    expect(paths(ruleErrors(policy([])))).toEqual(['spec']);
  });

  test('CIDR host bits are accepted as servers before 1.36 stored them, and warnings are not errors', () => {
    const manifest = withIngressPeers({ ipBlock: { cidr: '10.0.0.1/8' } });
    expect(errorsOf(manifest)).toEqual([]);
    expect(ruleErrors(manifest)).toEqual([]);
    expect(paths(ruleErrors(withIngressPeers({ ipBlock: { cidr: '10.0.0.0/33' } })))).toEqual(['spec.ingress[0].from[0].ipBlock.cidr']);
  });

  test('the text as written reaches the fixes', () => {
    const manifest = policy({ podSelector: { matchLabels: { tier: true } } });
    const [error] = ruleErrors(manifest, (path) => (path === 'spec.podSelector.matchLabels.tier' ? 'yes' : undefined));
    expect(error.fix).toBe('quote the value: tier: "yes" (unquoted, yes is read as the boolean true)');
    expect(errorsOf(manifest, () => 'on')[0].fix).toBe('quote the value: tier: "on" (unquoted, on is read as the boolean true)');
  });

  test('a NetworkPolicy object is any map whose kind is NetworkPolicy, whatever its apiVersion', () => {
    expect(isNetworkPolicyObject({ kind: 'NetworkPolicy' })).toBe(true);
    expect(isNetworkPolicyObject({ ...policy({}), apiVersion: 'extensions/v1beta1' })).toBe(true);
    for (const other of [{ kind: 'networkpolicy' }, { kind: 'Pod' }, {}, null, undefined, 'NetworkPolicy', ['NetworkPolicy']]) {
      expect(isNetworkPolicyObject(other)).toBe(false);
    }
  });
});
