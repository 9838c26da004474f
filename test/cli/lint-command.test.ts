import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIo as capture } from './run-cli';
import { parseRuleOptions, runLint } from '../../src/cli/commands/lint';
import { ExitCode } from '../../src/cli/io';
import { Lint } from '../../src/lint/lint';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lint');

describe('runLint', () => {
  test('prints each finding with file and line of its field, and exits 0 for warnings', () => {
    // GIVEN policies on the Service port and without DNS
    const { io, out } = capture();

    // WHEN
    const code = runLint([path.join(FIXTURES, 'problems')], {}, io);

    // THEN
    expect(code).toBe(ExitCode.OK);
    const text = out();
    expect(text).toMatch(/policies\.yaml:13: warning \[service-port-not-target-port\] shop\/web-ingress spec\.ingress\[0\]\.ports\[0\]: TCP port 80 is the port of Service shop\/web/);
    expect(text).toMatch(/policies\.yaml:\d+: warning \[egress-without-dns\] shop\/web-egress spec\.egress: /);
    expect(text).toContain('    fix: Use the pods\' port (targetPort "http" (8080)) instead of the Service port 80.');
    expect(text.trimEnd().split('\n').pop()).toBe('3 findings in 2 files (0 errors, 2 warnings, 1 info)');
  });

  test('exits 1 when a rule is raised to error', () => {
    const { io, out } = capture();
    const code = runLint([path.join(FIXTURES, 'problems')], { rules: ['egress-without-dns=error'] }, io);
    expect(code).toBe(ExitCode.FINDINGS);
    expect(out()).toContain('error [egress-without-dns]');
  });

  test('prints nothing but the summary for clean input', () => {
    const { io, out } = capture();
    expect(runLint([path.join(FIXTURES, 'clean')], {}, io)).toBe(ExitCode.OK);
    expect(out()).toBe('0 findings in 1 file (0 errors, 0 warnings, 0 info)\n');
  });

  test('writes JSON with every field of the findings', () => {
    const { io, out } = capture();
    runLint([path.join(FIXTURES, 'problems')], { format: 'json', rules: ['namespace-without-default-deny=off'] }, io);
    const parsed = JSON.parse(out());
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toEqual(['egress-without-dns', 'service-port-not-target-port']);
    expect(parsed.findings[1]).toMatchObject({ severity: 'warning', kind: 'NetworkPolicy', namespaceName: 'shop', name: 'web-ingress' });
    expect(parsed.inputProblems).toEqual([]);
  });

  test('exits 2 with a clear message for a bad --rule', () => {
    const { io, err } = capture();
    expect(runLint([FIXTURES], { rules: ['egress-without-dns'] }, io)).toBe(ExitCode.BAD_INPUT);
    expect(err()).toContain('--rule "egress-without-dns" is not "<rule>=<level>"');
  });

  test('folds the pods of a kubectl dump into workloads as it reads, finding what the library finds in the whole objects', () => {
    // GIVEN a `kubectl get -o json` List of pods (with the status and fields a dump carries), a Service and policies
    const pod = (name: string, ip: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'shop',
        labels: { app: 'web' },
        uid: `uid-${name}`,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', controller: true, uid: 'rs' }],
      },
      spec: { containers: [{ name: 'web', image: 'nginx', env: [{ name: 'A', value: 'b' }], ports: [{ name: 'http', containerPort: 8080 }] }] },
      status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] },
    });
    const policy = (name: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec });
    const items = [
      pod('web-5d8f-a', '10.0.0.1'),
      pod('web-5d8f-b', '10.0.0.2'),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } },
      policy('web-ingress', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80 }] }] }),
      policy('web-egress', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] }),
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-dump-'));
    const file = path.join(dir, 'dump.json');
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, undefined, 4));
    const { io, out } = capture();

    // WHEN
    const code = runLint([file], { format: 'json' }, io);

    // THEN
    expect(code).toBe(ExitCode.OK);
    const findings = JSON.parse(out()).findings.map(({ source, ...rest }: { source?: string }) => rest);
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['egress-without-dns', 'service-port-not-target-port']));
    expect(findings).toEqual(JSON.parse(JSON.stringify(Lint.manifests(items))));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('exits 2 for a missing path', () => {
    const { io } = capture();
    expect(runLint([path.join(FIXTURES, 'no-such-dir')], {}, io)).toBe(ExitCode.BAD_INPUT);
  });
});

describe('parseRuleOptions', () => {
  test('reads id=level pairs', () => {
    expect(parseRuleOptions(['egress-without-dns=off', 'allow-all-rule = warning'])).toEqual({
      'egress-without-dns': 'off',
      'allow-all-rule': 'warning',
    });
  });

  test('names an unknown rule and lists the known ones', () => {
    expect(parseRuleOptions(['no-such-rule=off'])).toMatch(/^--rule "no-such-rule=off" names an unknown rule "no-such-rule"\. Known rules: egress-without-dns, /);
  });

  test('rejects an unknown level', () => {
    expect(parseRuleOptions(['egress-without-dns=loud'])).toContain('level one of off, info, warning, error');
  });
});
