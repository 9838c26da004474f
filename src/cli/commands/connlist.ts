import { Cluster } from '../../model/cluster';
import { ChunkedOutput } from '../../report/chunked-output';
import { connlistFormatter } from '../../report/formats';
import { formatGraph, isGraphFormat } from '../../report/graph-formats';
import { connlistGraph } from '../../report/graph-model';
import { workloadPeerName } from '../../report/peer-name';
import { loadCluster } from '../cluster-input';
import { connlistEntries, IpFamilyFilter } from '../connlist-entries';
import { createEvaluator, EvaluationRunOptions } from '../evaluator';
import { CliIo, ExitCode } from '../io';
import { progressFor } from '../progress';
import { splitAddressNotes } from '../split-address-notes';

export interface ConnlistOptions extends EvaluationRunOptions {
  /** @default 'txt' */
  readonly format?: string;
  /** @default 'ipv4' */
  readonly ipFamily?: string;
}

/**
 * `connlist PATH...`: the workload-level connectivity list; only the list goes to stdout. The
 * picture formats (`dot`, `mermaid`, `svg`, `html`) draw it instead and make the command asynchronous.
 */
export function runConnlist(paths: string[], options: ConnlistOptions, io: CliIo): ExitCode | Promise<ExitCode> {
  const format = options.format ?? 'txt';
  const formatter = isGraphFormat(format) ? undefined : connlistFormatter(format);
  const families = (options.ipFamily ?? 'ipv4') as IpFamilyFilter;
  const progress = progressFor(io, options.quiet);
  const input = loadCluster(paths, { limits: options.limits, progress }, io);
  progress.phase('evaluating');
  const evaluator = createEvaluator(input.cluster, {
    ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
    hostNetwork: options.hostNetwork ?? 'as-pod',
    ...options.clusterPolicies,
  }, io);
  if (!evaluator) return ExitCode.BAD_INPUT;
  progress.done();
  // The text formats are written as the lines are computed, source by source; a picture needs the whole graph.
  const entries = connlistEntries(evaluator, families);
  if (formatter) {
    const out = new ChunkedOutput(io.stdout);
    formatter.write(entries, out);
    out.flush();
  }
  if (families === 'ipv4' && usesIpv6(input.cluster)) {
    io.stderr.write('note: policies use IPv6 ipBlocks but only IPv4 external ranges are listed; pass --ip-family all to see both\n');
  }
  if (options.ipBlockMatchesPodIps ?? true) {
    for (const note of splitAddressNotes(input.cluster)) io.stderr.write(`${note}\n`);
  }
  if (formatter) return input.exitCode;
  const graph = connlistGraph([...entries], input.cluster.workloads.map(workloadPeerName));
  return formatGraph(graph, format, `Connectivity of ${paths.join(', ')}`).then((text) => {
    io.stdout.write(text);
    return input.exitCode;
  });
}

/** Whether some ipBlock of some policy, or some cluster policy network, is IPv6, so that hiding IPv6 ranges hides information. */
function usesIpv6(cluster: Cluster): boolean {
  return cluster.policies.some((p) => JSON.stringify(p.manifest.spec ?? {}).match(/"cidr":"[^"]*:/) !== null)
    || cluster.clusterPolicies.some((p) => p.egress.some((r) => r.peers.some((peer) => peer.kind === 'networks' && peer.cidrs.some((c) => c.includes(':')))));
}
