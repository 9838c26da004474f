import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Diagnostic } from '../../src/validation/diagnostic';
import { validateNetworkPolicy } from '../../src/validation/network-policy';
import { Rules } from '../../src/validation/rules';

/**
 * Runs the validator over the NetworkPolicies written by other projects (read at run time
 * from ../shared/oracle, never copied into the repository).
 */
const ORACLE = path.join(__dirname, '..', '..', '..', 'shared', 'oracle');
const present = fs.existsSync(ORACLE);
if (!present) {
  // eslint-disable-next-line no-console
  console.log(`oracle corpus not found at ${ORACLE}: skipping the corpus validation tests`);
}

interface FoundPolicy {
  readonly file: string;
  readonly object: Record<string, unknown>;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(ya?ml|json)$/.test(entry.name) ? [full] : [];
  });
}

function policiesUnder(dir: string): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  for (const file of filesUnder(dir)) {
    const documents = parseAllDocuments(fs.readFileSync(file, 'utf8'));
    for (const document of Array.isArray(documents) ? documents : [documents]) {
      if (document.errors.length > 0) continue;
      const value = document.toJS() as Record<string, unknown> | null;
      const items = value && /List$/.test(String(value.kind)) && Array.isArray(value.items) ? value.items : [value];
      for (const item of items) {
        if (item && item.kind === 'NetworkPolicy') found.push({ file: path.relative(ORACLE, file), object: item });
      }
    }
  }
  return found;
}

function errorsIn(dir: string): Diagnostic[] {
  return policiesUnder(path.join(ORACLE, dir))
    .flatMap((p) => validateNetworkPolicy(p.object, { strictCidr: false }))
    .filter((d) => d.severity === 'error');
}

(present ? describe : describe.skip)('validation over the oracle corpus', () => {
  const all = present ? policiesUnder(ORACLE) : [];
  const badDirs = [
    'netpol-analyzer/tests/bad_netpols/',
    'netpol-analyzer/tests/np_test_with_empty_port_range/',
  ];

  test('the corpus holds enough policies to mean something', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  test('every policy is checked without throwing and every finding has a known rule and a fix', () => {
    const ruleIds: string[] = Object.values(Rules);
    for (const p of all) {
      for (const d of validateNetworkPolicy(p.object, { strictCidr: false })) {
        expect(ruleIds).toContain(d.rule);
        expect(d.fix).toEqual(expect.any(String));
      }
    }
  });

  test('policies that other tools accept are accepted, apart from two real problems of their own', () => {
    // Two things in these files would fail on a current API server: `status: {}` from
    // `kubectl get -o yaml` on 1.24–1.27 (the field is gone since 1.28), and names with "_".
    const unexpected = all
      .filter((p) => !badDirs.some((dir) => p.file.startsWith(dir)))
      .flatMap((p) => validateNetworkPolicy(p.object, { strictCidr: false }).map((d) => ({ file: p.file, d })))
      .filter(({ d }) => d.severity === 'error')
      .filter(({ d }) => !(d.rule === Rules.UNKNOWN_FIELD && d.fieldPath === 'status'))
      .filter(({ d }) => !(d.rule === Rules.METADATA_NAME && d.message.includes('_')));
    expect(unexpected).toEqual([]);
  });

  test.each([
    ['bad_netpols/subdir1', 'an ipBlock cidr "A"', Rules.IPBLOCK_CIDR_INVALID],
    ['bad_netpols/subdir3', 'a peer with ipBlock and a selector', Rules.PEER_IPBLOCK_EXCLUSIVE],
    ['bad_netpols/subdir4', 'an empty peer', Rules.PEER_REQUIRED],
    ['bad_netpols/subdir7', 'a selector value "$backendservice"', Rules.SELECTOR_LABEL_VALUE],
    ['np_test_with_empty_port_range', 'endPort below port', Rules.END_PORT_BELOW_PORT],
  ])('%s (%s) is rejected', (dir, _what, rule) => {
    const rules = errorsIn(path.join('netpol-analyzer', 'tests', dir)).map((d) => d.rule);
    expect(rules).toContain(rule);
  });
});
