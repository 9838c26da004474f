import { Evaluator } from '../../eval/evaluator';
import { QueryEnd } from '../../eval/types';
import { Cluster } from '../../model/cluster';
import { loadCluster } from '../cluster-input';
import { CliIo, ExitCode } from '../io';
import { ArgumentError, EndpointArg, parseEndpoint, parsePort } from '../query-args';

export interface ExplainOptions {
  readonly source: string;
  readonly destination: string;
  /** @default 'tcp/80' */
  readonly port?: string;
  /** @default true */
  readonly ipBlockMatchesPodIps?: boolean;
  /** @default 'as-pod' */
  readonly hostNetwork?: 'as-pod' | 'as-node';
  readonly maxFileBytes?: number;
}

/**
 * `explain PATH... --from X --to Y --port P`: prints the verdict and why.
 * Exit 0 when allowed, 1 when denied, 2 for bad input or arguments.
 */
export function runExplain(paths: string[], options: ExplainOptions, io: CliIo): ExitCode {
  let source: EndpointArg;
  let destination: EndpointArg;
  let port: ReturnType<typeof parsePort>;
  try {
    source = parseEndpoint('--from', options.source);
    destination = parseEndpoint('--to', options.destination);
    port = parsePort(options.port ?? 'tcp/80');
    if ('ip' in source && 'ip' in destination) {
      throw new ArgumentError('--from and --to are both IP addresses; NetworkPolicies only govern traffic to or from pods, so name a workload on one side');
    }
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    io.stderr.write(`error: ${e.message}\n`);
    return ExitCode.BAD_INPUT;
  }

  const input = loadCluster(paths, { maxFileBytes: options.maxFileBytes }, io);
  const resolved: QueryEnd[] = [];
  for (const [option, arg] of [['--from', source], ['--to', destination]] as const) {
    const endpoint = resolveEndpoint(input.cluster, option, arg, io);
    if (!endpoint) return ExitCode.BAD_INPUT;
    resolved.push(endpoint);
  }

  const evaluator = new Evaluator(input.cluster, {
    ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
    hostNetwork: options.hostNetwork ?? 'as-pod',
  });
  const verdict = evaluator.verdict({ source: resolved[0], destination: resolved[1], protocol: port.protocol, port: port.port });
  io.stdout.write(verdict.text.endsWith('\n') ? verdict.text : verdict.text + '\n');
  // 1 means "denied" here, so input that was left out (unreadable, or an invalid policy) ends with 2.
  if (input.exitCode !== ExitCode.OK) return ExitCode.BAD_INPUT;
  return verdict.allowed ? ExitCode.OK : ExitCode.FINDINGS;
}

function resolveEndpoint(cluster: Cluster, option: string, arg: EndpointArg, io: CliIo): QueryEnd | undefined {
  if ('ip' in arg) return { ip: arg.ip };
  let found;
  try {
    found = cluster.findWorkload(arg.workload);
  } catch (e) {
    io.stderr.write(`error: ${option}: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
  if (!found) {
    const known = cluster.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`).sort();
    const list = known.length === 0 ? 'the input holds no workloads'
      : `known workloads: ${known.slice(0, 10).join(', ')}${known.length > 10 ? `, … (${known.length} in all)` : ''}`;
    io.stderr.write(`error: ${option} "${arg.workload}" is not a workload of the input; ${list}\n`);
    return undefined;
  }
  return { workload: found };
}
