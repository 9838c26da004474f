import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

describe('validate command: cluster-scoped policies', () => {
  let tmp: string;
  const write = (name: string, text: string[]) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text.join('\n') + '\n');
    return file;
  };
  beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-validate-cnp-')); });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('errors at their line, with the fix, beside NetworkPolicies; the summary counts both', () => {
    const file = write('mixed.yaml', [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: deny, namespace: shop}',
      'spec: {podSelector: {}}',
      '---',
      'apiVersion: policy.networking.k8s.io/v1alpha2',
      'kind: ClusterNetworkPolicy',
      'metadata: {name: guardrail}',
      'spec:',
      '  tier: Admin',
      '  priority: 10',
      '  subject: {namespaces: {}}',
      '  egress:',
      '  - action: Deny',
      '    to:',
      '    - networks: ["10.0.0.0"]',
      '---',
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: BaselineAdminNetworkPolicy',
      'metadata: {name: baseline}',
      'spec: {subject: {namespaces: {}}}',
    ]);
    const run = runCli('validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe([
      `${file}:16: ClusterNetworkPolicy guardrail: spec.egress[0].to[0].networks[0]: Invalid value: "string": Invalid CIDR format provided`,
      '    fix: add the prefix length, e.g. "10.0.0.0/32"',
      `${file}:18: BaselineAdminNetworkPolicy baseline: <nil>: Invalid value: "object": Only one baseline admin network policy with metadata.name="default" can be created in the cluster`,
      '    fix: name it default (metadata.name: default): a cluster has at most one BaselineAdminNetworkPolicy',
      '1 NetworkPolicy and 2 cluster-scoped policies in 1 file: 2 invalid (2 errors, 0 warnings)',
      '',
    ].join('\n'));
  });

  test('--crd-channel experimental accepts nodes peers, which the standard CRD does not know', () => {
    const file = write('nodes.yaml', [
      'apiVersion: policy.networking.k8s.io/v1alpha2',
      'kind: ClusterNetworkPolicy',
      'metadata: {name: api-server}',
      'spec:',
      '  tier: Admin',
      '  priority: 1',
      '  subject: {namespaces: {}}',
      '  egress: [{action: Accept, to: [{nodes: {matchLabels: {role: control-plane}}}]}]',
    ]);
    const standard = runCli('validate', file);
    expect(standard.code).toBe(1);
    expect(standard.stdout).toContain(`${file}:8: ClusterNetworkPolicy api-server: spec.egress[0].to[0].nodes: strict decoding error: unknown field`);
    const experimental = runCli('validate', '--crd-channel', 'experimental', file);
    expect(experimental).toEqual({ code: 0, stdout: '1 cluster-scoped policy in 1 file: all valid (0 errors, 0 warnings)\n', stderr: '' });
  });

  test('json output names the kind', () => {
    const file = write('one.yaml', [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: AdminNetworkPolicy',
      'metadata: {name: a}',
      'spec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Allow, from: [{namespaces: {}}]}]}',
    ]);
    const run = runCli('validate', '--format', 'json', file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).policies).toEqual([{ file, line: 1, policy: 'AdminNetworkPolicy a', kind: 'AdminNetworkPolicy', valid: true, diagnostics: [] }]);
  });
});
