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
