/**
 * Trap: a dual-stack pod allowed only from an IPv6 ipBlock was reported allowed ("All
 * Connections") with no word that its IPv4 connections are denied. The verdict now names the
 * addresses the allowing ipBlocks leave out.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { Evaluator } from '../../src/eval/evaluator';
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { Reachability } from '../../src/testing/reachability';
import { Port } from '../../src/values/port';
import { endpoint, namespace, pod, policy } from '../audit/objects';
import { runCli } from '../cli/run-cli';

const fromIpv6Only = policy('x/a-from-v6', {
  podSelector: { matchLabels: { pod: 'a' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ ipBlock: { cidr: 'fd00::/64' } }] }],
});
const objects = (allow = fromIpv6Only) => [
  namespace('x'),
  pod('x/a', { pod: 'a' }),
  pod('x/b', { pod: 'b' }, { ips: ['10.0.0.5', 'fd00::5'] }),
  allow,
];

test('trap: a dual-stack pod allowed only from an IPv6 ipBlock is reported with its IPv4 connections denied', () => {
  const e = new Evaluator(clusterFromManifests(objects().map((object) => ({ object }))).cluster);
  const v = e.verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
  expect(v.allowed).toBe(true);
  expect(v.ingress.deniedPeerIps).toEqual(['10.0.0.5']);
  expect(v.text).toContain('connections over 10.0.0.5 (IPv4) are DENIED');
});

test('the matchers\' explanation carries the warning too', () => {
  const verdict = Reachability.fromManifests(objects()).verdict(endpoint('x/b'), endpoint('x/a'), Port.tcp(80));
  expect(verdict.explanation).toContain('10.0.0.5 (IPv4) are DENIED');
});

test('no warning when a selector or both families cover the pod', () => {
  const bySelector = policy('x/a-from-b', {
    podSelector: { matchLabels: { pod: 'a' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ ipBlock: { cidr: 'fd00::/64' } }, { podSelector: { matchLabels: { pod: 'b' } } }] }],
  });
  const bothFamilies = policy('x/a-from-both', {
    podSelector: { matchLabels: { pod: 'a' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ ipBlock: { cidr: 'fd00::/64' } }] }, { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
  });
  for (const allow of [bySelector, bothFamilies]) {
    const e = new Evaluator(clusterFromManifests(objects(allow).map((object) => ({ object }))).cluster);
    const v = e.verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
    expect(v.allowed).toBe(true);
    expect(v.ingress.deniedPeerIps).toBeUndefined();
    expect(v.text).not.toContain('DENIED');
  }
});

test('connlist lists the pair and notes on stderr that it holds only over the addresses inside the block', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dual-stack-'));
  const file = path.join(dir, 'cluster.yaml');
  fs.writeFileSync(file, objects().map((o) => YAML.stringify(o)).join('---\n'));
  const run = runCli('connlist', file);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('x/b[Pod] => x/a[Pod] : All Connections');
  expect(run.stderr).toContain('note: x/b[Pod] has addresses inside and outside ipBlock fd00::/64 (x/a-from-v6 spec.ingress[0].from[0])');
});
