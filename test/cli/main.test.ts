import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './run-cli';

describe('cdk8s-netpol command line', () => {
  test('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const run = runCli('--version');
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--help lists every command', () => {
    const run = runCli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: cdk8s-netpol/);
    for (const command of ['validate', 'connlist', 'explain', 'lint', 'describe']) expect(run.stdout).toContain(`  ${command} `);
  });

  test.each([
    ['validate', ['--strict-cidr', '--no-strict-cidr', '--format']],
    ['connlist', ['--format', '--ipblock-pods', '--host-network', '--ip-family']],
    ['explain', ['--from', '--to', '--port', '--ipblock-pods']],
    ['lint', ['--rule', '--format']],
    ['describe', ['--max-file-size']],
  ])('%s --help documents its options', (command, options) => {
    const run = runCli(command, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: cdk8s-netpol ${command}`);
    for (const option of options) expect(run.stdout).toContain(option);
  });

  test('an unknown command is a usage error with exit code 2', () => {
    const run = runCli('frobnicate', 'x.yaml');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  test('no command prints help on stderr and exits 2', () => {
    const run = runCli();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: cdk8s-netpol/);
  });

  test('a missing path argument is a usage error', () => {
    const run = runCli('validate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'paths'/);
  });

  test('an invalid choice names the valid ones', () => {
    // `dot` was the invalid example until the picture formats came; `png` is not one of them.
    const run = runCli('connlist', '--format', 'png', 'x.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are txt, json, md, csv, dot, mermaid, svg, html/);
  });

  test('lint and describe run on the shop fixture', () => {
    const shop = path.join(__dirname, '..', 'fixtures', 'cli', 'shop');
    const lint = runCli('lint', '--rule', 'egress-without-dns=off', shop);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/finding/);
    const describe = runCli('describe', shop);
    expect(describe.code).toBe(0);
    expect(describe.stdout).toContain(`# ${path.join(shop, 'policies.yaml')}:2\n`);
  });

  test('lint passes a bad --rule to the lint command, which rejects it with code 2', () => {
    const run = runCli('lint', '--rule', 'no-such-rule=off', 'x.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rule "no-such-rule=off" names an unknown rule');
  });

  test('lint rejects an unknown --format with the valid choices', () => {
    const run = runCli('lint', '--format', 'xml', 'x.yaml');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n",
    });
  });

  test('--max-file-size must be a positive number', () => {
    const run = runCli('validate', '--max-file-size', 'lots', 'x.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-file-size.*expected a positive number of MiB/);
  });
});
