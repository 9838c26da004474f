/** `cdk8s-netpol diff OLD NEW`: what a change grants or removes, and the CI gate on it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const deployment = (name: string, port: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name, ports: [{ containerPort: port }] }] } } },
});
const policy = (name: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec });
const denyAll = policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const webToApi = (ports: object[]) => [
  policy('api-in', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports }] }),
  policy('web-out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports }] }),
];

function folder(objects: object[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-'));
  fs.writeFileSync(path.join(dir, 'all.yaml'), objects.map((o) => JSON.stringify(o)).join('\n---\n'));
  return dir;
}

const base = [deployment('web', 8080), deployment('api', 8080), denyAll];

test('an added allow is listed in netpol-analyzer\'s layout, ref1 = OLD', () => {
  const run = runCli('diff', folder(base), folder([...base, ...webToApi([{ port: 8080 }])]));
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('Connectivity diff:\n'
    + 'diff-type: added, source: shop/web[Deployment], destination: shop/api[Deployment], ref1: No Connections, ref2: TCP 8080\n');
});

test('--fail-on widen fails on an added or widened connection and lists it; a narrowing passes', () => {
  const narrow = folder([...base, ...webToApi([{ port: 8080 }])]);
  const wide = folder([...base, ...webToApi([{ port: 8080 }, { port: 9090 }])]);
  const widened = runCli('diff', narrow, wide, '--fail-on', 'widen');
  expect(widened.code).toBe(1);
  expect(widened.stdout).toContain('diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment], ref1: TCP 8080, ref2: TCP 8080,9090');
  expect(widened.stderr).toContain('error: the change widens access (1 pair):\n  shop/web[Deployment] -> shop/api[Deployment]: TCP 8080 => TCP 8080,9090');
  expect(runCli('diff', wide, narrow, '--fail-on', 'widen').code).toBe(0);
  expect(runCli('diff', wide, narrow, '--fail-on', 'any').code).toBe(1);
  expect(runCli('diff', wide, wide, '--fail-on', 'any').stdout).toBe('');
});

test('a workload that exists on one side only is named in workloads-diff-info', () => {
  const run = runCli('diff', folder([deployment('web', 8080)]), folder([deployment('web', 8080), deployment('api', 8080)]));
  expect(run.stdout).toContain('source: shop/web[Deployment], destination: shop/api[Deployment], ref1: No Connections, ref2: All Connections, '
    + 'workloads-diff-info: workload shop/api[Deployment] added');
});

test('external ranges are compared address by address, cut where either side is cut', () => {
  const egress = (cidr: string) => policy('web-out', {
    podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr } }], ports: [{ port: 443 }] }],
  });
  const run = runCli('diff', folder([deployment('web', 8080), egress('10.0.0.0/8')]), folder([deployment('web', 8080), egress('10.0.0.0/16')]));
  expect(run.stdout).toBe('Connectivity diff:\n'
    + 'diff-type: removed, source: shop/web[Deployment], destination: 10.1.0.0-10.255.255.255[External], ref1: TCP 443, ref2: No Connections\n');
});

test.each([
  ['json', '"diffType": "added"'],
  ['md', '| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |'],
  ['csv', 'diff-type,source,destination,ref1,ref2,workloads-diff-info\nadded,shop/web[Deployment],shop/api[Deployment],No Connections,TCP 8080,'],
])('--format %s', (format, expected) => {
  const run = runCli('diff', folder(base), folder([...base, ...webToApi([{ port: 8080 }])]), '--format', format);
  expect(run.stdout).toContain(expected);
});

test('--format json is the array of rows, as one JSON.stringify would write it', () => {
  const run = runCli('diff', folder(base), folder([...base, ...webToApi([{ port: 8080 }])]), '--format', 'json');
  const rows = JSON.parse(run.stdout);
  expect(rows).toContainEqual({ diffType: 'added', source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', ref1: 'No Connections', ref2: 'TCP 8080' });
  expect(run.stdout).toBe(JSON.stringify(rows, undefined, 2) + '\n');
});

test('changed pairs come first, then added, then removed, and two new ends are named together', () => {
  const before = folder([deployment('web', 8080), deployment('api', 8080), denyAll, ...webToApi([{ port: 8080 }])]);
  const after = folder([deployment('web', 8080), deployment('db', 5432), deployment('cache', 6379)]);
  const lines = runCli('diff', before, after).stdout.split('\n').filter((l) => l.startsWith('diff-type'));
  expect(lines.map((l) => l.slice(0, l.indexOf(',')))).toEqual([...lines].map((l) => l.slice(0, l.indexOf(','))).sort(
    (a, b) => ['diff-type: changed', 'diff-type: added', 'diff-type: removed'].indexOf(a) - ['diff-type: changed', 'diff-type: added', 'diff-type: removed'].indexOf(b)));
  expect(lines).toContain('diff-type: added, source: shop/cache[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: All Connections, '
    + 'workloads-diff-info: workload shop/cache[Deployment] and shop/db[Deployment] added');
  expect(lines.some((l) => l.startsWith('diff-type: removed') && l.endsWith('workloads-diff-info: workload shop/api[Deployment] removed'))).toBe(true);
});
