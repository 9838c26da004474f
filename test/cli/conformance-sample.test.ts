import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

/**
 * A few netpol-analyzer cases run in-process, so that `npm test` covers the loader and connlist
 * paths they exercise even without a compiled lib/ (the whole corpus runs in scripts/conformance.sh).
 * The data stays in ../shared beside the checkout; the test skips when it is absent.
 */
const SHARED = path.join(__dirname, '..', '..', '..', 'shared');
const ORACLE = path.join(SHARED, 'oracle', 'netpol-analyzer');
const CHECKER = path.join(SHARED, 'conformance', 'check_connlist.py');
const PYTHON = spawnSync('python3', ['--version']).status === 0;
const AVAILABLE = fs.existsSync(path.join(ORACLE, 'manifest.json')) && fs.existsSync(CHECKER) && PYTHON;

if (!AVAILABLE) {
  // eslint-disable-next-line no-console
  console.log(`netpol-analyzer sample skipped: ${path.join(SHARED, 'oracle')} or python3 is not available`);
}

/** Input dirs chosen for what they exercise; the first connlist case of each is checked, with its focus options. */
const CASES: [string, string][] = [
  ['acs-security-demos-added-workloads', 'a tab inside a flow list, folders in folders, focus options'],
  ['multiple_topology_resources_3', 'NamespaceList and PodList items without kind'],
  ['netpol_named_port_test_2', 'named ports with SCTP and UDP'],
  ['ipblockstest_2', 'ipBlocks with except'],
  ['semanticDiff-same-topologies-old2', 'SCTP, hostNetwork pods, owner references'],
];

(AVAILABLE ? describe : describe.skip)('netpol-analyzer sample', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-oracle-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each(CASES)('%s (%s) matches the expected connlist', (dir) => {
    // GIVEN
    const manifest = JSON.parse(fs.readFileSync(path.join(ORACLE, 'manifest.json'), 'utf8'));
    const testCase = manifest.connlist_cases.find((c: { input_dir: string; kind: string }) =>
      c.input_dir === `tests/${dir}` && c.kind === 'connlist');
    expect(testCase).toBeDefined();

    // WHEN
    const run = runCli('connlist', path.join(ORACLE, testCase.input_dir), '--ipblock-pods', 'ignore');
    const actual = path.join(tmp, `${dir}.txt`);
    fs.writeFileSync(actual, run.stdout);
    const check = spawnSync('python3', [
      CHECKER, '--strict-format', '--options', JSON.stringify(testCase.options ?? {}), path.join(ORACLE, testCase.expected), actual,
    ], { encoding: 'utf8' });

    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(check.stdout + check.stderr).not.toMatch(/differ|unparseable/i);
    expect(check.status).toBe(0);
  });
});
