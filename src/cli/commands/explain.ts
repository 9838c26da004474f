import { QueryEnd } from '../../eval/types';
import { Cluster, workloadKey } from '../../model/cluster';
import { loadCluster } from '../cluster-input';
import { createEvaluator, EvaluationRunOptions } from '../evaluator';
import { CliIo, ExitCode } from '../io';
import { progressFor } from '../progress';
import { ArgumentError, EndpointArg, PortArg, parseEndpoint, parsePort } from '../query-args';

export interface ExplainOptions extends EvaluationRunOptions {
  readonly source: string;
  readonly destination: string;
  /** @default 'tcp/80' */
  readonly port?: string;
}

/**
 * `explain PATH... --from X --to Y --port P`: prints the verdict and why.
 * Exit 0 when allowed, 1 when denied, 2 for bad input or arguments.
 */
export function runExplain(paths: string[], options: ExplainOptions, io: CliIo): ExitCode {
  let source: EndpointArg;
  let destination: EndpointArg;
  let port: PortArg;
  try {
    source = parseEndpoint('--from', options.source);
    destination = parseEndpoint('--to', options.destination);
    port = parsePort(options.port ?? 'tcp/80');
    if (!('workload' in source) && !('workload' in destination)) {
      throw new ArgumentError('--from and --to are both outside the cluster; NetworkPolicies only govern traffic to or from pods, so name a workload on one side');
    }
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    io.stderr.write(`error: ${e.message}\n`);
    return ExitCode.BAD_INPUT;
  }

  const input = loadCluster(paths, { limits: options.limits, progress: progressFor(io, options.quiet) }, io);
  const resolved: QueryEnd[] = [];
  for (const [option, arg] of [['--from', source], ['--to', destination]] as const) {
    const endpoint = resolveEndpoint(input.cluster, option, arg, io);
    if (!endpoint) return ExitCode.BAD_INPUT;
    resolved.push(endpoint);
  }

  const evaluator = createEvaluator(input.cluster, {
    ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
    hostNetwork: options.hostNetwork ?? 'as-pod',
    ...options.clusterPolicies,
  }, io);
  if (!evaluator) return ExitCode.BAD_INPUT;
  const numbers = portNumbers(port, resolved[1], io);
  if (numbers === undefined) return ExitCode.BAD_INPUT;
  let allowed = true;
  for (const number of numbers) {
    const verdict = evaluator.verdict({ source: resolved[0], destination: resolved[1], protocol: port.protocol, port: number });
    io.stdout.write(verdict.text.endsWith('\n') ? verdict.text : verdict.text + '\n');
    allowed &&= verdict.allowed;
  }
  // 1 means "denied" here, so input that was left out (unreadable, or an invalid policy) ends with 2.
  if (input.exitCode !== ExitCode.OK) return ExitCode.BAD_INPUT;
  return allowed ? ExitCode.OK : ExitCode.FINDINGS;
}

/**
 * The port numbers to ask about: the number given, or what a named port means on the
 * destination workload (every container port of that name and protocol).
 */
function portNumbers(port: PortArg, destination: QueryEnd, io: CliIo): number[] | undefined {
  if ('port' in port) return [port.port];
  const where = `${port.protocol.toLowerCase()}/${port.portName}`;
  if (!('workload' in destination) || typeof destination.workload === 'string') {
    io.stderr.write(`error: --port ${where} is a named port, and named ports exist only on pods; name a workload in --to, or give a port number\n`);
    return undefined;
  }
  const workload = destination.workload;
  const numbers = [...new Set(workload.ports.filter((p) => p.name === port.portName && p.protocol === port.protocol).map((p) => p.port))];
  if (numbers.length === 0) {
    const named = workload.ports.filter((p) => p.name !== undefined).map((p) => `${p.protocol.toLowerCase()}/${p.name} (${p.port})`);
    io.stderr.write(`error: --port ${where}: ${workloadKey(workload)} declares no ${port.protocol} container port named "${port.portName}"; `
      + `${named.length > 0 ? `its named ports: ${named.join(', ')}` : 'it declares no named ports'}\n`);
    return undefined;
  }
  return numbers;
}

function resolveEndpoint(cluster: Cluster, option: string, arg: EndpointArg, io: CliIo): QueryEnd | undefined {
  if ('ip' in arg) return { ip: arg.ip };
  if ('internet' in arg) return { internet: true };
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
