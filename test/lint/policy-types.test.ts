import { findingsOf, policy } from './cluster-fixture';

describe('egress-only-missing-policy-types', () => {
  test('fires for egress rules without policyTypes and without an ingress field', () => {
    const egressOnly = policy('egress-only', {
      podSelector: {}, egress: [{ ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
    });
    const findings = findingsOf('egress-only-missing-policy-types', { policies: [egressOnly] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ name: 'egress-only', fieldPath: 'spec.policyTypes', severity: 'warning' });
    expect(findings[0].message).toContain('[Ingress, Egress]');
    expect(findings[0].fix).toContain('policyTypes: [Egress]');
  });

  test('stays silent when policyTypes lists Egress explicitly', () => {
    const egressOnly = policy('egress-only', { podSelector: {}, policyTypes: ['Egress'], egress: [{}] });
    expect(findingsOf('egress-only-missing-policy-types', { policies: [egressOnly] })).toEqual([]);
  });

  test('stays silent when the policy also has ingress rules', () => {
    const both = policy('both', { podSelector: {}, ingress: [{}], egress: [{}] });
    expect(findingsOf('egress-only-missing-policy-types', { policies: [both] })).toEqual([]);
  });
});

describe('rules-for-unlisted-direction', () => {
  test('fires for ingress rules when policyTypes lists only Egress', () => {
    const p = policy('p', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}, {}], egress: [{}] });
    const findings = findingsOf('rules-for-unlisted-direction', { policies: [p] });
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.ingress');
    expect(findings[0].message).toBe('The policy has 2 ingress rules, but policyTypes ["Egress"] does not list Ingress, so they are ignored.');
  });

  test('fires for egress rules when policyTypes lists only Ingress', () => {
    const p = policy('p', { podSelector: {}, policyTypes: ['Ingress'], egress: [{}] });
    const [finding] = findingsOf('rules-for-unlisted-direction', { policies: [p] });
    expect(finding.fieldPath).toBe('spec.egress');
    expect(finding.message).toContain('1 egress rule,');
  });

  test('stays silent when every direction with rules is listed', () => {
    const p = policy('p', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}], egress: [{}] });
    expect(findingsOf('rules-for-unlisted-direction', { policies: [p] })).toEqual([]);
  });

  test('stays silent when policyTypes is not set (defaulting covers the rules present)', () => {
    const p = policy('p', { podSelector: {}, ingress: [{}], egress: [{}] });
    expect(findingsOf('rules-for-unlisted-direction', { policies: [p] })).toEqual([]);
  });
});

describe('dns-port-without-protocol', () => {
  test('fires for port 53 without protocol', () => {
    const p = policy('p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }, { port: 53 }] }] });
    const findings = findingsOf('dns-port-without-protocol', { policies: [p] });
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.egress[0].ports[1]');
    expect(findings[0].message).toContain('TCP only');
  });

  test('stays silent when the same rule also lists UDP 53', () => {
    const p = policy('p', {
      podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53 }, { port: 53, protocol: 'UDP' }] }],
    });
    expect(findingsOf('dns-port-without-protocol', { policies: [p] })).toEqual([]);
  });

  test('stays silent when the protocol is explicit', () => {
    const p = policy('p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
    expect(findingsOf('dns-port-without-protocol', { policies: [p] })).toEqual([]);
  });
});
