import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
const SHOP = path.join(FIXTURES, 'shop');

/** The shop scenario worked out by hand from its policies (see test/fixtures/cli/shop/policies.yaml). */
const SHOP_CONNLIST = [
  '0.0.0.0-255.255.255.255[External] => monitoring/prometheus[Pod] : All Connections',
  '203.0.113.0-203.0.113.255[External] => shop/web[Deployment] : TCP 443',
  'monitoring/prometheus[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'monitoring/prometheus[Pod] => shop/web[Deployment] : TCP 9090',
  'shop/api[Deployment] => 10.0.0.0-10.0.255.255[External] : TCP 5432',
  'shop/api[Deployment] => 10.2.0.0-10.255.255.255[External] : TCP 5432',
  'shop/web[Deployment] => monitoring/prometheus[Pod] : UDP 53',
  'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
];

describe('connlist command', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-connlist-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function write(name: string, content: string): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    return file;
  }

  describe('txt format', () => {
    test('prints the netpol-analyzer list of the shop scenario, sorted, and nothing else', () => {
      const run = runCli('connlist', SHOP);
      expect(run).toEqual({ code: 0, stdout: SHOP_CONNLIST.join('\n') + '\n', stderr: '' });
    });

    test('is the default and can be named', () => {
      expect(runCli('connlist', '--format', 'txt', SHOP).stdout).toBe(runCli('connlist', SHOP).stdout);
    });

    test('never lists a workload to itself', () => {
      const run = runCli('connlist', SHOP);
      for (const line of run.stdout.trim().split('\n')) {
        const [src, rest] = line.split(' => ');
        expect(rest.split(' : ')[0]).not.toBe(src);
      }
    });

    test('an input where nothing is allowed prints nothing', () => {
      const file = write('deny.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny}',
        'spec: {podSelector: {}, policyTypes: [Ingress, Egress]}', '',
      ].join('\n'));
      expect(runCli('connlist', file)).toEqual({ code: 0, stdout: '', stderr: '' });
    });
  });

  describe('other formats', () => {
    test('json holds the same pairs as src, dst and conn', () => {
      const run = runCli('connlist', '--format', 'json', SHOP);
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.stdout) as { src: string; dst: string; conn: string }[];
      expect(rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}`)).toEqual(SHOP_CONNLIST);
    });

    test('md is a table with one row per pair', () => {
      const lines = runCli('connlist', '--format', 'md', SHOP).stdout.trim().split('\n');
      expect(lines.slice(0, 2)).toEqual(['| src | dst | conn |', '|-----|-----|------|']);
      expect(lines).toHaveLength(2 + SHOP_CONNLIST.length);
      expect(lines).toContain('| shop/web[Deployment] | shop/api[Deployment] | TCP 8080 |');
    });

    test('csv has the src,dst,conn header and one record per pair', () => {
      const lines = runCli('connlist', '--format', 'csv', SHOP).stdout.trim().split('\n');
      expect(lines[0]).toBe('src,dst,conn');
      expect(lines).toHaveLength(1 + SHOP_CONNLIST.length);
      expect(lines).toContain('shop/web[Deployment],shop/api[Deployment],TCP 8080');
    });
  });

  describe('--ipblock-pods', () => {
    function podsAndPolicy(): string {
      return write('ipblock.yaml', [
        'apiVersion: v1', 'kind: Pod',
        'metadata: {name: client, namespace: x, labels: {app: client}}',
        'status: {podIP: 10.0.0.5, podIPs: [{ip: 10.0.0.5}]}', '---',
        'apiVersion: v1', 'kind: Pod',
        'metadata: {name: server, namespace: x, labels: {app: server}}',
        'status: {podIP: 10.0.0.9, podIPs: [{ip: 10.0.0.9}]}', '---',
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy',
        'metadata: {name: from-cidr, namespace: x}',
        'spec:',
        '  podSelector: {matchLabels: {app: server}}',
        '  ingress:',
        '    - from: [{ipBlock: {cidr: 10.0.0.0/24}}]',
        '',
      ].join('\n'));
    }

    test('match (the default) lets an ipBlock select the pods whose IPs it holds', () => {
      const run = runCli('connlist', podsAndPolicy());
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('x/client[Pod] => x/server[Pod] : All Connections\n');
      expect(run.stdout).toContain('10.0.0.0-10.0.0.255[External] => x/server[Pod] : All Connections\n');
    });

    test('ignore matches ipBlocks against external addresses only, like netpol-analyzer', () => {
      const run = runCli('connlist', '--ipblock-pods', 'ignore', podsAndPolicy());
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('x/client[Pod] => x/server[Pod]');
      expect(run.stdout).toContain('10.0.0.0-10.0.0.255[External] => x/server[Pod] : All Connections\n');
    });
  });

  describe('--host-network', () => {
    function hostNetworkPod(): string {
      return write('host-network.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: host, namespace: x, labels: {app: host}}',
        'spec: {hostNetwork: true, containers: [{name: c}]}', '---',
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: client, namespace: x, labels: {app: client}}', '---',
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny-in, namespace: x}',
        'spec: {podSelector: {}}', '',
      ].join('\n'));
    }

    test('as-pod (the default) isolates a hostNetwork pod like any other', () => {
      const run = runCli('connlist', hostNetworkPod());
      expect(run.stdout).not.toContain('=> x/host[Pod]');
    });

    test('as-node leaves a hostNetwork pod out of pod selectors, so the policy does not isolate it', () => {
      const run = runCli('connlist', '--host-network', 'as-node', hostNetworkPod());
      expect(run.stdout).toContain('x/client[Pod] => x/host[Pod] : All Connections\n');
      expect(run.stdout).toContain('0.0.0.0-255.255.255.255[External] => x/host[Pod] : All Connections\n');
    });
  });

  describe('--ip-family', () => {
    test('ipv4 (the default) lists no IPv6 range; all adds them', () => {
      const v4 = runCli('connlist', SHOP).stdout;
      const all = runCli('connlist', '--ip-family', 'all', SHOP).stdout;
      expect(v4).not.toMatch(/::/);
      expect(all).toContain('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => monitoring/prometheus[Pod] : All Connections\n');
      expect(all.split('\n').filter((l) => !l.includes('::'))).toEqual(v4.split('\n'));
    });

    test('a note on stderr says when IPv6 ipBlocks exist but IPv6 ranges are hidden', () => {
      const file = write('v6.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: v6}',
        'spec:', '  podSelector: {}', '  ingress:', '    - from: [{ipBlock: {cidr: "2001:db8::/32"}}]', '',
      ].join('\n'));
      const run = runCli('connlist', file);
      expect(run.stdout).toBe('default/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n');
      expect(run.stderr).toMatch(/^note: policies use IPv6 ipBlocks but only IPv4 external ranges are listed/);
      const v6 = runCli('connlist', '--ip-family', 'ipv6', file);
      expect(v6.stdout).toContain('2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] => default/a[Pod] : All Connections\n');
      expect(v6.stdout).not.toContain('0.0.0.0');
    });
  });

  describe('bad input', () => {
    test('unreadable files go to stderr, the list of the rest to stdout, and the exit code is 2', () => {
      const run = runCli('connlist', path.join(FIXTURES, 'bad', 'malformed.yaml'), SHOP);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe(SHOP_CONNLIST.join('\n') + '\n');
      expect(run.stderr).toMatch(/malformed\.yaml:10: invalid YAML: /);
      expect(run.stderr).toContain('error: 1 input problem (see above): the result covers only what could be read\n');
    });

    test('a policy with an invalid spec is left out, as the API server would reject it, and the exit code is 1', () => {
      const run = runCli('connlist', path.join(FIXTURES, 'bad', 'invalid-policies.yaml'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('invalid-policies.yaml:18: shop/bad-ports: spec.ingress[0].ports[0].port: Invalid value: 0');
      expect(run.stderr).toContain('error: invalid NetworkPolicy left out, as the API server would reject it: shop/bad-ports (details: cdk8s-netpol validate)\n');
    });

    test('errors outside spec, such as the status field of kubectl get output, are warnings', () => {
      const file = write('status.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny}',
        'spec: {podSelector: {}, policyTypes: [Ingress, Egress]}', 'status: {}', '',
      ].join('\n'));
      const run = runCli('connlist', file);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${file}:9: warning: default/deny: status: strict decoding error: unknown field "status"\n`);
    });

    test('admin network policies are evaluated: an AdminNetworkPolicy Deny removes the connections it matches', () => {
      const file = write('anp.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: b, labels: {app: b}}', '---',
        'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata: {name: deny-to-b}',
        'spec: {priority: 1, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: b}}}}, '
        + 'ingress: [{action: Deny, from: [{namespaces: {}}]}]}', '',
      ].join('\n'));
      const run = runCli('connlist', file);
      expect(run).toEqual({
        code: 0,
        stdout: [
          '0.0.0.0-255.255.255.255[External] => default/a[Pod] : All Connections',
          '0.0.0.0-255.255.255.255[External] => default/b[Pod] : All Connections',
          'default/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
          'default/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
          'default/b[Pod] => default/a[Pod] : All Connections',
          '',
        ].join('\n'),
        stderr: '',
      });
    });

    test('a kind of the policy API group this tool cannot read is not evaluated, and a warning says so', () => {
      const file = write('future.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: policy.networking.k8s.io/v1beta1', 'kind: ClusterNetworkPolicy', 'metadata: {name: deny-all}',
        'spec: {tier: Admin, priority: 1, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}', '',
      ].join('\n'));
      const run = runCli('connlist', file);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`${file}:5: warning: ClusterNetworkPolicy deny-all is not evaluated (policy.networking.k8s.io/v1beta1 ClusterNetworkPolicy `
        + 'is not a kind this tool reads: ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy and BaselineAdminNetworkPolicy v1alpha1 are): the result ignores it\n');
    });

    test('a cluster policy that cannot be read is left out with a warning naming the field', () => {
      const file = write('bad-cnp.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: policy.networking.k8s.io/v1alpha2', 'kind: ClusterNetworkPolicy', 'metadata: {name: no-tier}',
        'spec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}', '',
      ].join('\n'));
      const run = runCli('connlist', file);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`${file}:8: warning: ClusterNetworkPolicy no-tier: spec.tier: Required value (the API server would reject this object)\n`
        + '    fix: set tier: Admin (decided before NetworkPolicies) or tier: Baseline (after them); there is no default, on purpose\n'
        + `warning: Skipped ClusterNetworkPolicy no-tier in ${file}:5, which cannot be evaluated: `
        + 'spec.tier: Required value: write "Admin" or "Baseline".\n');
    });

    test('v1alpha1 and v1alpha2 policies in one tier are refused unless --mixed-api-versions orders them', () => {
      const file = write('mixed.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: a, labels: {app: a}}', '---',
        'apiVersion: v1', 'kind: Pod', 'metadata: {name: b, labels: {app: b}}', '---',
        'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata: {name: old}',
        'spec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}', '---',
        'apiVersion: policy.networking.k8s.io/v1alpha2', 'kind: ClusterNetworkPolicy', 'metadata: {name: new}',
        'spec: {tier: Admin, priority: 0, subject: {namespaces: {}}, ingress: [{action: Accept, from: [{namespaces: {}}]}]}', '',
      ].join('\n'));
      const refused = runCli('connlist', file);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('error: The Admin tier holds both AdminNetworkPolicy old (v1alpha1) and ClusterNetworkPolicy new (v1alpha2)');
      expect(runCli('connlist', file, '--mixed-api-versions', 'v1alpha2-first').stdout).toContain('default/a[Pod] => default/b[Pod] : All Connections');
      expect(runCli('connlist', file, '--mixed-api-versions', 'v1alpha1-first').stdout).not.toContain('default/a[Pod] => default/b[Pod]');
    });

    test('a folder without manifests gives an empty list and a warning', () => {
      const run = runCli('connlist', tmp);
      expect(run).toEqual({ code: 0, stdout: '', stderr: `${tmp}: folder holds no *.yaml, *.yml, *.json file (warning)\n` });
    });
  });
});
