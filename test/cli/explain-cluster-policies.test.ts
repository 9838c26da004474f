/**
 * `explain` with cluster-scoped policies: the verdict names the tier, the policy, its priority,
 * the rule and the file that decided, and every Pass that handed the decision down.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const yaml = [
  'apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop}', '---',
  'apiVersion: v1', 'kind: Namespace', 'metadata: {name: tenant}', '---',
  'apiVersion: v1', 'kind: Pod', 'metadata: {name: web, namespace: shop, labels: {app: web}}', '---',
  'apiVersion: v1', 'kind: Pod', 'metadata: {name: app, namespace: tenant, labels: {app: app}}', '---',
  'apiVersion: policy.networking.k8s.io/v1alpha2', 'kind: ClusterNetworkPolicy', 'metadata: {name: delegate}',
  'spec:',
  '  tier: Admin',
  '  priority: 10',
  '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}',
  '  ingress:',
  '  - {name: to-owners, action: Pass, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: tenant}}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}',
  '  - {name: deny-rest, action: Deny, from: [{namespaces: {}}]}',
  '---',
  'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: allow-tenant, namespace: shop}',
  'spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {}}]}]}', '',
].join('\n');

function file(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-cnp-'));
  const f = path.join(dir, 'cluster.yaml');
  fs.writeFileSync(f, yaml);
  return f;
}

test('a Pass names the rule that handed the decision to the NetworkPolicies, which then allow', () => {
  const f = file();
  const run = runCli('explain', f, '--from', 'tenant/app', '--to', 'shop/web', '--port', 'tcp/80');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`passed by Admin tier: ClusterNetworkPolicy delegate (priority 10) spec.ingress[0] "to-owners" (Pass) (${f}:17): `
    + 'decided by the NetworkPolicies');
  expect(run.stdout).toContain('allowed by shop/allow-tenant');
});

test('a Deny names its tier, policy, priority, rule and file', () => {
  const f = file();
  const run = runCli('explain', f, '--from', 'tenant/app', '--to', 'shop/web', '--port', 'tcp/81');
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('ingress at shop/web[Pod]');
  expect(run.stdout).toContain(`denied by Admin tier: ClusterNetworkPolicy delegate (priority 10) spec.ingress[1] "deny-rest" (Deny) (${f}:17)`);
});

describe('the flags for nodes and domain names', () => {
  const objects = [
    'apiVersion: v1', 'kind: Pod', 'metadata: {name: app, namespace: tenant, labels: {app: app}}', '---',
    'apiVersion: v1', 'kind: Node', 'metadata: {name: n1, labels: {zone: a}}',
    'status: {addresses: [{type: InternalIP, address: 192.168.1.10}, {type: ExternalIP, address: 203.0.113.10}]}', '---',
    'apiVersion: policy.networking.k8s.io/v1alpha2', 'kind: ClusterNetworkPolicy', 'metadata: {name: egress}',
    'spec:',
    '  tier: Admin',
    '  priority: 1',
    '  subject: {namespaces: {}}',
    '  egress:',
    '  - {action: Accept, to: [{domainNames: ["*.example.com"]}]}',
    '  - {action: Deny, to: [{nodes: {matchLabels: {zone: a}}}]}',
    '  - {action: Deny, to: [{networks: [0.0.0.0/0]}]}',
    '',
  ].join('\n');

  function files(): { manifests: string; domains: string; bad: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-cnp-flags-'));
    const manifests = path.join(dir, 'cluster.yaml');
    fs.writeFileSync(manifests, objects);
    const domains = path.join(dir, 'domains.yaml');
    fs.writeFileSync(domains, 'api.example.com: [93.184.216.34]\n');
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'api.example.com: [not-an-ip]\n');
    return { manifests, domains, bad };
  }

  test('--domain-addresses gives domainNames peers their addresses; without it they match nothing', () => {
    const { manifests, domains } = files();
    expect(runCli('explain', manifests, '--from', 'tenant/app', '--to', '93.184.216.34', '--domain-addresses', domains).code).toBe(0);
    expect(runCli('explain', manifests, '--from', 'tenant/app', '--to', '93.184.216.34').code).toBe(1);
  });

  test('--node-address-types chooses which Node addresses a nodes peer matches', () => {
    const { manifests } = files();
    const denied = runCli('explain', manifests, '--from', 'tenant/app', '--to', '203.0.113.10');
    expect(denied.code).toBe(1);
    expect(denied.stdout).toContain('spec.egress[1]');
    // ExternalIP no longer counts: the address falls to the networks rule, which denies it too.
    const byNetworks = runCli('explain', manifests, '--from', 'tenant/app', '--to', '203.0.113.10', '--node-address-types', 'InternalIP');
    expect(byNetworks.stdout).toContain('spec.egress[2]');
  });

  test('a --domain-addresses file that is not a map of addresses is a usage error naming the file and the fix', () => {
    const { manifests, bad } = files();
    const run = runCli('explain', manifests, '--from', 'tenant/app', '--to', '93.184.216.34', '--domain-addresses', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--domain-addresses ${bad}: "api.example.com" must list IP addresses or CIDRs`);
  });
});

test('a cluster policy the API server would reject is evaluated as read, with a warning naming the field', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-cnp-'));
  const f = path.join(dir, 'cluster.yaml');
  // A rule name over the CRD's maximum length of 100 characters.
  fs.writeFileSync(f, yaml.replace('name: deny-rest', `name: ${'d'.repeat(101)}`));
  const run = runCli('explain', f, '--from', 'tenant/app', '--to', 'shop/web', '--port', 'tcp/81');
  expect(run.stderr).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: warning: ClusterNetworkPolicy delegate: spec\\.ingress\\[1\\]\\.name: .*100.*`
    + '\\(the API server would reject this object\\)'));
  expect(run.stdout).toContain('denied by Admin tier: ClusterNetworkPolicy delegate (priority 10) spec.ingress[1]');
});
