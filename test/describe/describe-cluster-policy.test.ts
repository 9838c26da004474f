import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runDescribe } from '../../src/cli/commands/describe';
import { ExitCode } from '../../src/cli/io';
import { describeClusterPolicy } from '../../src/describe/describe-cluster-policy';
import { readClusterPolicy } from '../../src/model/cluster-policy';
import { captureIo as capture } from '../cli/run-cli';

function read(object: unknown) {
  const reading = readClusterPolicy(object);
  if ('error' in reading) throw new Error(reading.error);
  return reading.policy;
}

test('a ClusterNetworkPolicy in plain words: tier, priority, subject and each rule with its action, peers and ports', () => {
  const text = describeClusterPolicy(read({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'guardrails' },
    spec: {
      tier: 'Admin',
      priority: 10,
      subject: { pods: { podSelector: { matchLabels: { app: 'web' } } } },
      ingress: [{ name: 'monitoring', action: 'Accept', from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], protocols: [{ tcp: { destinationPort: { number: 9090 } } }] }],
      egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }], protocols: [{ udp: { destinationPort: { range: { start: 1000, end: 2000 } } } }, { destinationNamedPort: 'dns' }] }],
    },
  }));
  expect(text).toBe([
    'ClusterNetworkPolicy guardrails',
    '  Tier: Admin, priority 10 (lower numbers are evaluated first); evaluated before NetworkPolicies: Accept and Deny are final, Pass hands the decision to NetworkPolicies.',
    '  Applies to: pods where app=web, in every namespace (never hostNetwork pods).',
    '  Ingress rules, first match wins:',
    '    1. "monitoring" Accept from every pod in namespace "monitoring" on TCP port 9090',
    '  Egress rules, first match wins:',
    '    1. Deny to addresses in 0.0.0.0/0 on UDP ports 1000-2000 or the port named "dns" on the destination pod',
  ].join('\n'));
});

test('describe reads AdminNetworkPolicy and BaselineAdminNetworkPolicy files too, with v1alpha1 Allow read as Accept', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'describe-anp-'));
  const file = path.join(dir, 'anp.yaml');
  fs.writeFileSync(file, [
    'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: BaselineAdminNetworkPolicy', 'metadata: {name: default}',
    'spec: {subject: {namespaces: {}}, egress: [{action: Allow, to: [{namespaces: {}}], ports: [{portNumber: {port: 53, protocol: UDP}}]}]}', '',
  ].join('\n'));
  const { io, out } = capture();
  expect(runDescribe([file], {}, io)).toBe(ExitCode.OK);
  expect(out()).toContain(`# ${file}:1\nBaselineAdminNetworkPolicy default\n  Tier: Baseline (the single v1alpha1 baseline policy, no priority)`);
  expect(out()).toContain('1. Accept (written Allow) to every pod in every namespace on UDP port 53');
});
