/**
 * Audit of the CLI's connlist external ranges and explain verdicts, worked out by hand from
 * the fixtures in test/audit/fixtures (each file says what its policies mean).
 */
import * as path from 'path';
import { runCli } from '../cli/run-cli';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string): string => path.join(FIXTURES, name);
const ALL_V4 = '0.0.0.0-255.255.255.255[External]';
const ALL_V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]';

function lines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '');
}

describe('connlist: ingress from 10.0.0.0/8 except 10.1.0.0/16 on TCP 80', () => {
  test('10.1.x.x gets nothing, the rest of 10/8 gets TCP 80, other addresses nothing; the open pod gets everything', () => {
    const run = runCli('connlist', fixture('except-ingress.yaml'));
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V4} => x/b[Pod] : All Connections`,
      '10.0.0.0-10.0.255.255[External] => x/a[Pod] : TCP 80',
      '10.2.0.0-10.255.255.255[External] => x/a[Pod] : TCP 80',
      `x/a[Pod] => ${ALL_V4} : All Connections`,
      'x/a[Pod] => x/b[Pod] : All Connections',
      `x/b[Pod] => ${ALL_V4} : All Connections`,
    ]);
  });

  test('no IPv6 address reaches the isolated pod; the open pod takes all of IPv6', () => {
    const run = runCli('connlist', fixture('except-ingress.yaml'), '--ip-family', 'ipv6');
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V6} => x/b[Pod] : All Connections`,
      `x/a[Pod] => ${ALL_V6} : All Connections`,
      'x/a[Pod] => x/b[Pod] : All Connections',
      `x/b[Pod] => ${ALL_V6} : All Connections`,
    ]);
  });

  test('explain agrees address by address at the range edges', () => {
    const file = fixture('except-ingress.yaml');
    const verdict = (ip: string, port = 'tcp/80'): number => runCli('explain', file, '--from', ip, '--to', 'x/a', '--port', port).code;
    expect(verdict('10.0.255.255')).toBe(0);
    expect(verdict('10.1.0.0')).toBe(1);
    expect(verdict('10.1.255.255')).toBe(1);
    expect(verdict('10.2.0.0')).toBe(0);
    expect(verdict('10.255.255.255')).toBe(0);
    expect(verdict('11.0.0.0')).toBe(1);
    expect(verdict('9.255.255.255')).toBe(1);
    expect(verdict('10.0.0.1', 'udp/80')).toBe(1);
    expect(verdict('10.0.0.1', 'tcp/81')).toBe(1);
  });
});

describe('connlist: egress with two excepts, a rule inside an except, and an IPv6 block', () => {
  test('IPv4 ranges are cut at every except and the inner rule brings its own protocol', () => {
    const run = runCli('connlist', fixture('except-egress.yaml'));
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V4} => x/a[Pod] : All Connections`,
      'x/a[Pod] => 10.0.0.0-10.0.255.255[External] : TCP 443',
      'x/a[Pod] => 10.1.128.0-10.1.255.255[External] : UDP 53',
      'x/a[Pod] => 10.3.0.0-10.255.255.255[External] : TCP 443',
    ]);
  });

  test('IPv6 ranges leave out the except', () => {
    const run = runCli('connlist', fixture('except-egress.yaml'), '--ip-family', 'ipv6');
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V6} => x/a[Pod] : All Connections`,
      // sorted as strings: '2001:db8:2::' sorts before '2001:db8::'
      'x/a[Pod] => 2001:db8:2::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] : TCP 443',
      'x/a[Pod] => 2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff[External] : TCP 443',
    ]);
  });

  test('explain: an address in the inner block gets UDP 53 but not TCP 443', () => {
    const file = fixture('except-egress.yaml');
    expect(runCli('explain', file, '--from', 'x/a', '--to', '10.1.200.1', '--port', 'udp/53').code).toBe(0);
    expect(runCli('explain', file, '--from', 'x/a', '--to', '10.1.200.1', '--port', 'tcp/443').code).toBe(1);
    expect(runCli('explain', file, '--from', 'x/a', '--to', '10.1.1.1', '--port', 'udp/53').code).toBe(1);
    expect(runCli('explain', file, '--from', 'x/a', '--to', '2001:db8:1::1', '--port', 'tcp/443').code).toBe(1);
    expect(runCli('explain', file, '--from', 'x/a', '--to', '2001:db8:2::1', '--port', 'tcp/443').code).toBe(0);
  });
});

describe('connlist: an invalid policy', () => {
  test('is left out (exit 1) while a policy with only an invalid name still applies', () => {
    const run = runCli('connlist', fixture('invalid-policy.yaml'));
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V4} => x/a[Pod] : All Connections`,
      `${ALL_V4} => x/b[Pod] : TCP 8080`,
      `x/a[Pod] => ${ALL_V4} : All Connections`,
      'x/a[Pod] => x/b[Pod] : TCP 8080',
      `x/b[Pod] => ${ALL_V4} : All Connections`,
      'x/b[Pod] => x/a[Pod] : All Connections',
    ]);
    expect(run.stderr).toContain('spec.ingress[0].ports[0].port');
    expect(run.stderr).toContain('Upper');
  });
});

describe('connlist: ranges at the ends of the address space', () => {
  test('excepting the first and last address leaves the rest, and adjacent blocks with equal connections merge', () => {
    const run = runCli('connlist', fixture('edge-ranges.yaml'), '--ip-family', 'all');
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      '0.0.0.1-9.255.255.255[External] => x/a[Pod] : UDP 53',
      '10.0.0.0-10.255.255.255[External] => x/a[Pod] : TCP 443,UDP 53',
      '11.0.0.0-255.255.255.254[External] => x/a[Pod] : UDP 53',
      '::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe[External] => x/a[Pod] : UDP 53',
      `x/a[Pod] => ${ALL_V4} : All Connections`,
      `x/a[Pod] => ${ALL_V6} : All Connections`,
    ]);
  });

  test('explain: the excepted first and last addresses are denied, their neighbours allowed', () => {
    const file = fixture('edge-ranges.yaml');
    const code = (ip: string, port = 'udp/53'): number => runCli('explain', file, '--from', ip, '--to', 'x/a', '--port', port).code;
    expect(code('0.0.0.0')).toBe(1);
    expect(code('0.0.0.1')).toBe(0);
    expect(code('255.255.255.254')).toBe(0);
    expect(code('255.255.255.255')).toBe(1);
    expect(code('::')).toBe(1);
    expect(code('::1')).toBe(0);
    expect(code('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(1);
    expect(code('10.127.255.255', 'tcp/443')).toBe(0);
    expect(code('10.128.0.0', 'tcp/443')).toBe(0);
    expect(code('11.0.0.0', 'tcp/443')).toBe(1);
  });
});

describe('connlist: named ports, pod IPs in ipBlocks, namespace labels', () => {
  test('every pair worked out by hand (ipBlocks match pod IPs by default)', () => {
    const run = runCli('connlist', fixture('pod-ips.yaml'));
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V4} => y/client[Pod] : All Connections`,
      '10.0.1.0-10.0.1.255[External] => x/db[Pod] : TCP 5432',
      `x/db[Pod] => ${ALL_V4} : All Connections`,
      'x/db[Pod] => y/client[Pod] : All Connections',
      `x/web[Deployment] => ${ALL_V4} : All Connections`,
      'x/web[Deployment] => x/db[Pod] : TCP 5432',
      'x/web[Deployment] => y/client[Pod] : All Connections',
      'y/client[Pod] => 10.0.0.0-10.0.255.255[External] : TCP 5432',
      'y/client[Pod] => x/db[Pod] : TCP 5432',
      'y/client[Pod] => x/web[Deployment] : TCP 8080',
    ]);
  });

  test('--ipblock-pods ignore drops the pair that only ipBlocks allowed', () => {
    const run = runCli('connlist', fixture('pod-ips.yaml'), '--ipblock-pods', 'ignore');
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).not.toContain('y/client[Pod] => x/db[Pod] : TCP 5432');
    expect(lines(run.stdout)).toContain('y/client[Pod] => x/web[Deployment] : TCP 8080');
    expect(lines(run.stdout)).toHaveLength(9);
  });
});

describe('connlist: hostNetwork pods', () => {
  test('as-pod (default): the hostNetwork pod is isolated like any pod', () => {
    const run = runCli('connlist', fixture('host-network.yaml'));
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `x/a[Pod] => ${ALL_V4} : All Connections`,
      `x/h[Pod] => ${ALL_V4} : All Connections`,
    ]);
  });

  test('as-node: the hostNetwork pod is not selected, and its traffic to the isolated pod is node traffic', () => {
    const run = runCli('connlist', fixture('host-network.yaml'), '--host-network', 'as-node');
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `${ALL_V4} => x/h[Pod] : All Connections`,
      `x/a[Pod] => ${ALL_V4} : All Connections`,
      'x/a[Pod] => x/h[Pod] : All Connections',
      `x/h[Pod] => ${ALL_V4} : All Connections`,
    ]);
  });
});
