/**
 * The edges a real pipeline hits between a file and the model: standard input, links, bytes
 * that are not UTF-8, a plugin's own NetworkPolicy kind, and a kind spelled in the wrong case.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}}
`;

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-edges-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

test('"-" reads standard input (helm template … | cdk8s-netpol validate -)', () => {
  const script = "const { main } = require('./src/cli/main'); process.exitCode = main(process.argv.slice(1));";
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script, 'validate', '-'], {
    cwd: path.join(__dirname, '..', '..'),
    input: POLICY.replace('spec: {podSelector: {}}', 'spec: {podSelector: {}, ingress: [{ports: [{port: 0}]}]}'),
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
  });
  expect(run.stdout).toContain('<stdin>:4: shop/deny: spec.ingress[0].ports[0].port: Invalid value: 0');
  expect(run.status).toBe(1);
});

test('a file reached through a link is read once', () => {
  const dir = folder({ 'a.yaml': POLICY });
  fs.symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
  const run = runCli('validate', dir, path.join(dir, 'b.yaml'));
  expect(run.stdout).toContain('1 NetworkPolicy in 1 file: all valid');
  expect(run.stdout).not.toContain('duplicate-name');
});

test('bytes that are not UTF-8 are refused with the line, as kubectl refuses them', () => {
  const bytes = Buffer.concat([Buffer.from(POLICY.replace('deny', 'd')), Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  const run = runCli('validate', folder({ 'latin1.yaml': bytes }));
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(/latin1\.yaml:5: file is not valid UTF-8 \(byte \d+\); kubectl refuses it too/);
});

test('a Calico NetworkPolicy is not evaluated, with a warning, instead of being rejected as an invalid NetworkPolicy', () => {
  const calico = `apiVersion: crd.projectcalico.org/v1
kind: NetworkPolicy
metadata: {name: allow-tcp-6379, namespace: production}
spec:
  selector: role == 'database'
  ingress: [{action: Allow, protocol: TCP}]
`;
  const dir = folder({ 'calico.yaml': calico, 'k8s.yaml': POLICY });
  const run = runCli('validate', dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('calico.yaml:1: crd.projectcalico.org/v1 NetworkPolicy is a network plugin\'s own resource');
  expect(run.stdout).toContain('1 NetworkPolicy in 2 files: all valid');
  const connlist = runCli('connlist', dir);
  expect(connlist.stderr).toContain('is not evaluated');
});

test('kind: networkpolicy is an error that names the kind meant, not "all valid" with nothing checked', () => {
  const run = runCli('validate', folder({ 'typo.yaml': POLICY.replace('kind: NetworkPolicy', 'kind: networkpolicy') }));
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('typo.yaml:1: kind "networkpolicy" is not a Kubernetes kind (kinds are case-sensitive, and kubectl refuses it); did you mean "NetworkPolicy"?');
  expect(run.stdout).not.toContain('all valid');
});
