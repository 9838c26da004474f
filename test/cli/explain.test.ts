import * as path from 'path';
import { runCli } from './run-cli';

const SHOP = path.join(__dirname, '..', 'fixtures', 'cli', 'shop');
const POLICIES = path.join(SHOP, 'policies.yaml');

describe('explain command', () => {
  test('an allowed connection prints the verdict with the rule that allows it and exits 0', () => {
    const run = runCli('explain', SHOP, '--from', 'shop/web', '--to', 'shop/api[Deployment]', '--port', 'tcp/8080');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toMatch(/^TCP\/8080 from shop\/web\[Deployment\] .*to shop\/api\[Deployment\] .*: ALLOWED$/);
    expect(run.stdout).toContain(`shop/api-ingress (${POLICIES}:11) spec.ingress[0].from[0]`);
    expect(run.stdout).toContain(`shop/web-egress (${POLICIES}:28) spec.egress[0].to[0]`);
  });

  test('a denied connection names the isolating policies and exits 1', () => {
    const run = runCli('explain', SHOP, '--from', 'shop/api', '--to', 'shop/web', '--port', '443');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^TCP\/443 from shop\/api\[Deployment\] .*: DENIED$/);
    expect(run.stdout).toContain(`shop/default-deny (${POLICIES}:2)`);
  });

  test('an IP address can be the source; a bare port means TCP', () => {
    const allowed = runCli('explain', SHOP, '--from', '203.0.113.7', '--to', 'shop/web', '--port', '443');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout.split('\n')[0]).toMatch(/^TCP\/443 from 203\.0\.113\.7 to shop\/web\[Deployment\].*: ALLOWED$/);
    const udp = runCli('explain', SHOP, '--from', '203.0.113.7', '--to', 'shop/web', '--port', 'UDP/443');
    expect(udp.code).toBe(1);
    expect(udp.stdout.split('\n')[0]).toMatch(/^UDP\/443 .*: DENIED$/);
  });

  test('an IP address can be the destination', () => {
    const run = runCli('explain', SHOP, '--from', 'shop/api', '--to', '10.1.2.3', '--port', 'tcp/5432');
    expect(run.code).toBe(1);
    expect(runCli('explain', SHOP, '--from', 'shop/api', '--to', '10.2.2.3', '--port', 'tcp/5432').code).toBe(0);
  });

  describe('bad arguments exit 2 with a message that says what to write', () => {
    test.each([
      [['--from', 'web', '--to', 'shop/api'], '--from "web" is neither a workload nor an IP address; use ns/name, ns/name[Kind]'],
      [['--from', 'shop/web', '--to', '10.0.0.300'], '--to "10.0.0.300" is neither a workload nor an IP address'],
      [['--from', 'shop/web', '--to', 'shop/api', '--port', 'tcp/-x'], '--port "tcp/-x" is not a port; use tcp/80, udp/53, sctp/9000, 80 (TCP), or a named port'],
      [['--from', 'shop/web', '--to', 'shop/api', '--port', 'tcp/70000'], '--port "tcp/70000" is not a port'],
      [['--from', 'shop/web', '--to', 'shop/api', '--port', 'icmp/1'], '--port "icmp/1" is not a port'],
      [['--from', '1.2.3.4', '--to', '5.6.7.8'], '--from and --to are both outside the cluster; NetworkPolicies only govern traffic to or from pods'],
      [['--from', 'internet', '--to', '5.6.7.8'], '--from and --to are both outside the cluster'],
    ])('%j', (args, message) => {
      const run = runCli('explain', SHOP, ...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`error: ${message}`);
    });

    test('a workload that is not in the input lists the known ones', () => {
      const run = runCli('explain', SHOP, '--from', 'shop/cart', '--to', 'shop/api');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('error: --from "shop/cart" is not a workload of the input; known workloads: '
        + 'monitoring/prometheus[Pod], shop/api[Deployment], shop/web[Deployment]\n');
    });

    test('--from and --to are required', () => {
      const run = runCli('explain', SHOP, '--to', 'shop/api');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/required option '--from <peer>' not specified/);
    });
  });
});
