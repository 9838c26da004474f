import { findingsOf, policy, workload } from './cluster-fixture';

const web = workload('web', { app: 'web' });

describe('policy-selects-nothing', () => {
  test('fires when the podSelector matches no workload in the policy\'s namespace', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{}] });
    const findings = findingsOf('policy-selects-nothing', { policies: [p], workloads: [web] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ fieldPath: 'spec.podSelector', name: 'p' });
    expect(findings[0].message).toContain('pods where app=api, in namespace "shop"');
    expect(findings[0].message).toContain('shop/web[Deployment] (app=web)');
  });

  test('points out a namespace label used in a podSelector', () => {
    const p = policy('p', { podSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } });
    const [finding] = findingsOf('policy-selects-nothing', { policies: [p], workloads: [web] });
    expect(finding.message).toContain('kubernetes.io/metadata.name is a label of Namespaces, not of pods');
  });

  test('fires for a contradictory podSelector even without workloads', () => {
    const p = policy('p', {
      podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }, { key: 'tier', operator: 'DoesNotExist' }] },
    });
    const [finding] = findingsOf('policy-selects-nothing', { policies: [p] });
    expect(finding.message).toContain('label "tier" is required to be both present and absent');
  });

  test('stays silent when a workload matches', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } } });
    expect(findingsOf('policy-selects-nothing', { policies: [p], workloads: [web] })).toEqual([]);
  });

  test('stays silent without workloads', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'api' } } });
    expect(findingsOf('policy-selects-nothing', { policies: [p] })).toEqual([]);
  });
});

describe('namespace-without-default-deny', () => {
  test('reports (as info) a namespace with workloads and no policy selecting all its pods', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}] });
    const findings = findingsOf('namespace-without-default-deny', { policies: [p], workloads: [web] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'Namespace', name: 'shop', namespaceName: 'shop', severity: 'info', fieldPath: '' });
  });

  test('stays silent when a policy selects every pod for ingress', () => {
    const denyAll = policy('deny-all', { podSelector: {} });
    expect(findingsOf('namespace-without-default-deny', { policies: [denyAll], workloads: [web] })).toEqual([]);
  });

  test('ignores namespaces with only hostNetwork workloads', () => {
    const node = workload('node-agent', { app: 'agent' }, { hostNetwork: true });
    expect(findingsOf('namespace-without-default-deny', { policies: [], workloads: [node] })).toEqual([]);
  });
});

describe('policy-selects-nothing outside the input', () => {
  test('stays silent for a policy in a namespace whose workloads the input does not show', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'api' } } }, { namespace: 'elsewhere' });
    expect(findingsOf('policy-selects-nothing', { policies: [p], workloads: [web] })).toEqual([]);
  });
});
