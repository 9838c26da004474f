import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const tasks = JSON.parse(fs.readFileSync(path.join(root, '.projen', 'tasks.json'), 'utf8')).tasks;

/** Every command a task runs, following `spawn` steps. */
function commandsOf(task: string): string[] {
  return (tasks[task].steps ?? []).flatMap((step: { exec?: string; execArgs?: string[]; spawn?: string }) => {
    if (step.spawn) return commandsOf(step.spawn);
    return [step.exec ?? (step.execArgs ?? []).join(' ')];
  });
}

describe('the package', () => {
  test('trap: npm pack after npm run examples shipped cdk8s.out/; only build output, entry points, README, API.md and LICENSE are packed', () => {
    // GIVEN a copy of the package with the leftovers a working tree collects
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-pack-'));
    try {
      const { bundledDependencies, dependencies, scripts, ...manifest } = packageJson;
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
      fs.copyFileSync(path.join(root, '.npmignore'), path.join(dir, '.npmignore'));
      for (const file of ['lib/index.js', 'lib/index.d.ts', 'lib/jest/index.js', 'jest.js', 'jest.d.ts', '.jsii', 'bin/cdk8s-netpol', 'README.md',
        'API.md', 'LICENSE', 'cdk8s.out/bookinfo/bookinfo.k8s.yaml', 'dist/js/x.tgz', 'test-reports/junit.xml', 'coverage/lcov.info',
        'src/index.ts', 'test/a.test.ts', 'examples/bookinfo.ts', 'bench/out/result.json', 'cdk8s-netpol-0.0.0.tgz', 'lib/index.test.ts.snap']) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), 'x');
      }
      // WHEN
      const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' }));
      // THEN
      expect(packed[0].files.map((f: { path: string }) => f.path).sort()).toEqual([
        '.jsii', 'API.md', 'LICENSE', 'README.md', 'bin/cdk8s-netpol', 'jest.d.ts', 'jest.js',
        'lib/index.d.ts', 'lib/index.js', 'lib/jest/index.js', 'package.json',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('trap: import "cdk8s-netpol/jest" failed under native ESM; the exports map serves both entry points to import and require', () => {
    const lib = path.join(root, 'lib', 'index.js');
    if (!fs.existsSync(lib)) {
      console.warn('skipped: lib/ is not built (npm ci builds it; or run npx jsii)');
      return;
    }
    // The package imports itself by name, which Node resolves through the exports map.
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e',
      "import 'cdk8s-netpol/jest'; import { Port } from 'cdk8s-netpol'; import * as matchers from 'cdk8s-netpol/jest'; "
      + 'console.log(Port.tcp(8080).toString(), typeof matchers.toAllow);'], { cwd: root, encoding: 'utf8' });
    const cjs = execFileSync(process.execPath, ['-e',
      "require('cdk8s-netpol/jest'); const { Port } = require('cdk8s-netpol'); console.log(Port.tcp(8080).toString(), typeof require('cdk8s-netpol/jest').toAllow);"],
    { cwd: root, encoding: 'utf8' });

    expect(esm.trim()).toBe('TCP 8080 function');
    expect(cjs.trim()).toBe('TCP 8080 function');
    expect(packageJson.exports['./jest']).toEqual({ types: './jest.d.ts', default: './jest.js' });
  });

  test('trap: npm test ran eslint --fix; no step of the test task rewrites the tree', () => {
    const commands = commandsOf('test');

    expect(commands.some((c) => c.startsWith('eslint'))).toBe(true);
    expect(commands.filter((c) => /--fix\b|--updateSnapshot|\s-u\b/.test(c))).toEqual([]);
  });
});
