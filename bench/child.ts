// One measurement, run in its own process by bench.ts so that memory and JIT state do not leak
// between measurements. Prints one JSON object on its last line.
import { ClusterSize, generateCluster, generateClusterPolicies, toCluster } from './generate';
import { Random } from './random';
import { median } from './stats';
import { synthRaw, synthWithConstructs } from './synth';
import { Evaluator } from '../src/eval/evaluator';
import { lintCluster } from '../src/lint/lint-cluster';
import { Cluster, Protocol, WorkloadSpec, workloadKey } from '../src/model/cluster';
import { readClusterPolicy } from '../src/model/cluster-policy';
import { ReferenceEvaluator } from '../test/eval/reference-evaluator';

const MIB = 1024 * 1024;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function size(args: string[]): ClusterSize {
  return { workloads: Number(args[0]), policies: Number(args[1]), namespaces: Number(args[2]), seed: 1 };
}

/**
 * Index build plus full connectivity, at least `repeats` times and until `minSeconds` have
 * passed (so that small clusters get as warm a JIT as large ones); the peak RSS of the process.
 */
function evaluate(args: string[]): object {
  const synthetic = generateCluster(size(args));
  const cluster = toCluster(synthetic);
  const repeats = Number(args[3] ?? 3);
  const minSeconds = Number(args[4] ?? 2);
  const adminPolicies = Number(args[5] ?? 0);
  if (adminPolicies > 0) addClusterPolicies(cluster, generateClusterPolicies(synthetic, adminPolicies));
  const rssBeforeMib = process.memoryUsage().rss / MIB;
  const runs: { build: number; connectivity: number; total: number }[] = [];
  let pairs = 0;
  const started = process.hrtime.bigint();
  for (let r = 0; r < 100 && (r < repeats || seconds(started) < minSeconds); r++) {
    const start = process.hrtime.bigint();
    const evaluator = new Evaluator(cluster);
    const build = seconds(start);
    const connectivity = evaluator.connectivity();
    const total = seconds(start);
    runs.push({ build, connectivity: total - build, total });
    pairs = connectivity.pairs.length;
  }
  return {
    runs,
    pairs,
    rssBeforeMib,
    peakRssMib: process.resourceUsage().maxRSS / 1024,
  };
}

function addClusterPolicies(cluster: Cluster, objects: object[]): void {
  for (const object of objects) {
    const reading = readClusterPolicy(object);
    if ('error' in reading) throw new Error(`generated an unreadable cluster policy: ${reading.error}`);
    cluster.addClusterPolicy(reading.policy);
  }
}

/** Median latency of single queries after indexing: `verdict()` and `workloadConnections()`. */
function query(args: string[]): object {
  const cluster = toCluster(generateCluster(size(args)));
  const count = Number(args[3] ?? 20000);
  const evaluator = new Evaluator(cluster);
  const workloads = cluster.workloads;
  const random = new Random(7);
  const protocols: Protocol[] = ['TCP', 'TCP', 'TCP', 'UDP'];
  const ports = [53, 80, 443, 5432, 6379, 8080, 8081, 9000, 9050, 9102, 5005];
  const byNamespace = new Map<string, WorkloadSpec[]>();
  for (const w of workloads) byNamespace.set(w.namespace, [...(byNamespace.get(w.namespace) ?? []), w]);
  // Half the queries stay inside a namespace, where most allowed traffic is; the rest cross the cluster.
  const pick = () => {
    const destination = random.pick(workloads);
    const source = random.chance(0.5) ? random.pick(byNamespace.get(destination.namespace)!) : random.pick(workloads);
    const own = destination.ports.length > 0 && random.chance(0.5) ? random.pick(destination.ports) : undefined;
    return {
      source: { workload: source },
      destination: { workload: destination },
      protocol: own ? own.protocol : random.pick(protocols),
      port: own ? own.port : random.pick(ports),
    };
  };
  const measure = (fn: () => void): number[] => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = process.hrtime.bigint();
      fn();
      times.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
    return times;
  };
  const queries = Array.from({ length: count }, pick);
  let i = 0;
  let allowed = 0;
  for (const q of queries.slice(0, 2000)) evaluator.verdict(q); // warm-up
  const verdictTimes = measure(() => {
    if (evaluator.verdict(queries[i++ % count]).allowed) allowed++;
  });
  const sources = queries.map((q) => q.source.workload);
  const destinations = queries.map((q) => q.destination.workload);
  i = 0;
  const pairTimes = measure(() => {
    evaluator.workloadConnections(sources[i % count], destinations[i % count]);
    i++;
  });
  return {
    verdictMedianUs: median(verdictTimes),
    verdictP90Us: [...verdictTimes].sort((a, b) => a - b)[Math.floor(count * 0.9)],
    pairMedianUs: median(pairTimes),
    queries: count,
    allowedShare: allowed / count,
  };
}

/**
 * The evaluator's full connectivity against the reference evaluator's pair-by-pair answers on
 * the same cluster; every ordered pair must have the same connection set.
 */
function reference(args: string[]): object {
  const cluster = toCluster(generateCluster(size(args)));
  const evaluatorTimes: number[] = [];
  // Warm up the JIT first: the reference's one long run is warm for most of its time.
  let result = new Evaluator(cluster).connectivity();
  for (let r = 0; r < 3; r++) new Evaluator(cluster).connectivity();
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    result = new Evaluator(cluster).connectivity();
    evaluatorTimes.push(seconds(start));
  }
  const start = process.hrtime.bigint();
  const oracle = new ReferenceEvaluator(cluster);
  const expected = new Map<string, string>();
  const workloads = cluster.workloads;
  for (const source of workloads) {
    for (const destination of workloads) {
      if (source === destination) continue;
      const connections = oracle.workloadConnections(source, destination);
      if (!connections.isEmpty()) expected.set(`${workloadKey(source)} => ${workloadKey(destination)}`, connections.toString());
    }
  }
  const referenceSeconds = seconds(start);
  const mismatches: string[] = [];
  const actual = new Map(result.pairs.map((p) => [`${workloadKey(p.source)} => ${workloadKey(p.destination)}`, p.connections.toString()]));
  for (const [key, want] of expected) {
    if (actual.get(key) !== want) mismatches.push(`${key}: evaluator ${actual.get(key) ?? 'No Connections'}, reference ${want}`);
  }
  for (const [key, got] of actual) {
    if (!expected.has(key)) mismatches.push(`${key}: evaluator ${got}, reference No Connections`);
  }
  return {
    evaluatorSeconds: median(evaluatorTimes),
    referenceSeconds,
    pairs: expected.size,
    checkedPairs: workloads.length * (workloads.length - 1),
    mismatches: mismatches.length,
    firstMismatches: mismatches.slice(0, 5),
  };
}

/**
 * Synthesis through our constructs (validation on; with `Linting.enable(app)`, and without it) and
 * of raw KubeNetworkPolicy objects: best of `repeats` each, after a warm-up that also checks that
 * every variant writes every policy.
 */
function synth(args: string[]): object {
  const synthetic = generateCluster(size(args));
  const repeats = Number(args[3] ?? 5);
  const count = (yaml: string) => (yaml.match(/^kind: NetworkPolicy$/gm) ?? []).length;
  const variants: Record<string, () => string> = {
    raw: () => synthRaw(synthetic),
    constructs: () => synthWithConstructs(synthetic),
    constructsWithoutLints: () => synthWithConstructs(synthetic, false),
  };
  const policies: Record<string, number> = {};
  const best: Record<string, number> = {};
  const rounds: Record<string, number[]> = {};
  for (const [name, run] of Object.entries(variants)) {
    policies[name] = count(run());
    best[name] = Infinity;
    rounds[name] = [];
  }
  for (let r = 0; r < repeats; r++) {
    for (const [name, run] of Object.entries(variants)) {
      const start = process.hrtime.bigint();
      run();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      best[name] = Math.min(best[name], elapsed);
      rounds[name].push(elapsed);
    }
  }
  return { policies: synthetic.policies.length, written: policies, seconds: best, rounds };
}

/** Every lint rule over a generated cluster: best of `repeats` runs of `lintCluster`. */
function lint(args: string[]): object {
  const synthetic = generateCluster(size(args));
  const cluster = toCluster(synthetic);
  const repeats = Number(args[3] ?? 3);
  let best = Infinity;
  let findings = 0;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    findings = lintCluster(cluster, synthetic.policies).length;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: best, findings };
}

const TASKS: Record<string, (args: string[]) => object> = { evaluate, query, reference, synth, lint };
const [task, ...rest] = process.argv.slice(2);
const run = TASKS[task];
if (!run) {
  process.stderr.write(`Unknown benchmark task "${task}": use one of ${Object.keys(TASKS).join(', ')}.\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(run(rest))}\n`);
