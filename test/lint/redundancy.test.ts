import { findingsOf, policy } from './cluster-fixture';

const fromWeb = { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] };

describe('duplicate-rule', () => {
  test('fires for a rule repeated in the same policy, on the later one', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'api' } }, ingress: [fromWeb, fromWeb] });
    const findings = findingsOf('duplicate-rule', { policies: [p] });
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.ingress[1]');
    expect(findings[0].message).toBe(
      'spec.ingress[1] (from pods where app=web, in namespace "shop" (the policy\'s own), on TCP port 8080) '
      + 'repeats spec.ingress[0] for the same pods.');
  });

  test('treats peers and ports in another order as the same rule', () => {
    const a = { from: [{ podSelector: { matchLabels: { app: 'a' } } }, { podSelector: { matchLabels: { app: 'b' } } }], ports: [{ port: 1 }, { port: 2 }] };
    const b = { from: [{ podSelector: { matchLabels: { app: 'b' } } }, { podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 2 }, { port: 1 }] };
    const p = policy('p', { podSelector: {}, ingress: [a, b] });
    expect(findingsOf('duplicate-rule', { policies: [p] }).map((f) => f.fieldPath)).toEqual(['spec.ingress[1]']);
  });

  test('stays silent for rules on different ports', () => {
    const other = { ...fromWeb, ports: [{ port: 9090, protocol: 'TCP' }] };
    const p = policy('p', { podSelector: {}, ingress: [fromWeb, other] });
    expect(findingsOf('duplicate-rule', { policies: [p] })).toEqual([]);
  });
});

describe('shadowed-rule', () => {
  test('fires for a rule inside a broader rule of a policy that covers the same pods', () => {
    // GIVEN an allow-all-from-web policy for every pod, and a narrower rule for api pods
    const broad = policy('broad', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
    const narrow = policy('narrow', { podSelector: { matchLabels: { app: 'api' } }, ingress: [fromWeb] });

    // WHEN
    const findings = findingsOf('shadowed-rule', { policies: [broad, narrow] });

    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ name: 'narrow', fieldPath: 'spec.ingress[0]' });
    expect(findings[0].message).toContain('spec.ingress[0] of policy "broad"');
  });

  test('fires for an ipBlock inside a larger ipBlock with no except overlapping it', () => {
    const p = policy('p', {
      podSelector: {},
      ingress: [
        { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] },
        { from: [{ ipBlock: { cidr: '10.2.0.0/16' } }], ports: [{ port: 443 }] },
      ],
    });
    expect(findingsOf('shadowed-rule', { policies: [p] }).map((f) => f.fieldPath)).toEqual(['spec.ingress[1]']);
  });

  test('stays silent when the broader rule\'s except removes part of the narrower one', () => {
    const p = policy('p', {
      podSelector: {},
      ingress: [
        { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.2.3.0/24'] } }] },
        { from: [{ ipBlock: { cidr: '10.2.0.0/16' } }] },
      ],
    });
    expect(findingsOf('shadowed-rule', { policies: [p] })).toEqual([]);
  });

  test('stays silent when the broader policy selects fewer pods', () => {
    const broad = policy('broad', { podSelector: { matchLabels: { app: 'api', tier: 'x' } }, ingress: [{}] });
    const narrow = policy('narrow', { podSelector: { matchLabels: { app: 'api' } }, ingress: [fromWeb] });
    expect(findingsOf('shadowed-rule', { policies: [broad, narrow] })).toEqual([]);
  });

  test('stays silent across namespaces', () => {
    const broad = policy('broad', { podSelector: {}, ingress: [{}] }, { namespace: 'other' });
    const narrow = policy('narrow', { podSelector: {}, ingress: [fromWeb] });
    expect(findingsOf('shadowed-rule', { policies: [broad, narrow] })).toEqual([]);
  });
});

describe('identical-policies', () => {
  test('fires for the later of two policies with the same effect', () => {
    const a = policy('a', { podSelector: { matchLabels: { app: 'api' } }, ingress: [fromWeb] });
    const b = policy('b', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [fromWeb] });
    const findings = findingsOf('identical-policies', { policies: [a, b] });
    expect(findings).toHaveLength(1);
    expect(findings[0].name).toBe('b');
    expect(findings[0].message).toContain('same effect as policy "a"');
  });

  test('does not also report their rules as duplicates', () => {
    const a = policy('a', { podSelector: {}, ingress: [fromWeb] });
    const b = policy('b', { podSelector: {}, ingress: [fromWeb] });
    expect(findingsOf('duplicate-rule', { policies: [a, b] })).toEqual([]);
  });

  test('stays silent when the policy types differ', () => {
    const a = policy('a', { podSelector: {}, ingress: [fromWeb] });
    const b = policy('b', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [fromWeb] });
    expect(findingsOf('identical-policies', { policies: [a, b] })).toEqual([]);
  });
});

describe('allow-all-rule', () => {
  test('reports (as info) a rule with no peers and no ports', () => {
    const p = policy('p', { podSelector: {}, ingress: [{}] });
    const findings = findingsOf('allow-all-rule', { policies: [p] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', fieldPath: 'spec.ingress[0]' });
  });

  test('stays silent for a rule with ports', () => {
    const p = policy('p', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] });
    expect(findingsOf('allow-all-rule', { policies: [p] })).toEqual([]);
  });
});
