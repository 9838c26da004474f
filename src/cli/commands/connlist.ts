import { Cluster } from '../../model/cluster';
import { sortEntries } from '../../report/connlist-entry';
import { connlistFormatter } from '../../report/formats';
import { formatGraph, isGraphFormat } from '../../report/graph-formats';
import { connlistGraph, workloadPeerNames } from '../../report/graph-model';
import { loadCluster } from '../cluster-input';
import { connlistEntries, IpFamilyFilter } from '../connlist-entries';
import { ClusterPolicyFlags, createEvaluator } from '../evaluator';
import { CliIo, ExitCode } from '../io';
import { splitAddressNotes } from '../split-address-notes';

export interface ConnlistOptions {
  /** @default 'txt' */
  readonly format?: string;
  /** @default true */
  readonly ipBlockMatchesPodIps?: boolean;
  /** @default 'as-pod' */
  readonly hostNetwork?: 'as-pod' | 'as-node';
  /** How cluster-scoped policies are evaluated where upstream leaves it open (docs/cluster-policies.md). */
  readonly clusterPolicies?: ClusterPolicyFlags;
  /** @default 'ipv4' */
  readonly ipFamily?: string;
  readonly maxFileBytes?: number;
}

/**
 * `connlist PATH...`: the workload-level connectivity list; only the list goes to stdout. The
 * picture formats (`dot`, `mermaid`, `svg`, `html`) draw it instead and make the command asynchronous.
 */
export function runConnlist(paths: string[], options: ConnlistOptions, io: CliIo): ExitCode | Promise<ExitCode> {
  const format = options.format ?? 'txt';
  const formatter = isGraphFormat(format) ? undefined : connlistFormatter(format);
  const families = (options.ipFamily ?? 'ipv4') as IpFamilyFilter;
  const input = loadCluster(paths, { maxFileBytes: options.maxFileBytes }, io);
  const evaluator = createEvaluator(input.cluster, {
    ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
    hostNetwork: options.hostNetwork ?? 'as-pod',
    ...options.clusterPolicies,
  }, io);
  if (!evaluator) return ExitCode.BAD_INPUT;
  const connectivity = evaluator.connectivity();
  const entries = sortEntries(connlistEntries(connectivity, families));
  if (formatter) io.stdout.write(formatter.format(entries));
  if (families === 'ipv4' && usesIpv6(input.cluster)) {
    io.stderr.write('note: policies use IPv6 ipBlocks but only IPv4 external ranges are listed; pass --ip-family all to see both\n');
  }
  if (options.ipBlockMatchesPodIps ?? true) {
    for (const note of splitAddressNotes(input.cluster)) io.stderr.write(`${note}\n`);
  }
  if (formatter) return input.exitCode;
  const graph = connlistGraph(entries, workloadPeerNames(connectivity));
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
