import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Evaluator } from '../../src/eval/evaluator';
import { QueryEnd } from '../../src/eval/types';
import { Cluster, ContainerPortSpec, Protocol, WorkloadSpec } from '../../src/model/cluster';
import { NetworkPolicyManifest } from '../../src/model/manifest';

/**
 * Compares the evaluator with cyclonus' published outputs for its simple example: probe truth
 * tables (TCP 80/81/82, "Combined" = egress AND ingress) and traffic verdicts. The data lives
 * beside the repository (../shared/oracle/cyclonus) and is read at run time.
 *
 * Cyclonus matches ipBlocks against pod IPs and probes every pod from itself through the
 * policies, so the evaluator runs with `ipBlockMatchesPodIps: true, selfTraffic: 'evaluated'`.
 */
const ORACLE = path.join(__dirname, '..', '..', '..', 'shared', 'oracle', 'cyclonus');
const present = fs.existsSync(path.join(ORACLE, 'examples', 'probe.json'));
if (!present) console.log(`Skipping the cyclonus comparison: ${ORACLE} is absent.`);
const describeIfPresent = present ? describe : describe.skip;

interface ProbeModel {
  Probes: { Protocol: string; Port: number }[];
  Resources: {
    Namespaces: Record<string, Record<string, string>>;
    Pods: ProbePod[];
  };
}

interface ProbePod {
  Namespace: string;
  Name: string;
  Labels: Record<string, string>;
  IP: string;
  Containers: { Port: number; PortName: string; Protocol: string }[];
}

interface TrafficEnd {
  IP?: string;
  Internal?: { PodLabels: Record<string, string>; NamespaceLabels: Record<string, string>; Namespace: string };
}

function readPolicies(): NetworkPolicyManifest[] {
  const dir = path.join(ORACLE, 'networkpolicies', 'simple-example');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS() as NetworkPolicyManifest));
}

/** The `Combined:` tables of analyze-probe.txt, in probe order: rows of [source, destination, cell]. */
function readCombinedTables(): { source: string; destination: string; cell: string }[][] {
  const text = fs.readFileSync(path.join(ORACLE, 'examples', 'cyclonus-output', 'analyze-probe.txt'), 'utf8');
  return text.split('Combined:').slice(1).map((section) => {
    // Each Combined table runs until the next probe's Ingress table.
    const rows = section.split('Ingress:')[0].split('\n').filter((l) => l.startsWith('|')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    if (rows.length === 0) return [];
    const header = rows[0].slice(1).map((h) => h.toLowerCase());
    return rows.slice(1).flatMap((r) => r.slice(1).map((cell, i) => ({ source: r[0], destination: header[i], cell })));
  });
}

describeIfPresent('Evaluator against cyclonus (simple-example)', () => {
  const model: ProbeModel = present ? JSON.parse(fs.readFileSync(path.join(ORACLE, 'examples', 'probe.json'), 'utf8')) : undefined as any;
  const policies = present ? readPolicies() : [];

  test('the probe truth tables agree cell by cell for TCP 80 and 81', () => {
    // GIVEN the probe model and the seven policies
    const cluster = new Cluster();
    for (const [name, labels] of Object.entries(model.Resources.Namespaces)) cluster.addNamespace(name, labels);
    for (const pod of model.Resources.Pods) {
      cluster.addWorkload({
        namespace: pod.Namespace,
        name: pod.Name,
        labels: pod.Labels,
        podIps: [pod.IP],
        ports: pod.Containers.map((c) => ({ name: c.PortName, port: c.Port, protocol: c.Protocol.toUpperCase() as Protocol })),
      });
    }
    for (const p of policies) cluster.addPolicy(p);
    const evaluator = new Evaluator(cluster, { ipBlockMatchesPodIps: true, selfTraffic: 'evaluated' });
    const tables = readCombinedTables();

    // WHEN each probed cell is evaluated, THEN it matches ('.' allowed, 'X' blocked)
    const mismatches: string[] = [];
    let compared = 0;
    model.Probes.forEach((probe, i) => {
      for (const { source, destination, cell } of tables[i]) {
        if (cell !== '.' && cell !== 'X') continue;
        compared++;
        const protocol = probe.Protocol as Protocol;
        const v = evaluator.verdict({ source: { workload: source }, destination: { workload: destination }, protocol, port: probe.Port });
        if (v.allowed !== (cell === '.')) mismatches.push(`${probe.Protocol}/${probe.Port} ${source} -> ${destination}: cyclonus ${cell}\n${v.text}`);
      }
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBe(2 * 81);
  });

  test('port 82 is served by no pod, so cyclonus has no verdict for it (N or ? in every cell)', () => {
    const cells = readCombinedTables()[2].map((c) => c.cell);
    expect(cells).toHaveLength(81);
    expect(cells.every((c) => c === 'N' || c === '?')).toBe(true);
  });

  test('the traffic verdicts of analyze-query-traffic.txt agree', () => {
    const traffic: { Source: TrafficEnd; Destination: TrafficEnd; Protocol: string; ResolvedPort: number; ResolvedPortName?: string }[] =
      JSON.parse(fs.readFileSync(path.join(ORACLE, 'examples', 'traffic.json'), 'utf8'));
    const expected = [...fs.readFileSync(path.join(ORACLE, 'examples', 'cyclonus-output', 'analyze-query-traffic.txt'), 'utf8')
      .matchAll(/IS ALLOWED\? \|\s*(TRUE|FALSE)/g)].map((m) => m[1] === 'TRUE');
    expect(expected).toHaveLength(traffic.length);

    traffic.forEach((t, i) => {
      // GIVEN a cluster with the policies and one workload per in-cluster end of the traffic
      const cluster = new Cluster();
      for (const p of policies) cluster.addPolicy(p);
      const protocol = t.Protocol as Protocol;
      const endpoint = (end: TrafficEnd, name: string, ports: ContainerPortSpec[]): QueryEnd => {
        if (!end.Internal) return { ip: end.IP! };
        cluster.addNamespace(end.Internal.Namespace, end.Internal.NamespaceLabels);
        const { Namespace: namespace, PodLabels: labels } = end.Internal;
        const w: WorkloadSpec = cluster.addWorkload({ namespace, name, labels, podIps: end.IP ? [end.IP] : [], ports });
        return { workload: w };
      };
      const source = endpoint(t.Source, 'source', []);
      const destinationPorts = t.ResolvedPortName ? [{ name: t.ResolvedPortName, port: t.ResolvedPort, protocol }] : [];
      const destination = endpoint(t.Destination, 'destination', destinationPorts);

      // WHEN / THEN
      const v = new Evaluator(cluster).verdict({ source, destination, protocol, port: t.ResolvedPort });
      expect({ query: i, allowed: v.allowed }).toEqual({ query: i, allowed: expected[i] });
    });
  });
});
