import { policy, withIngressPeers } from './helpers';
import { Severity } from '../../src/validation/severity';
import { NetworkPolicyValidator } from '../../src/validation/validator';

describe('NetworkPolicyValidator', () => {
  test('a valid policy has no problems', () => {
    expect(NetworkPolicyValidator.validate(policy({ podSelector: {} }))).toEqual([]);
    expect(NetworkPolicyValidator.isValid(policy({ podSelector: {} }))).toBe(true);
  });

  test('problems carry severity, rule, path, message and fix', () => {
    // WHEN
    const problems = NetworkPolicyValidator.validate(policy({ ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }] }));
    // THEN
    expect(problems).toEqual([{
      severity: Severity.ERROR,
      rule: 'port-protocol',
      fieldPath: 'spec.ingress[0].ports[0].protocol',
      message: 'Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
      fix: 'write the protocol in upper case: "TCP"',
    }]);
    expect(NetworkPolicyValidator.isValid(policy({ ingress: [{ ports: [{ protocol: 'tcp' }] }] }))).toBe(false);
  });

  test('warnings do not make a policy invalid', () => {
    const manifest = withIngressPeers({ ipBlock: { cidr: 'FD00::/8' } });
    const problems = NetworkPolicyValidator.validate(manifest);
    expect(problems.map((p) => p.severity)).toEqual([Severity.WARNING]);
    expect(NetworkPolicyValidator.isValid(manifest)).toBe(true);
  });

  test('strictCidr defaults to true and can be turned off', () => {
    const manifest = withIngressPeers({ ipBlock: { cidr: '10.0.0.1/8' } });
    expect(NetworkPolicyValidator.isValid(manifest)).toBe(false);
    expect(NetworkPolicyValidator.isValid(manifest, { strictCidr: true })).toBe(false);
    expect(NetworkPolicyValidator.isValid(manifest, { strictCidr: false })).toBe(true);
    expect(NetworkPolicyValidator.validate(manifest, { strictCidr: false }).map((p) => p.severity)).toEqual([Severity.WARNING]);
  });

  test('formatProblem prints path, message and fix on one line', () => {
    const [problem] = NetworkPolicyValidator.validate(withIngressPeers({}));
    expect(NetworkPolicyValidator.formatProblem(problem)).toBe(
      'spec.ingress[0].from[0]: Required value: must specify a peer Fix: give the peer a podSelector, namespaceSelector or ipBlock; to allow every source, omit "from" (an empty {} peer is not allowed)',
    );
  });

  test('formatProblem leaves out an absent or empty fix', () => {
    const problem = { severity: Severity.WARNING, rule: 'r', fieldPath: 'spec.podSelector', message: 'something' };
    expect(NetworkPolicyValidator.formatProblem(problem)).toBe('spec.podSelector: something');
    expect(NetworkPolicyValidator.formatProblem({ ...problem, fix: '' })).toBe('spec.podSelector: something');
  });
});
