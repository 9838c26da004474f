import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const SHOP = path.join(FIXTURES, 'shop');
const INVALID = path.join(FIXTURES, 'bad', 'invalid-policies.yaml');

describe('validate command', () => {
  test('valid policies print a summary only and exit 0', () => {
    const run = runCli('validate', SHOP);
    expect(run).toEqual({ code: 0, stdout: '5 NetworkPolicies in 4 files: all valid (0 errors, 0 warnings)\n', stderr: '' });
  });

  test('each problem is printed as file:line: policy: field path: message, with the fix below, and exit 1', () => {
    const run = runCli('validate', INVALID);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      `${INVALID}:18: shop/bad-ports: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      expect.stringMatching(/^ {4}fix: \S/),
      `${INVALID}:20: shop/bad-ports: spec.ingress[0].ports[1].endPort: Invalid value: 1: must be greater than or equal to \`port\``,
      '    fix: endPort is the last port of the range: use port: 1 and endPort: 10',
      '2 NetworkPolicies in 1 file: 1 invalid (2 errors, 0 warnings)',
      '',
    ]);
  });

  test('--format json reports every policy with its diagnostics and lines', () => {
    const run = runCli('validate', '--format', 'json', INVALID);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.inputProblems).toEqual([]);
    expect(report.policies.map((p: { policy: string; valid: boolean; line: number }) => [p.policy, p.valid, p.line]))
      .toEqual([['shop/good', true, 1], ['shop/bad-ports', false, 9]]);
    expect(report.policies[1].diagnostics.map((d: { fieldPath: string; line: number; severity: string }) => [d.fieldPath, d.line, d.severity]))
      .toEqual([['spec.ingress[0].ports[0].port', 18, 'error'], ['spec.ingress[0].ports[1].endPort', 20, 'error']]);
  });

  test('a second policy with the same namespace and name is a warning that names the first', () => {
    // GIVEN a copy of the shop policies in another file
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-dup-'));
    const copy = path.join(tmp, 'copy.yaml');
    fs.copyFileSync(path.join(SHOP, 'policies.yaml'), copy);
    try {
      // WHEN
      const run = runCli('validate', SHOP, copy);
      // THEN
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${copy}:5: warning: shop/default-deny: metadata.name: the same namespace and name as the NetworkPolicy at `
        + `${path.join(SHOP, 'policies.yaml')}:2; applied together, this one replaces it\n`);
      expect(run.stdout).toMatch(/10 NetworkPolicies in 5 files: all valid \(0 errors, 5 warnings\)\n$/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('a file reached twice is read once', () => {
    const run = runCli('validate', SHOP, path.join(SHOP, 'policies.yaml'), SHOP);
    expect(run.stdout).toBe('5 NetworkPolicies in 4 files: all valid (0 errors, 0 warnings)\n');
  });

  describe('CIDR strictness', () => {
    let tmp: string;
    let file: string;
    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-validate-'));
      file = path.join(tmp, 'host-bits.yaml');
      fs.writeFileSync(file, [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: host-bits}',
        'spec:',
        '  podSelector: {}',
        '  egress:',
        '    - to:',
        '        - ipBlock: {cidr: 10.0.0.1/8}',
        '',
      ].join('\n'));
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    test('--strict-cidr rejects a CIDR with host bits set, at its line', () => {
      const run = runCli('validate', '--strict-cidr', file);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`${file}:8: default/host-bits: spec.egress[0].to[0].ipBlock.cidr: `);
      expect(run.stdout).toContain('10.0.0.1/8');
    });

    test('--no-strict-cidr accepts it, as servers before 1.36 do', () => {
      const run = runCli('validate', '--no-strict-cidr', file);
      expect(run.stdout).not.toContain('spec.egress[0].to[0].ipBlock.cidr: Invalid value');
      expect(run.stdout).toMatch(/1 NetworkPolicy in 1 file: all valid/);
      expect(run.code).toBe(0);
    });
  });

  test('unreadable input is reported and exits 2, while readable files are still checked', () => {
    const missing = path.join(FIXTURES, 'no-such-file.yaml');
    const run = runCli('validate', missing, path.join(FIXTURES, 'bad', 'malformed.yaml'), INVALID);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${missing}: cannot read: no such file or folder\n`);
    expect(run.stdout).toMatch(/malformed\.yaml:10: invalid YAML: /);
    expect(run.stdout).toContain(`${INVALID}:18: shop/bad-ports: `);
    expect(run.stdout).toMatch(/2 NetworkPolicies in 2 files: 1 invalid \(2 errors, 0 warnings, 2 unreadable inputs\)\n$/);
  });

  test('every bad-input fixture gives a message with its file and no stack trace', () => {
    const run = runCli('validate', path.join(FIXTURES, 'bad'));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('empty.yaml: file is empty: expected YAML or JSON Kubernetes objects');
    expect(run.stdout).toContain('not-kubernetes.json:1: skipped: expected a Kubernetes object (a mapping with apiVersion and kind), found a list (warning)');
    expect(run.stdout).toContain('wrong-shape.yaml:3: List.items must be a list, found the string "not-a-list"');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
