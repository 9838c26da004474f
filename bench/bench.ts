// `npm run bench [-- --quick]`: measures the evaluator, synthesis and the CLI on generated
// clusters and prints a Markdown table, then one JSON object as the last line.
import { constants as bufferConstants } from 'buffer';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OUT_DIR, compileForChildren } from './compile';
import { ClusterSize, SYSTEM_NAMESPACES, generateCluster } from './generate';
import { writeJsonDump } from './json-dump';
import { median } from './stats';
import { writeYamlFolder } from './yaml-files';

interface Plan {
  readonly sizes: ClusterSize[];
  /** Evaluated again with this many Admin-tier cluster policies and a Baseline-tier default deny. */
  readonly clusterPolicies: { readonly size: ClusterSize; readonly admin: number };
  readonly reference: ClusterSize;
  readonly synth: ClusterSize;
  /** Lint runs over generated clusters of these sizes. */
  readonly lint: ClusterSize[];
  readonly cli: ClusterSize;
  /** The reader at the size of a real cluster's manifests, against js-yaml's parse of them. */
  readonly reader: ClusterSize;
  /** Few, large namespaces, 40 % of them without default deny: a connectivity list of over 3 million lines at full size. */
  readonly output: ClusterSize;
  /** Pod counts of the generated `kubectl get ns,pods,netpol -A -o json` dumps. */
  readonly dumps: number[];
  readonly queries: number;
  readonly repeats: number;
  /**
   * Synthesis runs per variant. One synthesis takes about 0.3 s and its garbage collections
   * land in different places from run to run; best of 5 was seen to range from 1.28× to 1.72×
   * for the same code, so synthesis takes more runs than the other sections.
   */
  readonly synthRepeats: number;
  /** Each size is evaluated for at least this long, so that small clusters are timed warm too. */
  readonly minSeconds: number;
}

const FULL: Plan = {
  sizes: [
    { workloads: 625, policies: 250, namespaces: 25 },
    { workloads: 1250, policies: 500, namespaces: 50 },
    { workloads: 2500, policies: 1000, namespaces: 100 },
    { workloads: 5000, policies: 2000, namespaces: 200 },
  ],
  clusterPolicies: { size: { workloads: 5000, policies: 2000, namespaces: 200 }, admin: 50 },
  reference: { workloads: 1000, policies: 400, namespaces: 40 },
  synth: { workloads: 1000, policies: 1000, namespaces: 40 },
  lint: [{ workloads: 5000, policies: 5000, namespaces: 200 }, { workloads: 10000, policies: 17500, namespaces: 400 }],
  cli: { workloads: 1000, policies: 500, namespaces: 40 },
  reader: { workloads: 15000, policies: 5000, namespaces: 500 },
  output: { workloads: 15000, policies: 5000, namespaces: 50, openNamespaceShare: 0.4 },
  dumps: [50000, 150000],
  queries: 20000,
  repeats: 5,
  synthRepeats: 15,
  minSeconds: 6,
};

const QUICK: Plan = {
  sizes: [
    { workloads: 200, policies: 80, namespaces: 8 },
    { workloads: 400, policies: 160, namespaces: 16 },
    { workloads: 800, policies: 320, namespaces: 32 },
    { workloads: 1600, policies: 640, namespaces: 64 },
  ],
  clusterPolicies: { size: { workloads: 1600, policies: 640, namespaces: 64 }, admin: 20 },
  reference: { workloads: 250, policies: 100, namespaces: 10 },
  synth: { workloads: 200, policies: 200, namespaces: 10 },
  lint: [{ workloads: 1000, policies: 1000, namespaces: 40 }],
  cli: { workloads: 200, policies: 100, namespaces: 8 },
  reader: { workloads: 1500, policies: 500, namespaces: 50 },
  output: { workloads: 3000, policies: 1000, namespaces: 10, openNamespaceShare: 0.4 },
  dumps: [5000, 15000],
  queries: 5000,
  repeats: 3,
  synthRepeats: 5,
  minSeconds: 2,
};

function child(task: string, args: (string | number)[]): any {
  const script = path.join(OUT_DIR, 'bench', 'child.js');
  const result = spawnSync(process.execPath, [script, task, ...args.map(String)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`benchmark task "${task} ${args.join(' ')}" failed with exit code ${result.status}:\n${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function sizeArgs(s: ClusterSize): number[] {
  return [s.workloads, s.policies, s.namespaces];
}

function sizeText(s: ClusterSize): string {
  const open = s.openNamespaceShare === undefined ? '' : ` (${Math.round(s.openNamespaceShare * 100)} % open)`;
  return `${s.workloads.toLocaleString('en-US')} workloads / ${s.policies.toLocaleString('en-US')} policies / ${s.namespaces} namespaces${open}`;
}

/** Wall seconds of a child `node` process (start-up included), best of `repeats`. */
function timeNode(args: string[], repeats: number): number {
  let best = Infinity;
  const devNull = fs.openSync(os.devNull, 'w');
  try {
    for (let r = 0; r < repeats; r++) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'] });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed with exit code ${result.status}:\n${result.stderr}`);
      best = Math.min(best, elapsed);
    }
  } finally {
    fs.closeSync(devNull);
  }
  return best;
}

function cliBenchmark(s: ClusterSize, repeats: number, baseline = 'parse-only.js'): { cliSeconds: number; parseSeconds: number; lines: number; objects: number; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-bench-'));
  try {
    const files = writeYamlFolder(generateCluster(s), dir);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const cli = [path.join(OUT_DIR, 'bench', 'cli-entry.js'), 'connlist', dir];
    const parse = [path.join(OUT_DIR, 'bench', baseline), dir];
    // Check once that both do their job before timing them.
    const listed = spawnSync(process.execPath, cli, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (listed.status !== 0) throw new Error(`connlist failed with exit code ${listed.status}:\n${listed.stderr}`);
    const parsed = spawnSync(process.execPath, parse, { encoding: 'utf8' });
    if (parsed.status !== 0) throw new Error(`the parse-only baseline failed:\n${parsed.stderr}`);
    const lines = listed.stdout.split('\n').filter((l) => l.trim() !== '').length;
    let cliSeconds = Infinity;
    let parseSeconds = Infinity;
    for (let r = 0; r < repeats; r++) {
      parseSeconds = Math.min(parseSeconds, timeNode(parse, 1));
      cliSeconds = Math.min(cliSeconds, timeNode(cli, 1));
    }
    return { cliSeconds, parseSeconds, lines, objects: Number(parsed.stdout.trim()), bytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function fixed(n: number, digits = 3): string {
  return n.toFixed(digits);
}

/** One part of the benchmark: table rows and fields of the JSON summary. */
interface Section {
  readonly rows: string[][];
  readonly summary: Record<string, unknown>;
}

function evaluationSection(plan: Plan): Section {
  const rows: string[][] = [];
  const evaluations = plan.sizes.map((s) => {
    const r = child('evaluate', [...sizeArgs(s), plan.repeats, plan.minSeconds]);
    // The first run is cold (the JIT has not optimised anything yet): report the median of the others.
    const warm = [...r.runs.slice(1)].sort((a: any, b: any) => a.total - b.total);
    const typical = warm[Math.floor((warm.length - 1) / 2)];
    return { size: s, ...r, typical };
  });
  const growth: number[] = [];
  evaluations.forEach((e, i) => {
    let exponent = '';
    if (i > 0) {
      const prev = evaluations[i - 1];
      const g = Math.log(e.typical.total / prev.typical.total) / Math.log(e.size.workloads / prev.size.workloads);
      growth.push(g);
      exponent = `; growth exponent ${fixed(g, 2)}`;
    }
    rows.push([
      `Index + full connectivity, ${sizeText(e.size)}`,
      `${fixed(e.typical.total)} s`,
      `median of ${e.runs.length - 1} warm runs: index ${fixed(e.typical.build)} s + connectivity ${fixed(e.typical.connectivity)} s `
        + `(cold first run ${fixed(e.runs[0].total)} s); ${e.pairs.toLocaleString('en-US')} allowed pairs of `
        + `${(e.size.workloads * (e.size.workloads - 1)).toLocaleString('en-US')}${exponent}`,
    ]);
  });
  const largest = evaluations[evaluations.length - 1];
  rows.push([
    `Peak RSS, ${sizeText(largest.size)}`,
    `${fixed(largest.peakRssMib, 0)} MiB`,
    `whole child process (Node itself, the generated cluster, ${largest.runs.length} evaluations); `
      + `${fixed(largest.rssBeforeMib, 0)} MiB before the first evaluation`,
  ]);
  return {
    rows,
    summary: {
      workloads: largest.size.workloads,
      policies: largest.size.policies,
      full_matrix_s: Number(fixed(largest.typical.total)),
      index_s: Number(fixed(largest.typical.build)),
      allowed_pairs: largest.pairs,
      growth_exponents: growth.map((g) => Number(fixed(g, 2))),
      growth_exponent_max: Number(fixed(Math.max(...growth), 2)),
      peak_rss_mib: Number(fixed(largest.peakRssMib, 0)),
    },
  };
}

function clusterPolicySection(plan: Plan): Section {
  const { size, admin } = plan.clusterPolicies;
  const r = child('evaluate', [...sizeArgs(size), plan.repeats, plan.minSeconds, admin]);
  const warm = [...r.runs.slice(1)].sort((a: any, b: any) => a.total - b.total);
  const typical = warm[Math.floor((warm.length - 1) / 2)];
  return {
    rows: [[
      `Index + full connectivity with ${admin} Admin-tier ClusterNetworkPolicies and a Baseline default deny, ${sizeText(size)}`,
      `${fixed(typical.total)} s`,
      `median of ${r.runs.length - 1} warm runs: index ${fixed(typical.build)} s + connectivity ${fixed(typical.connectivity)} s `
        + `(cold first run ${fixed(r.runs[0].total)} s); ${r.pairs.toLocaleString('en-US')} allowed pairs; peak RSS ${fixed(r.peakRssMib, 0)} MiB`,
    ]],
    summary: { cluster_policies_admin: admin, cluster_policies_full_matrix_s: Number(fixed(typical.total)), cluster_policies_allowed_pairs: r.pairs },
  };
}

function querySection(plan: Plan): Section {
  const size = plan.sizes[plan.sizes.length - 1];
  const q = child('query', [...sizeArgs(size), plan.queries]);
  return {
    rows: [[
      `Single query after indexing, ${sizeText(size)}`,
      `${fixed(q.verdictMedianUs, 1)} µs median`,
      `\`verdict()\`, ${q.queries.toLocaleString('en-US')} random queries, ${fixed(q.allowedShare * 100, 0)}% allowed `
        + `(p90 ${fixed(q.verdictP90Us, 1)} µs; explanation text written only when read); \`workloadConnections()\` ${fixed(q.pairMedianUs, 1)} µs`,
    ]],
    summary: { query_us: Number(fixed(q.verdictMedianUs, 1)), pair_query_us: Number(fixed(q.pairMedianUs, 1)) },
  };
}

function referenceSection(plan: Plan): Section {
  const ref = child('reference', sizeArgs(plan.reference));
  if (ref.mismatches > 0) {
    process.stderr.write(`The evaluator and the reference evaluator disagree on ${ref.mismatches} pairs, for example:\n${ref.firstMismatches.join('\n')}\n`);
    process.exit(1);
  }
  const speedup = ref.referenceSeconds / ref.evaluatorSeconds;
  return {
    rows: [[
      `Speedup over the reference evaluator, ${sizeText(plan.reference)}`,
      `${fixed(speedup, 0)}×`,
      `evaluator ${fixed(ref.evaluatorSeconds)} s (median of 5 warm runs, external ranges included), reference ${fixed(ref.referenceSeconds, 1)} s; `
        + `all ${ref.checkedPairs.toLocaleString('en-US')} ordered pairs equal (${ref.pairs.toLocaleString('en-US')} allowed)`,
    ]],
    summary: { speedup_vs_reference: Number(fixed(speedup, 0)), reference_pairs_checked: ref.checkedPairs },
  };
}

function synthSection(plan: Plan): Section {
  const syn = child('synth', [...sizeArgs(plan.synth), plan.synthRepeats]);
  for (const [variant, written] of Object.entries(syn.written)) {
    if (written !== syn.policies) throw new Error(`synthesis (${variant}) wrote ${written} NetworkPolicies, expected ${syn.policies}`);
  }
  const ratio = syn.seconds.constructs / syn.seconds.raw;
  const withoutLints = syn.seconds.constructsWithoutLints / syn.seconds.raw;
  // The median over rounds of each round's ratio (the variants run one after the other in each
  // round): what a typical synthesis costs, beside the best-of figure.
  const medianRatio = (variant: string) => median(syn.rounds[variant].map((s: number, i: number) => s / syn.rounds.raw[i]));
  const charts = `${plan.synth.namespaces - SYSTEM_NAMESPACES.length} charts`;
  return {
    rows: [
      [
        `Synthesis of ${syn.policies.toLocaleString('en-US')} policies in ${charts}: constructs (validation and \`Linting.enable(app)\`) vs raw \`KubeNetworkPolicy\``,
        `${fixed(ratio, 2)}×`,
        `${fixed(syn.seconds.constructs)} s vs ${fixed(syn.seconds.raw)} s, \`App.synthYaml()\` both, best of ${plan.synthRepeats}; `
          + `median of the rounds' ratios ${fixed(medianRatio('constructs'), 2)}×`,
      ],
      [
        'The same without linting (validation only, the default)',
        `${fixed(withoutLints, 2)}×`,
        `${fixed(syn.seconds.constructsWithoutLints)} s vs ${fixed(syn.seconds.raw)} s; median of the rounds' ratios ${fixed(medianRatio('constructsWithoutLints'), 2)}×`,
      ],
    ],
    // synth_ratio is the target's measure (constructs with validation on); the lints, an opt-in
    // feature that also runs at synthesis, are reported beside it.
    summary: {
      synth_ratio: Number(fixed(withoutLints, 2)),
      synth_ratio_with_lints: Number(fixed(ratio, 2)),
      synth_ratio_with_lints_median_round: Number(fixed(medianRatio('constructs'), 2)),
      synth_s: Number(fixed(syn.seconds.constructs)),
      synth_raw_s: Number(fixed(syn.seconds.raw)),
    },
  };
}

function lintSection(plan: Plan): Section {
  const runs = plan.lint.map((size) => ({ size, result: child('lint', [...sizeArgs(size), plan.repeats]) }));
  return {
    rows: runs.map(({ size, result }) => [
      `Lint (every rule) over ${sizeText(size)}`,
      `${fixed(result.seconds)} s`,
      `best of ${plan.repeats}, ${result.findings.toLocaleString('en-US')} findings`,
    ]),
    summary: Object.fromEntries(runs.map(({ size, result }) => [`lint_s_${size.policies}_policies`, Number(fixed(result.seconds))])),
  };
}

function readerSection(plan: Plan): Section {
  const run = cliBenchmark(plan.reader, plan.repeats, 'parse-js-yaml.js');
  const ratio = run.cliSeconds / run.parseSeconds;
  return {
    rows: [[
      `CLI \`connlist\` on a YAML folder, ${sizeText(plan.reader)}`,
      `${fixed(ratio, 2)}× js-yaml`,
      `${fixed(run.cliSeconds)} s vs ${fixed(run.parseSeconds)} s to only parse the same ${run.objects.toLocaleString('en-US')} objects `
        + `(${fixed(run.bytes / 1024 / 1024, 1)} MiB) with js-yaml; child \`node\` processes, start-up included, best of ${plan.repeats}; `
        + `${run.lines.toLocaleString('en-US')} output lines`,
    ]],
    summary: {
      reader_js_yaml_ratio: Number(fixed(ratio, 2)),
      reader_s: Number(fixed(run.cliSeconds)),
      reader_js_yaml_s: Number(fixed(run.parseSeconds)),
    },
  };
}

function cliSection(plan: Plan): Section {
  const cli = cliBenchmark(plan.cli, plan.repeats);
  const ratio = cli.cliSeconds / cli.parseSeconds;
  return {
    rows: [[
      `CLI \`connlist\` on a YAML folder, ${sizeText(plan.cli)}`,
      `${fixed(ratio, 2)}× parsing`,
      `${fixed(cli.cliSeconds)} s vs ${fixed(cli.parseSeconds)} s to only parse the same ${cli.objects.toLocaleString('en-US')} objects `
        + `(${fixed(cli.bytes / 1024 / 1024, 1)} MiB) with \`yaml\`; both are child \`node\` processes, start-up included, best of ${plan.repeats}; `
        + `${cli.lines.toLocaleString('en-US')} output lines`,
    ]],
    summary: { cli_parse_ratio: Number(fixed(ratio, 2)), cli_s: Number(fixed(cli.cliSeconds)), parse_s: Number(fixed(cli.parseSeconds)) },
  };
}

/** Files of a List the baseline parses: as many as needed for each to fit in one string. */
const BASELINE_PART_BYTES = 256 * 1024 * 1024;

/** Wall seconds and peak RSS (MiB) of `connlist` on one file, best of `repeats`. */
function timeCliWithRss(args: string[], repeats: number): { seconds: number; peakRssMib: number } {
  const rssFile = path.join(os.tmpdir(), `cdk8s-netpol-bench-rss-${process.pid}`);
  let seconds = Infinity;
  let peakRssMib = 0;
  const devNull = fs.openSync(os.devNull, 'w');
  try {
    for (let r = 0; r < repeats; r++) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, {
        stdio: ['ignore', devNull, 'pipe'],
        env: { ...process.env, BENCH_RSS_FILE: rssFile },
        maxBuffer: 256 * 1024 * 1024,
      });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed with exit code ${result.status}:\n${result.stderr}`);
      seconds = Math.min(seconds, elapsed);
      peakRssMib = Math.max(peakRssMib, Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
    }
  } finally {
    fs.closeSync(devNull);
    fs.rmSync(rssFile, { force: true });
  }
  return { seconds, peakRssMib };
}

/** `connlist` over generated `kubectl get ns,pods,netpol -A -o json` dumps, against `JSON.parse` of the same bytes. */
function dumpSection(plan: Plan): Section {
  const rows: string[][] = [];
  const summary: Record<string, unknown> = {};
  for (const pods of plan.dumps) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-dump-'));
    try {
      const dump = path.join(dir, 'dump.json');
      const bytes = writeJsonDump(pods, [dump]);
      const parts = Math.ceil(bytes / BASELINE_PART_BYTES);
      const baselineFiles = parts === 1 ? [dump] : Array.from({ length: parts }, (_, i) => path.join(dir, `part-${i}.json`));
      if (parts > 1) writeJsonDump(pods, baselineFiles);
      const repeats = bytes > BASELINE_PART_BYTES ? 1 : Math.min(plan.repeats, 2);
      const cli = [path.join(OUT_DIR, 'bench', 'cli-entry.js'), 'connlist', dump];
      const listed = spawnSync(process.execPath, cli, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
      if (listed.status !== 0) throw new Error(`connlist failed with exit code ${listed.status}:\n${listed.stderr.slice(0, 4000)}`);
      const lines = listed.stdout.split('\n').length - 1;
      const parseSeconds = timeNode([path.join(OUT_DIR, 'bench', 'parse-json.js'), ...baselineFiles], repeats);
      const run = timeCliWithRss(cli, repeats);
      const ratio = run.seconds / parseSeconds;
      const route = bytes > MAX_STRING_BYTES ? 'streamed (larger than one string)' : '`JSON.parse`';
      rows.push([
        `CLI \`connlist\` on a \`kubectl get ns,pods,netpol -A -o json\` dump of ${pods.toLocaleString('en-US')} pods (${fixed(bytes / 1024 / 1024, 0)} MiB)`,
        `${fixed(ratio, 2)}× \`JSON.parse\`, ${fixed(run.peakRssMib, 0)} MiB peak RSS`,
        `${fixed(run.seconds)} s vs ${fixed(parseSeconds)} s to only read and \`JSON.parse\` the same bytes`
          + `${parts > 1 ? ` (as ${parts} Lists, since one string holds at most ${fixed(MAX_STRING_BYTES / 1024 / 1024, 0)} MiB)` : ''}; read ${route}; `
          + `child \`node\` processes with default flags, start-up included, best of ${repeats}; ${lines.toLocaleString('en-US')} output lines`,
      ]);
      summary[`dump_${pods}_json_parse_ratio`] = Number(fixed(ratio, 2));
      summary[`dump_${pods}_s`] = Number(fixed(run.seconds));
      summary[`dump_${pods}_json_parse_s`] = Number(fixed(parseSeconds));
      summary[`dump_${pods}_peak_rss_mib`] = Number(fixed(run.peakRssMib, 0));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { rows, summary };
}

/** Node's longest string, in characters: a file of more bytes than this is streamed. */
const MAX_STRING_BYTES = bufferConstants.MAX_STRING_LENGTH;

/** Lines of a file, counted in chunks (the file may be larger than one string). */
function countLines(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(4 * 1024 * 1024);
  let lines = 0;
  try {
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      for (let at = buffer.indexOf(10); at >= 0 && at < read; at = buffer.indexOf(10, at + 1)) lines++;
    }
  } finally {
    fs.closeSync(fd);
  }
  return lines;
}

/** `connlist` whose answer is millions of lines (few, large namespaces), against js-yaml's parse of its files. */
function outputSection(plan: Plan): Section {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-bench-'));
  try {
    const input = path.join(dir, 'input');
    const files = writeYamlFolder(generateCluster(plan.output), input);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const cli = [path.join(OUT_DIR, 'bench', 'cli-entry.js'), 'connlist', input];
    const listing = path.join(dir, 'list.txt');
    const out = fs.openSync(listing, 'w');
    const listed = spawnSync(process.execPath, cli, { stdio: ['ignore', out, 'pipe'] });
    fs.closeSync(out);
    if (listed.status !== 0) throw new Error(`connlist failed with exit code ${listed.status}:\n${String(listed.stderr).slice(0, 4000)}`);
    const lines = countLines(listing);
    const outputBytes = fs.statSync(listing).size;
    fs.rmSync(listing);
    const repeats = Math.min(plan.repeats, 2);
    const parseSeconds = timeNode([path.join(OUT_DIR, 'bench', 'parse-js-yaml.js'), input], repeats);
    const run = timeCliWithRss(cli, repeats);
    const ratio = run.seconds / parseSeconds;
    const diff = diffOfLongAnswers(plan, input, dir);
    const diffRatio = diff.run.seconds / (2 * parseSeconds);
    return {
      rows: [[
        `CLI \`connlist\` with a long answer, ${sizeText(plan.output)}`,
        `${fixed(ratio, 2)}× js-yaml, ${fixed(run.peakRssMib, 0)} MiB peak RSS`,
        `${fixed(run.seconds)} s vs ${fixed(parseSeconds)} s to only parse the same files (${fixed(bytes / 1024 / 1024, 1)} MiB) with js-yaml; `
          + `${lines.toLocaleString('en-US')} output lines (${fixed(outputBytes / 1024 / 1024, 0)} MiB) written to /dev/null; best of ${repeats}`,
      ], [
        `CLI \`diff\` of that cluster against the same with ${Math.round(DIFF_OPEN_SHARE * 100)} % of namespaces open`,
        `${fixed(diffRatio, 2)}× js-yaml, ${fixed(diff.run.peakRssMib, 0)} MiB peak RSS`,
        `${fixed(diff.run.seconds)} s vs ${fixed(2 * parseSeconds)} s to only parse both folders with js-yaml; `
          + `${diff.lines.toLocaleString('en-US')} output lines; best of 1`,
      ]],
      summary: {
        output_js_yaml_ratio: Number(fixed(ratio, 2)),
        output_s: Number(fixed(run.seconds)),
        output_lines: lines,
        output_peak_rss_mib: Number(fixed(run.peakRssMib, 0)),
        output_diff_js_yaml_ratio: Number(fixed(diffRatio, 2)),
        output_diff_s: Number(fixed(diff.run.seconds)),
        output_diff_lines: diff.lines,
        output_diff_peak_rss_mib: Number(fixed(diff.run.peakRssMib, 0)),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Share of open namespaces on the new side of the output section's diff (the generator's default; the old side has the plan's). */
const DIFF_OPEN_SHARE = 0.02;

/** `diff` from the output section's folder to the same cluster with fewer namespaces open: two long answers compared. */
function diffOfLongAnswers(plan: Plan, input: string, dir: string): { run: { seconds: number; peakRssMib: number }; lines: number } {
  const changed = path.join(dir, 'changed');
  writeYamlFolder(generateCluster({ ...plan.output, openNamespaceShare: DIFF_OPEN_SHARE }), changed);
  const cli = [path.join(OUT_DIR, 'bench', 'cli-entry.js'), 'diff', input, changed];
  const listing = path.join(dir, 'diff.txt');
  const out = fs.openSync(listing, 'w');
  const listed = spawnSync(process.execPath, cli, { stdio: ['ignore', out, 'pipe'] });
  fs.closeSync(out);
  if (listed.status !== 0) throw new Error(`diff failed with exit code ${listed.status}:\n${String(listed.stderr).slice(0, 4000)}`);
  const lines = countLines(listing);
  fs.rmSync(listing);
  return { run: timeCliWithRss(cli, 1), lines };
}

/**
 * The HTML report at the CLI's size (1,000 workloads in the full run): the CLI's time to write it,
 * then in Debian's chromium the time from navigation to a usable page and to expand the largest namespace.
 */
function reportSection(plan: Plan): Section {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-report-'));
  try {
    writeYamlFolder(generateCluster(plan.cli), path.join(dir, 'cluster'));
    const html = path.join(dir, 'report.html');
    const cli = [path.join(OUT_DIR, 'bench', 'cli-entry.js'), 'connlist', path.join(dir, 'cluster'), '--format', 'html'];
    const written = spawnSync(process.execPath, cli, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (written.status !== 0) throw new Error(`connlist --format html failed with exit code ${written.status}:\n${written.stderr}`);
    fs.writeFileSync(html, written.stdout);
    const writeSeconds = timeNode(cli, plan.repeats);
    const load = spawnSync(process.execPath, [path.join(OUT_DIR, 'bench', 'report-load.js'), html, String(plan.repeats)], { encoding: 'utf8' });
    if (load.status !== 0) throw new Error(`loading the report in chromium failed with exit code ${load.status}:\n${load.stderr}`);
    const browser = JSON.parse(load.stdout.trim().split('\n').pop()!);
    const what = `HTML report of ${sizeText(plan.cli)}`;
    const writing = `\`connlist --format html\` writes it (${fixed(fs.statSync(html).size / 1024 / 1024, 2)} MiB) in ${fixed(writeSeconds)} s, start-up included`;
    if (browser.skipped) {
      return {
        rows: [[what, 'not measured in a browser', `${browser.skipped}; ${writing}`]],
        summary: { report_write_s: Number(fixed(writeSeconds)) },
      };
    }
    return {
      rows: [[
        `${what}, loaded in chromium`,
        `${fixed(browser.loadSeconds)} s to usable`,
        `from navigation until its script has drawn the namespace matrix (best of ${plan.repeats}); expanding the largest namespace `
          + `${fixed(browser.expandSeconds)} s (${browser.cells.toLocaleString('en-US')} cells); ${writing}`,
      ]],
      summary: {
        report_load_s: Number(fixed(browser.loadSeconds)),
        report_expand_s: Number(fixed(browser.expandSeconds)),
        report_write_s: Number(fixed(writeSeconds)),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SECTIONS: Record<string, (plan: Plan) => Section> = {
  'evaluate': evaluationSection,
  'cluster-policies': clusterPolicySection,
  'query': querySection,
  'reference': referenceSection,
  'synth': synthSection,
  'lint': lintSection,
  'reader': readerSection,
  'dump': dumpSection,
  'output': outputSection,
  'cli': cliSection,
  'report': reportSection,
};

function main(): void {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : Object.keys(SECTIONS);
  const unknown = only.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0) {
    process.stderr.write(`Unknown benchmark section "${unknown.join(', ')}": --only takes a comma-separated list of ${Object.keys(SECTIONS).join(', ')}.\n`);
    process.exit(2);
  }
  const plan = quick ? QUICK : FULL;
  const started = Date.now();
  compileForChildren();
  const sections = only.map((name) => SECTIONS[name](plan));

  console.log(`## cdk8s-netpol benchmark${quick ? ' (--quick)' : ''}`);
  console.log();
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), `
    + `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log();
  console.log('| Measurement | Result | Details |');
  console.log('| --- | --- | --- |');
  for (const row of sections.flatMap((section) => section.rows)) console.log(`| ${row.join(' | ')} |`);
  console.log();
  const summary = {
    quick,
    ...Object.assign({}, ...sections.map((section) => section.summary)),
    load_average: Number(os.loadavg()[0].toFixed(1)),
    elapsed_s: Math.round((Date.now() - started) / 1000),
  };
  console.log(JSON.stringify(summary));
}

main();
