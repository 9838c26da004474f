// A mutation score from a uniform random sample of the mutants `npm run mutation` would test,
// for when the full run (about 6,000 mutants, hours on a small machine) cannot be afforded.
//
//   node scripts/mutation-sample.mjs [--size N] [--seed S] [--batch B] [--minutes M]
//                                    [--concurrency C] [--timeout-ms T] [--fresh]
//   node scripts/mutation-sample.mjs --score-only          (score the batches tested so far)
//   node scripts/mutation-sample.mjs --recheck-timeouts    (test the drawn mutants that timed out again)
//
// Lists every mutant of stryker.config.json's `mutate` files with Stryker's own instrumenter,
// draws N of them (seeded, so a run can be repeated), and runs Stryker on exactly those
// locations, B drawn mutants at a time in the order they were drawn. Any finished prefix of
// batches is itself a uniform random sample, so a run can stop (`--minutes`, or Ctrl-C) and go
// on later from the next batch, and every finished batch counts. Only the drawn mutants are
// scored (a location also holds the other mutants of its node; those are tested but not
// counted). Prints the score with its 95% Wilson interval, per room, and every survivor.
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const args = parseArgs(process.argv.slice(2));
const outDir = 'reports/mutation/sample';
const base = JSON.parse(fs.readFileSync('stryker.config.json', 'utf8'));
const runFile = path.join(outDir, 'run.json');
const recheckDrawnFile = path.join(outDir, 'recheck-drawn.json');
const recheckReportFile = path.join(outDir, 'recheck.json');
const batchReport = (i) => path.join(outDir, `batch-${i}.json`);
const startedAt = Date.now();
fs.mkdirSync(outDir, { recursive: true });

const fingerprint = sourcesFingerprint();
let run = fs.existsSync(runFile) ? JSON.parse(fs.readFileSync(runFile, 'utf8')) : undefined;
const wantsNew = !args['score-only'] && !args['recheck-timeouts']
  && (run === undefined || args.fresh || (args.seed !== undefined && Number(args.seed) !== run.seed)
    || (args.size !== undefined && Number(args.size) !== run.size));
if (wantsNew) {
  const size = Number(args.size ?? 400);
  const seed = Number(args.seed ?? 1);
  const files = filesOf(base.mutate);
  const all = await listMutants(files);
  const drawn = draw(all, size, seed);
  for (const f of fs.readdirSync(outDir)) fs.rmSync(path.join(outDir, f), { recursive: true });
  run = { seed, size: drawn.length, batch: Number(args.batch ?? 25), fingerprint, mutators: [...new Set(all.map((m) => m.mutator))].sort(), drawn };
  fs.writeFileSync(runFile, JSON.stringify(run, null, 1));
  process.stdout.write(`${all.length} mutants in ${files.length} files; ${drawn.length} drawn (seed ${seed}), tested ${run.batch} at a time.\n`);
} else if (run === undefined) {
  fail(`no sampled run in ${outDir}: start one with --size N --seed S`);
} else if (args.batch !== undefined && Number(args.batch) !== run.batch) {
  fail(`seed ${run.seed}'s sample is tested ${run.batch} at a time: resume without --batch, or start again with --fresh --batch ${args.batch}`);
} else if (run.fingerprint !== fingerprint && args['score-only']) {
  process.stdout.write(`src/ or test/ changed since seed ${run.seed}'s sample was tested: the score below is that of the earlier tree.\n`);
} else if (run.fingerprint !== fingerprint) {
  fail(`src/ or test/ changed since seed ${run.seed}'s sample was drawn: its batches cannot be combined with new ones. `
    + 'Score them with --score-only, or start again with --fresh.');
}

const batches = [];
for (let i = 0; i * run.batch < run.drawn.length; i++) batches.push(run.drawn.slice(i * run.batch, (i + 1) * run.batch));
const finished = () => batches.map((_, i) => i).filter((i) => fs.existsSync(batchReport(i)));

if (args['recheck-timeouts']) {
  // A timeout counts as killed, but a busy machine can also make tests overrun: test the drawn
  // mutants that timed out once more, on their own, and let that result stand.
  const done = finished();
  const statuses = reportedStatuses(done.map(batchReport));
  const timedOut = done.flatMap((i) => batches[i]).filter((d) => statuses.get(mutantKey(d))?.status === 'Timeout');
  process.stdout.write(`${timedOut.length} drawn mutants timed out; testing them again.\n`);
  if (timedOut.length > 0) runStryker(timedOut, recheckDrawnFile, recheckReportFile);
} else if (!args['score-only']) {
  const budgetMs = args.minutes !== undefined ? Number(args.minutes) * 60_000 : Infinity;
  for (let i = 0; i < batches.length; i++) {
    if (fs.existsSync(batchReport(i))) continue;
    if (Date.now() - startedAt > budgetMs) {
      process.stdout.write(`--minutes ${args.minutes} spent: batch ${i + 1} and later are left for the next run.\n`);
      break;
    }
    process.stdout.write(`Batch ${i + 1} of ${batches.length}.\n`);
    // Written under a temporary name first, so a stopped run leaves no half batch behind.
    runStryker(batches[i], path.join(outDir, `batch-${i}.drawn.json`), `${batchReport(i)}.partial`);
    fs.renameSync(`${batchReport(i)}.partial`, batchReport(i));
  }
}
const done = finished();
const recheck = args['recheck-timeouts'] && fs.existsSync(recheckReportFile) ? [recheckReportFile] : [];
score(done.flatMap((i) => batches[i]), [...done.map(batchReport), ...recheck], `${done.length} of ${batches.length} batches`);

/**
 * Runs Stryker on exactly these mutants' locations; the ignorer plugin reads the list from
 * `listFile`. Mutators that made none of them are switched off, so a location's other mutants
 * are tested only when they are of a drawn mutant's kind.
 */
function runStryker(mutants, listFile, jsonReport) {
  fs.writeFileSync(listFile, JSON.stringify(mutants, null, 1));
  const used = new Set(mutants.map((m) => m.mutator));
  const config = {
    ...base,
    mutate: mutants.map((m) => `${m.file}:${m.start.line + 1}:${m.start.column}-${m.end.line + 1}:${m.end.column}`),
    mutator: { ...base.mutator, excludedMutations: run.mutators.filter((name) => !used.has(name)) },
    reporters: ['progress-append-only', 'json'],
    jsonReporter: { fileName: jsonReport },
    plugins: ['@stryker-mutator/jest-runner', './scripts/mutation-sample-ignorer.mjs'],
    ignorers: ['drawn-only'],
    ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
    ...(args['timeout-ms'] ? { timeoutMS: Number(args['timeout-ms']) } : {}),
  };
  const configFile = path.join(outDir, 'stryker.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 1));
  execFileSync('npx', ['stryker', 'run', configFile], { stdio: 'inherit', env: { ...process.env, NETPOL_MUTATION_DRAWN: listFile } });
}

/** What the drawn sample's results depend on: the sources and the tests. */
function sourcesFingerprint() {
  const hash = crypto.createHash('sha256');
  for (const dir of ['src', 'test']) {
    for (const f of fs.readdirSync(dir, { recursive: true }).map((name) => path.join(dir, name)).sort()) {
      if (fs.statSync(f).isFile()) hash.update(f).update(fs.readFileSync(f));
    }
  }
  return hash.digest('hex');
}

function fail(message) {
  process.stderr.write(`mutation-sample: ${message}\n`);
  process.exit(2);
}

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const name = list[i].replace(/^--/, '');
    const next = list[i + 1];
    if (next === undefined || next.startsWith('--')) out[name] = true;
    else { out[name] = next; i++; }
  }
  return out;
}

/** The files the patterns select: `dir/**\/*.ts` globs and `!file` exclusions, as the config writes them. */
function filesOf(patterns) {
  const excluded = new Set(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  return patterns.filter((p) => !p.startsWith('!')).flatMap((pattern) => {
    const dir = pattern.replace(/\/\*\*\/\*\.ts$/, '');
    if (dir === pattern) throw new Error(`mutation-sample reads "dir/**/*.ts" patterns only, got "${pattern}"`);
    return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => f.endsWith('.ts'));
  }).filter((f) => !excluded.has(f)).sort();
}

async function listMutants(names) {
  const quiet = () => false;
  const logger = { isDebugEnabled: quiet, isTraceEnabled: quiet, isInfoEnabled: quiet, debug() {}, trace() {}, info() {}, warn() {}, error() {}, fatal() {} };
  const input = names.map((name) => ({ name, content: fs.readFileSync(name, 'utf8'), mutate: true }));
  const result = await new Instrumenter(logger).instrument(input, { plugins: null, excludedMutations: [], ignorers: [] });
  return result.mutants.map((m) => ({ file: m.fileName, mutator: m.mutatorName, replacement: m.replacement, start: m.location.start, end: m.location.end }));
}

/** `count` distinct mutants, uniformly at random (a seeded partial Fisher–Yates shuffle). */
function draw(mutants, count, seedValue) {
  const random = mulberry32(seedValue);
  const pool = [...mutants];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutantKey(d) {
  return [d.file, d.mutator, d.replacement, d.start.line, d.start.column, d.end.line, d.end.column].join('\u0000');
}

/**
 * The reported result of each mutant, by `mutantKey`; a later report's result replaces an
 * earlier one's. Report locations are 1-based; the instrumenter's lines and columns 0-based.
 */
function reportedStatuses(reportFiles) {
  const reported = new Map();
  for (const reportFile of reportFiles) {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    for (const [file, result] of Object.entries(report.files)) {
      const relative = path.relative(process.cwd(), path.resolve(file));
      for (const m of result.mutants) {
        reported.set(mutantKey({ file: relative, mutator: m.mutatorName, replacement: m.replacement,
          start: { line: m.location.start.line - 1, column: m.location.start.column - 1 },
          end: { line: m.location.end.line - 1, column: m.location.end.column - 1 } }), m);
      }
    }
  }
  return reported;
}

/** Scores the drawn mutants only; a later report's result for a mutant replaces an earlier one's. */
function score(drawnMutants, reportFiles, scope) {
  const reported = reportedStatuses(reportFiles);
  const counts = new Map();
  const survivors = [];
  let missing = 0;
  for (const d of drawnMutants) {
    const m = reported.get(mutantKey(d));
    if (!m) { missing++; continue; }
    const room = d.file.split('/')[1];
    const c = counts.get(room) ?? { killed: 0, timeouts: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
    switch (m.status) {
      case 'Killed': c.killed++; break;
      case 'Timeout': c.killed++; c.timeouts++; break;
      case 'Survived': c.survived++; survivors.push({ d, m }); break;
      case 'NoCoverage': c.noCoverage++; survivors.push({ d, m }); break;
      case 'Ignored': c.ignored++; break; // static mutants: `ignoreStatic` leaves them out of the score
      default: c.errors++;
    }
    counts.set(room, c);
  }
  const total = { killed: 0, timeouts: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const c of counts.values()) for (const k of Object.keys(total)) total[k] += c[k];
  const line = (name, c) => {
    const n = c.killed + c.survived + c.noCoverage;
    const [low, high] = wilson(c.killed, n);
    return `${name.padEnd(11)} ${pct(c.killed / n)} killed of ${n} scored (95% interval ${pct(low)}–${pct(high)});`
      + ` ${c.timeouts} of them by timeout; ${c.survived} survived, ${c.noCoverage} not covered, ${c.ignored} static (ignored), ${c.errors} errors`;
  };
  process.stdout.write(`\nSampled mutation score, ${scope} (Killed and Timeout count as killed):\n`);
  for (const [room, c] of [...counts].sort()) process.stdout.write(`${line(room, c)}\n`);
  process.stdout.write(`${line('all', total)}\n`);
  if (missing > 0) process.stdout.write(`${missing} drawn mutants are not in the report (changed sources?)\n`);
  process.stdout.write('\nSurvivors:\n');
  const sources = new Map();
  for (const { d, m } of survivors) {
    if (!sources.has(d.file)) sources.set(d.file, fs.readFileSync(d.file, 'utf8').split('\n'));
    const text = sources.get(d.file)[d.start.line].trim().slice(0, 100);
    process.stdout.write(`  ${m.status} ${d.file}:${d.start.line + 1} ${d.mutator} → ${JSON.stringify(d.replacement).slice(0, 50)} | ${text}\n`);
  }
}

function wilson(k, n, z = 1.96) {
  if (n === 0) return [0, 1];
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

function pct(x) {
  return `${(100 * x).toFixed(1)} %`;
}
