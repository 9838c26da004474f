import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-netpol');
const COMPILED = fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'));

if (!COMPILED) {
  // eslint-disable-next-line no-console
  console.log('bin smoke test skipped: lib/cli/main.js is not compiled yet (npx projen compile)');
}

(COMPILED ? describe : describe.skip)('bin/cdk8s-netpol', () => {
  test('is an executable node script that prints help', () => {
    expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: cdk8s-netpol/);
  });

  test('does not load cdk8s, cdk8s-plus-28 or constructs for connlist', () => {
    const shop = path.join(ROOT, 'test', 'fixtures', 'cli', 'shop');
    const probe = [
      `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'connlist', ${JSON.stringify(shop)}];`,
      `require(${JSON.stringify(BIN)});`,
      "process.on('exit', () => {",
      '  const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdk8s|cdk8s-plus-28|constructs)[\\\\/]/.test(f));',
      "  process.stderr.write('loaded: ' + JSON.stringify(loaded));",
      '});',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(run.stdout).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 8080\n');
    expect(run.stderr).toBe('loaded: []');
  });
});
