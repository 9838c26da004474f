import { Evaluator } from '../../eval/evaluator';
import { Cluster } from '../../model/cluster';
import { ChunkedOutput } from '../../report/chunked-output';
import { connlistFormatter } from '../../report/formats';
import { loadCluster } from '../cluster-input';
import { connlistTable, IpFamilyFilter } from '../connlist-entries';
import { CliIo, ExitCode } from '../io';
import { progressFor } from '../progress';
import { ReadLimits } from '../read-limits';
import { splitAddressNotes } from '../split-address-notes';

export interface ConnlistOptions {
  /** @default 'txt' */
  readonly format?: string;
  /** @default true */
  readonly ipBlockMatchesPodIps?: boolean;
  /** @default 'as-pod' */
  readonly hostNetwork?: 'as-pod' | 'as-node';
  /** @default 'ipv4' */
  readonly ipFamily?: string;
  /** What stops hostile input; unset limits take their defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** No progress line, even on a terminal. @default false */
  readonly quiet?: boolean;
}

/** `connlist PATH...`: the workload-level connectivity list; only the list goes to stdout. */
export function runConnlist(paths: string[], options: ConnlistOptions, io: CliIo): ExitCode {
  const formatter = connlistFormatter(options.format ?? 'txt');
  const families = (options.ipFamily ?? 'ipv4') as IpFamilyFilter;
  const progress = progressFor(io, options.quiet);
  const input = loadCluster(paths, { limits: options.limits, progress }, io);
  progress.phase('evaluating');
  const evaluator = new Evaluator(input.cluster, {
    ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
    hostNetwork: options.hostNetwork ?? 'as-pod',
  });
  const connectivity = evaluator.connectivity();
  progress.done();
  const out = new ChunkedOutput(io.stdout);
  formatter.write(connlistTable(connectivity, families).sorted(), out);
  out.flush();
  if (families === 'ipv4' && usesIpv6(input.cluster)) {
    io.stderr.write('note: policies use IPv6 ipBlocks but only IPv4 external ranges are listed; pass --ip-family all to see both\n');
  }
  if (options.ipBlockMatchesPodIps ?? true) {
    for (const note of splitAddressNotes(input.cluster)) io.stderr.write(`${note}\n`);
  }
  return input.exitCode;
}

/** Whether some ipBlock of some policy is IPv6, so that hiding IPv6 ranges hides information. */
function usesIpv6(cluster: Cluster): boolean {
  return cluster.policies.some((p) => JSON.stringify(p.manifest.spec ?? {}).match(/"cidr":"[^"]*:/) !== null);
}
