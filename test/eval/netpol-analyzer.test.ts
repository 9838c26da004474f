import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Evaluator } from '../../src/eval/evaluator';
import { ExternalRange } from '../../src/eval/types';
import { workloadKey } from '../../src/model/cluster';
import { ManifestDocument, clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { parseIp } from '../../src/net/cidr';

/**
 * Reads netpol-analyzer's scenarios (../shared/oracle/netpol-analyzer, read at run time) with
 * `clusterFromManifests` and compares the evaluator, in netpol-analyzer's mode (ipBlocks never
 * select pods), with the expected connectivity lists: every workload pair exactly, and every
 * external range at both of its ends. Cases with focus options are left to the CLI checker.
 */
const ORACLE = path.join(__dirname, '..', '..', '..', 'shared', 'oracle', 'netpol-analyzer');
const present = fs.existsSync(path.join(ORACLE, 'manifest.json'));
if (!present) console.log(`Skipping the netpol-analyzer comparison: ${ORACLE} is absent.`);
const describeIfPresent = present ? describe : describe.skip;

interface ConnlistCase {
  id: string;
  input_dir: string;
  expected: string;
  options: Record<string, unknown>;
}

function readDocuments(dir: string): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      docs.push(...readDocuments(file));
    } else if (/\.(ya?ml|json)$/.test(entry.name)) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        if (doc.errors.length === 0) docs.push({ object: doc.toJS(), source: { file: entry.name } });
      }
    }
  }
  return docs;
}

const cases: ConnlistCase[] = present
  ? (JSON.parse(fs.readFileSync(path.join(ORACLE, 'manifest.json'), 'utf8')).connlist_cases as ConnlistCase[])
    .filter((c) => Object.keys(c.options ?? {}).length === 0)
  : [];

describeIfPresent('Evaluator against netpol-analyzer connectivity lists', () => {
  test.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    // GIVEN the scenario's manifests
    const { cluster } = clusterFromManifests(readDocuments(path.join(ORACLE, c.input_dir)));
    const connectivity = new Evaluator(cluster, { ipBlockMatchesPodIps: false }).connectivity();
    const expectedText = fs.readFileSync(path.join(ORACLE, c.expected), 'utf8').split('Exposure Analysis Result')[0];
    const lines = expectedText.split('\n')
      .map((l) => /^(\S+) => (\S+) : (.+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null && !m[0].includes('{ingress-controller}'));

    // THEN workload pairs match exactly (strings are canonical on both sides)
    const expectedPairs = lines.filter((m) => !m[1].includes('[External]') && !m[2].includes('[External]'))
      .map((m) => `${m[1]} => ${m[2]} : ${m[3]}`).sort();
    const actualPairs = connectivity.pairs.map((p) => `${workloadKey(p.source)} => ${workloadKey(p.destination)} : ${p.connections}`).sort();
    expect(actualPairs).toEqual(expectedPairs);

    // AND each expected external line holds at both ends of its range
    const external = new Map(connectivity.external.map((e) => [workloadKey(e.workload), {
      ingress: indexRanges(e.ingress),
      egress: indexRanges(e.egress),
    }]));
    const problems: string[] = [];
    for (const m of lines) {
      const ingress = m[1].endsWith('[External]');
      if (!ingress && !m[2].endsWith('[External]')) continue;
      const [first, last] = (ingress ? m[1] : m[2]).replace('[External]', '').split('-');
      const entry = external.get(ingress ? m[2] : m[1]);
      for (const ip of [first, last]) {
        const got = entry ? connectionsAt(ingress ? entry.ingress : entry.egress, ip) : 'no such workload';
        if (got !== m[3]) problems.push(`${m[0]}: evaluator has ${got} at ${ip}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

interface IndexedRange {
  readonly family: number;
  readonly first: bigint;
  readonly last: bigint;
  readonly text: string;
}

/** The ranges with parsed bounds, sorted by family then address, for binary search. */
function indexRanges(ranges: readonly ExternalRange[]): IndexedRange[] {
  return ranges.map((r) => ({ family: r.family, first: parseIp(r.first)!.value, last: parseIp(r.last)!.value, text: r.connections.toString() }))
    .sort((a, b) => a.family - b.family || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}

function connectionsAt(ranges: readonly IndexedRange[], ip: string): string {
  const address = parseIp(ip)!;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = ranges[mid];
    if (r.family < address.family || (r.family === address.family && r.last < address.value)) lo = mid + 1;
    else if (r.family > address.family || r.first > address.value) hi = mid - 1;
    else return r.text;
  }
  return 'no range';
}
