/**
 * The edges a pipeline hits with `explain`: address spellings Kubernetes never writes, named
 * ports, `internet`, pod names from a `kubectl get pods` dump, and `--version`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-7d4b9-xk2p', namespace: 'shop', labels: { app: 'web' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4b9', controller: true }] },
    spec: { containers: [{ name: 'web', image: 'web', ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: 'UDP' }] }] },
    status: { podIP: '10.0.0.5' },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'http' }] }] },
  },
];

function dump(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-edges-'));
  const file = path.join(dir, 'pods.json');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  return file;
}

test.each(['0x0a.1.2.3', '10.1', '167837955', 'fe80::1%eth0'])('--from %s is a clear argument error, not an internal error', (address) => {
  const run = runCli('explain', dump(), '--from', address, '--to', 'shop/web-7d4b9', '--port', '8080');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`--from "${address}" is not an IP address as Kubernetes writes one`);
  expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
});

test('--port takes a named port, resolved on the destination workload', () => {
  const allowed = runCli('explain', dump(), '--from', 'internet', '--to', 'shop/web-7d4b9', '--port', 'tcp/http');
  expect(allowed.code).toBe(0);
  expect(allowed.stdout).toContain('TCP/8080 from the internet');
  const denied = runCli('explain', dump(), '--from', 'internet', '--to', 'shop/web-7d4b9', '--port', 'udp/dns');
  expect(denied.code).toBe(1);
  expect(denied.stdout).toContain('UDP/5353');
});

test('--port with a name the destination does not declare lists the names it does', () => {
  const run = runCli('explain', dump(), '--from', 'internet', '--to', 'shop/web-7d4b9', '--port', 'tcp/metrics');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('declares no TCP container port named "metrics"; its named ports: tcp/http (8080), udp/dns (5353)');
});

test('internet is accepted by the CLI as by the library', () => {
  const run = runCli('explain', dump(), '--from', 'shop/web-7d4b9', '--to', 'internet', '--port', '443');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('to the internet');
});

test('a pod name from a kubectl get pods dump finds its workload', () => {
  const run = runCli('explain', dump(), '--from', 'internet', '--to', 'shop/web-7d4b9-xk2p', '--port', '8080');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('shop/web-7d4b9[ReplicaSet]');
});

test('--version prints the package version, not 0.0.0', () => {
  const run = runCli('--version');
  const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  expect(run.stdout.trim()).toBe(version);
  expect(version).not.toBe('0.0.0');
});
