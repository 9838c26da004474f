import { lintWorld, policy } from './cluster-fixture';
import { formatFinding, lintCluster } from '../../src/lint/lint-cluster';
import { LintLevel } from '../../src/lint/lint-finding';
import { LINT_RULES } from '../../src/lint/rules';
import { toDiagnostic } from '../../src/lint/to-diagnostic';
import { Cluster } from '../../src/model/cluster';

const denyAllEgress = policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

describe('lintCluster', () => {
  test('uses each rule\'s default severity', () => {
    const findings = lintWorld({ policies: [denyAllEgress, policy('open', { podSelector: {}, ingress: [{}] })] });
    expect(findings.find((f) => f.rule === 'egress-without-dns')?.severity).toBe('warning');
    expect(findings.find((f) => f.rule === 'allow-all-rule')?.severity).toBe('info');
  });

  test('raises a rule to error, lowers one to info, and turns one off', () => {
    const open = policy('open', { podSelector: {}, ingress: [{}, { ports: [{ port: 80 }] }] });
    const findings = lintWorld({ policies: [denyAllEgress, open] }, {
      rules: {
        'egress-without-dns': LintLevel.ERROR,
        'allow-all-rule': LintLevel.OFF,
        'shadowed-rule': LintLevel.INFO,
      },
    });
    expect(findings.find((f) => f.rule === 'egress-without-dns')?.severity).toBe('error');
    expect(findings.some((f) => f.rule === 'allow-all-rule')).toBe(false);
    expect(findings.filter((f) => f.rule === 'shadowed-rule').map((f) => f.severity)).toEqual(['info']);
  });

  test('rejects an unknown rule id with the list of known ones', () => {
    expect(() => lintWorld({ policies: [] }, { rules: { 'egress-without-dsn': LintLevel.OFF } }))
      .toThrow(/Unknown lint rule "egress-without-dsn".*Known rules: egress-without-dns,/);
  });

  test('rejects a level that is not a LintLevel', () => {
    expect(() => lintWorld({ policies: [] }, { rules: { 'egress-without-dns': 'loud' as LintLevel } }))
      .toThrow('Lint rule "egress-without-dns" is set to "loud"; use one of: off, info, warning, error.');
  });

  test('skips the rules a policy lists in its lint-ignore annotation', () => {
    const annotated = policy('deny-all', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}] },
      { annotations: { 'cdk8s-netpol.io/lint-ignore': 'egress-without-dns, rules-for-unlisted-direction' } });
    const rules = lintWorld({ policies: [annotated] }).map((f) => f.rule);
    expect(rules).not.toContain('egress-without-dns');
    expect(rules).not.toContain('rules-for-unlisted-direction');
  });

  test('sorts findings by namespace, object and field path', () => {
    const b = policy('b', { podSelector: {}, policyTypes: ['Egress'] });
    const a = policy('a', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}] }, { namespace: 'alpha' });
    const keys = lintWorld({ policies: [b, a] }).map((f) => `${f.namespaceName}/${f.name} ${f.fieldPath}`);
    expect(keys).toEqual([...keys].sort());
    expect(keys[0].startsWith('alpha/a')).toBe(true);
  });

  test('carries the policy\'s source into the finding', () => {
    const cluster = new Cluster();
    cluster.addPolicy(denyAllEgress, { file: 'policies.yaml', line: 12 });
    const [finding] = lintCluster(cluster, []).filter((f) => f.rule === 'egress-without-dns');
    expect(finding.source).toBe('policies.yaml:12');
    expect(formatFinding(finding)).toMatch(/^warning shop\/deny-all spec\.egress \[egress-without-dns\]: .* Fix: .*\(policies\.yaml:12\)$/);
  });

  test('every rule id is unique and kebab-case', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('toDiagnostic', () => {
  test('keeps severity, rule, field path, message and fix', () => {
    const [finding] = lintWorld({ policies: [denyAllEgress] }).filter((f) => f.rule === 'egress-without-dns');
    expect(toDiagnostic(finding)).toEqual({
      severity: 'warning',
      rule: 'egress-without-dns',
      fieldPath: 'spec.egress',
      message: finding.message,
      fix: finding.fix,
    });
  });
});
