import { Chart, JsonPatch, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DefaultDenyAll } from '../../src/constructs/default-deny-all';
import { NamespaceBaseline } from '../../src/constructs/namespace-baseline';
import { NetworkPolicy } from '../../src/constructs/network-policy';
import { PolicyType } from '../../src/constructs/policy-type';
import { Lint } from '../../src/lint/lint';
import { LintFinding, LintLevel } from '../../src/lint/lint-finding';
import { ILintReporter, Linting } from '../../src/lint/linting';
import { LINT_IGNORE_ANNOTATION } from '../../src/lint/rules';
import { Reachability } from '../../src/testing/reachability';
import { Namespaces } from '../../src/values/namespaces';
import { Port } from '../../src/values/port';

class Recorder implements ILintReporter {
  public readonly findings: LintFinding[] = [];
  public report(finding: LintFinding): void {
    this.findings.push(finding);
  }
}

function deployment(scope: Construct, id: string, labels: Record<string, string>): k8s.KubeDeployment {
  return new k8s.KubeDeployment(scope, id, {
    metadata: { name: id },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] }] } },
    },
  });
}

function denyAllEgress(scope: Construct, id: string): k8s.KubeNetworkPolicy {
  return new k8s.KubeNetworkPolicy(scope, id, {
    metadata: { name: id },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
}

describe('Lint.of', () => {
  test('lints the policies and workloads of a chart, with construct paths as sources', () => {
    // GIVEN
    const chart = Testing.chart();
    deployment(chart, 'web', { app: 'web' });
    denyAllEgress(chart, 'deny-all');

    // WHEN
    const findings = Lint.of(chart);

    // THEN
    const dns = findings.filter((f) => f.rule === 'egress-without-dns');
    expect(dns).toHaveLength(1);
    expect(dns[0].source).toBe('test/deny-all');
    expect(dns[0].message).toContain('default/web[Deployment]');
  });

  test('finds nothing to warn about for a namespace baseline from the constructs', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    deployment(chart, 'web', { app: 'web' });
    new NamespaceBaseline(chart, 'baseline');
    const warnings = Lint.of(chart).filter((f) => f.severity !== 'info');
    expect(warnings).toEqual([]);
  });

  test('lints raw manifests', () => {
    const findings = Lint.manifests([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { podSelector: {}, egress: [{ ports: [{ port: 443 }] }] },
    }]);
    expect(findings.map((f) => f.rule)).toEqual(['egress-without-dns', 'egress-only-missing-policy-types']);
    expect(Lint.format(findings[1])).toContain('[egress-only-missing-policy-types]');
  });
});

describe('Linting.enable', () => {
  test('reports warnings once, however often the chart is synthesized', () => {
    // GIVEN
    const chart = Testing.chart();
    denyAllEgress(chart, 'deny-all');
    const reporter = new Recorder();
    Linting.enable(chart, { reporter });

    // WHEN
    Testing.synth(chart);
    Testing.synth(chart);

    // THEN
    expect(reporter.findings.map((f) => f.rule)).toEqual(['egress-without-dns']);
  });

  test('fails synthesis for a rule raised to error, naming the rule and the object', () => {
    const chart = Testing.chart();
    denyAllEgress(chart, 'deny-all');
    Linting.enable(chart, { rules: { 'egress-without-dns': LintLevel.ERROR }, reporter: new Recorder() });
    expect(() => Testing.synth(chart)).toThrow(/Validation failed[\s\S]*error default\/deny-all spec\.egress \[egress-without-dns\]/);
  });

  test('reports info findings only when asked', () => {
    const chart = Testing.chart();
    deployment(chart, 'web', { app: 'web' });
    const quiet = new Recorder();
    Linting.enable(chart, { reporter: quiet });
    Testing.synth(chart);
    expect(quiet.findings).toEqual([]);

    const otherChart = Testing.chart();
    deployment(otherChart, 'web', { app: 'web' });
    const verbose = new Recorder();
    Linting.enable(otherChart, { reporter: verbose, reportInfo: true });
    Testing.synth(otherChart);
    expect(verbose.findings.map((f) => f.rule)).toEqual(['namespace-without-default-deny']);
  });

  test('returns the existing instance when enabled twice', () => {
    const chart = Testing.chart();
    expect(Linting.enable(chart)).toBe(Linting.enable(chart));
  });

  test('uses workloads of other charts but reports only on its own scope', () => {
    // GIVEN the workload in one chart, a policy selecting it in another
    const app = Testing.app();
    const workloads = new Chart(app, 'workloads');
    deployment(workloads, 'web', { app: 'web' });
    const policies = new Chart(app, 'policies');
    new k8s.KubeNetworkPolicy(policies, 'web-in', {
      metadata: { name: 'web-in' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: k8s.IntOrString.fromString('metrics') }] }] },
    });
    const reporter = new Recorder();
    Linting.enable(policies, { reporter, reportInfo: true });

    // WHEN
    app.synthYaml();

    // THEN the named port is checked against the other chart's pods
    expect(reporter.findings.map((f) => `${f.rule} ${f.name}`)).toEqual([
      'namespace-without-default-deny default',
      'named-port-not-declared web-in',
    ]);
  });
});

describe('linting by default', () => {
  function appWithEgressLockdown(): { app: ReturnType<typeof Testing.app>; chart: Chart } {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    deployment(chart, 'web', { app: 'web' });
    new DefaultDenyAll(chart, 'deny-all');
    return { app, chart };
  }

  function stderrDuring(action: () => void): string {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
      written.push(String(chunk));
      return true;
    });
    try {
      action();
    } finally {
      spy.mockRestore();
    }
    return written.join('');
  }

  test('trap: an app that does not enable linting is not linted, so nothing is printed', () => {
    const { app } = appWithEgressLockdown();
    const output = stderrDuring(() => app.synthYaml());
    expect(output).not.toContain('cdk8s-netpol lint');
  });

  test('Linting.enable(app) lints at synth, each warning printed once however often the app synthesizes', () => {
    // GIVEN
    const { app } = appWithEgressLockdown();
    Linting.enable(app);

    // WHEN
    const output = stderrDuring(() => {
      app.synthYaml();
      app.synthYaml();
    });

    // THEN
    const lines = output.split('\n').filter((l) => l.includes('[egress-without-dns]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('cdk8s-netpol lint: ');
    expect(lines[0]).toContain('shop/web[Deployment]');
  });

  test('trap: lints never run while the app is evaluated (Reachability.of, the matchers), only at synth', () => {
    const { app } = appWithEgressLockdown();
    Linting.enable(app, { rules: { 'egress-without-dns': LintLevel.ERROR }, reporter: new Recorder() });
    expect(() => Reachability.of(app)).not.toThrow();
    expect(() => app.synthYaml()).toThrow(/egress-without-dns/);
  });

  test('settings given after the constructs apply', () => {
    // GIVEN
    const { app } = appWithEgressLockdown();

    // WHEN
    Linting.enable(app, { rules: { 'egress-without-dns': LintLevel.ERROR }, reporter: new Recorder() });

    // THEN
    expect(() => app.synthYaml()).toThrow(/egress-without-dns/);
  });

  test('a chart with settings of its own reports its objects only through them', () => {
    // GIVEN
    const { app, chart } = appWithEgressLockdown();
    const recorder = new Recorder();
    Linting.enable(chart, { reporter: recorder });

    // WHEN
    const output = stderrDuring(() => app.synthYaml());

    // THEN
    expect(recorder.findings.map((f) => f.rule)).toContain('egress-without-dns');
    expect(output).not.toContain('egress-without-dns');
  });

  test('disable stops the reports at synth, while Lint.of still finds the problems on request', () => {
    // GIVEN
    const { app } = appWithEgressLockdown();

    // WHEN
    Linting.disable(app);
    const output = stderrDuring(() => app.synthYaml());

    // THEN
    expect(output).not.toContain('cdk8s-netpol lint');
    expect(Lint.of(app).map((f) => f.rule)).toContain('egress-without-dns');
  });

  test('a rule added between two syntheses in the same tick is linted by the second one', () => {
    // GIVEN an egress lockdown of our own construct, failing synthesis for want of DNS
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const lockdown = new NetworkPolicy(chart, 'lockdown', { policyTypes: [PolicyType.EGRESS] });
    Linting.enable(chart, { rules: { 'egress-without-dns': LintLevel.ERROR }, reporter: new Recorder() });
    expect(() => Testing.synth(chart)).toThrow(/egress-without-dns/);

    // WHEN DNS is allowed, synchronously
    lockdown.addEgressRule([Namespaces.all()], [Port.DNS_UDP, Port.DNS_TCP]);

    // THEN
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('a construct added in a chart nested in another between two syntheses is linted by the second one', () => {
    const app = Testing.app();
    const outer = new Chart(app, 'outer', { namespace: 'shop' });
    Linting.enable(app, { rules: { 'egress-without-dns': LintLevel.ERROR }, reporter: new Recorder() });
    app.synthYaml();
    const inner = new Chart(outer, 'inner', { namespace: 'shop' });
    app.synthYaml();
    denyAllEgress(inner, 'deny-all');
    expect(() => app.synthYaml()).toThrow(/egress-without-dns/);
  });

  test('findings kept within one turn are recomputed in the next, even after a change no count of children shows', async () => {
    // GIVEN an egress lockdown, linted once
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const group = new Construct(chart, 'group');
    denyAllEgress(group, 'deny-all');
    Linting.enable(app, { rules: { 'egress-without-dns': LintLevel.ERROR }, reporter: new Recorder() });
    expect(() => app.synthYaml()).toThrow(/egress-without-dns/);

    // WHEN the lockdown is silenced inside a nested construct (no policy added, no chart child added), in a later turn
    await Promise.resolve();
    (group.node.findChild('deny-all') as k8s.KubeNetworkPolicy).metadata.addAnnotation(LINT_IGNORE_ANNOTATION, 'egress-without-dns');

    // THEN the next synthesis lints again
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('an ignore annotation added to a NetworkPolicy construct\'s metadata silences that policy only', () => {
    // GIVEN two lockdowns without DNS, one annotated through its ApiObject
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const annotated = new NetworkPolicy(chart, 'annotated', { policyTypes: [PolicyType.EGRESS] });
    const plain = new NetworkPolicy(chart, 'plain', { policyTypes: [PolicyType.EGRESS] });
    annotated.apiObject.metadata.addAnnotation(LINT_IGNORE_ANNOTATION, 'egress-without-dns');
    const reporter = new Recorder();
    Linting.enable(chart, { reporter });

    // WHEN
    Testing.synth(chart);

    // THEN
    expect(reporter.findings.filter((f) => f.rule === 'egress-without-dns').map((f) => f.name)).toEqual([plain.name]);
  });

  test('a policy changed by a JSON patch is linted as rendered, patch applied', () => {
    // GIVEN two lockdowns without DNS; a JSON patch adds the annotation that silences the lint to one
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const patched = new NetworkPolicy(chart, 'patched', { policyTypes: [PolicyType.EGRESS] });
    const plain = new NetworkPolicy(chart, 'plain', { policyTypes: [PolicyType.EGRESS] });
    patched.apiObject.addJsonPatch(JsonPatch.add('/metadata/annotations', { [LINT_IGNORE_ANNOTATION]: 'egress-without-dns' }));
    const reporter = new Recorder();
    Linting.enable(chart, { reporter });

    // WHEN
    Testing.synth(chart);

    // THEN
    expect(reporter.findings.filter((f) => f.rule === 'egress-without-dns').map((f) => f.name)).toEqual([plain.name]);
  });
});
