import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DIFF_FORMATS } from '../report/diff-formats';
import { CONNLIST_FORMATS } from '../report/formats';
import { GRAPH_FORMATS, isGraphFormat } from '../report/graph-formats';
import { runConnlist } from './commands/connlist';
import { FAIL_ON, runDiff } from './commands/diff';
import { runExplain } from './commands/explain';
import { runValidate, VALIDATE_FORMATS } from './commands/validate';
import { ClusterPolicyFlags, readDomainAddresses } from './evaluator';
import { CliIo, ExitCode } from './io';
import { DEFAULT_READ_LIMITS, LIMIT_FLAGS, ReadLimits } from './read-limits';
import { CRD_CHANNELS } from '../validation/cluster-policy/crd-schemas';

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

/**
 * Runs the `cdk8s-netpol` command line with `argv` (without `node` and the script name) and
 * returns the exit code. Never throws for bad input or usage: both become messages and code 2.
 * Synchronous, for every format but the pictures (`dot`, `mermaid`, `svg`, `html`), which need
 * `mainAsync` (what bin/cdk8s-netpol calls).
 */
export function main(argv: string[], io: CliIo = PROCESS_IO): number {
  const result = run(argv, io, false);
  // run() refuses the picture formats when asynchronous work is not allowed, so this is a number.
  return typeof result === 'number' ? result : ExitCode.BAD_INPUT;
}

/** `main` for every format, pictures included; what the `cdk8s-netpol` command runs. */
export async function mainAsync(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const result = run(argv, io, true);
  if (typeof result === 'number') return result;
  try {
    return await result;
  } catch (e) {
    return internalError(e, io);
  }
}

function run(argv: string[], io: CliIo, asyncAllowed: boolean): number | Promise<number> {
  let exitCode: number | Promise<number> = ExitCode.OK;
  const program = buildProgram(io, (code) => { exitCode = code; }, asyncAllowed);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit with 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }
    return internalError(e, io);
  }
  return exitCode;
}

function internalError(e: unknown, io: CliIo): number {
  io.stderr.write(`cdk8s-netpol: internal error: ${e instanceof Error ? e.message : String(e)} (this is a bug: please report it with the input)\n`);
  return ExitCode.BAD_INPUT;
}

function buildProgram(io: CliIo, setExit: (code: number | Promise<number>) => void, asyncAllowed: boolean): Command {
  /** Whether a command may run with this format; the picture formats need `mainAsync`. */
  const formatRunsHere = (format: string): boolean => {
    if (asyncAllowed || !isGraphFormat(format)) return true;
    io.stderr.write(`cdk8s-netpol: internal error: --format ${format} runs asynchronously: call mainAsync, not main (this is a bug: please report it)\n`);
    setExit(ExitCode.BAD_INPUT);
    return false;
  };

  const program = new Command('cdk8s-netpol')
    .description('Validate Kubernetes NetworkPolicies and compute the connectivity they allow.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  program
    .command('validate')
    .description('Check every NetworkPolicy, ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy as the API server would; '
      + 'exit 1 if one is invalid, 2 if input is unreadable.')
    .argument('<paths...>', 'YAML/JSON files or folders (read recursively: *.yaml, *.yml, *.json)')
    .option('--strict-cidr', 'reject ipBlock CIDRs with host bits set (API servers from 1.36)')
    .option('--no-strict-cidr', 'accept CIDRs with host bits set (API servers before 1.36)')
    .addOption(new Option('--format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .addOption(new Option('--crd-channel <channel>', 'the network-policy-api CRD channel installed (cluster-scoped policies)')
      .choices(CRD_CHANNELS).default('standard'))
    .action((paths: string[], opts: ReadLimitFlags & { strictCidr?: boolean; format: string; crdChannel: string }) => {
      const options = { strictCidr: opts.strictCidr, format: opts.format, crdChannel: opts.crdChannel, limits: readLimits(opts), quiet: opts.quiet };
      setExit(runValidate(paths, options, io));
    });

  withEvaluationOptions(program
    .command('connlist')
    .description('List the allowed connections between workloads and external ranges (netpol-analyzer layout).')
    .argument('<paths...>', 'YAML/JSON files or folders with workloads, namespaces and NetworkPolicies')
    .addOption(new Option('--format <format>', 'output format').choices([...CONNLIST_FORMATS, ...GRAPH_FORMATS]).default('txt')))
    .addOption(new Option('--ip-family <family>', 'which external address ranges to list (netpol-analyzer lists IPv4 only)')
      .choices(['ipv4', 'ipv6', 'all']).default('ipv4'))
    .action((paths: string[], opts: EvaluationFlags & { format: string; ipFamily: string }) => {
      if (!formatRunsHere(opts.format)) return;
      setExit(runConnlist(paths, {
        format: opts.format,
        ipBlockMatchesPodIps: opts.ipblockPods === 'match',
        hostNetwork: opts.hostNetwork,
        clusterPolicies: clusterPolicyFlags(opts),
        ipFamily: opts.ipFamily,
        limits: readLimits(opts),
        quiet: opts.quiet,
      }, io));
    });

  withEvaluationOptions(program
    .command('diff')
    .description('What a change to the policies grants or removes: the pairs whose connections differ between OLD and NEW '
      + '(netpol-analyzer layout, ref1 = OLD); with --fail-on, exit 1 when the change widens access or changes anything.')
    .argument('<old>', 'the policies before: a YAML/JSON file or folder')
    .argument('<new>', 'the policies after: a YAML/JSON file or folder')
    .addOption(new Option('--format <format>', 'output format').choices([...DIFF_FORMATS, ...GRAPH_FORMATS]).default('txt'))
    .addOption(new Option('--fail-on <change>', 'exit 1 when a connection is added or widened (widen), or on any change (any)').choices(FAIL_ON)))
    .addOption(new Option('--ip-family <family>', 'which external address ranges to compare (netpol-analyzer compares IPv4 only)')
      .choices(['ipv4', 'ipv6', 'all']).default('ipv4'))
    .action((oldPath: string, newPath: string, opts: EvaluationFlags & { format: string; failOn?: string; ipFamily: string }) => {
      if (!formatRunsHere(opts.format)) return;
      setExit(runDiff([oldPath], [newPath], {
        format: opts.format,
        failOn: opts.failOn,
        ipBlockMatchesPodIps: opts.ipblockPods === 'match',
        hostNetwork: opts.hostNetwork,
        clusterPolicies: clusterPolicyFlags(opts),
        ipFamily: opts.ipFamily,
        limits: readLimits(opts),
        quiet: opts.quiet,
      }, io));
    });

  withEvaluationOptions(program
    .command('explain')
    .description('Explain whether one connection is allowed; exit 0 if allowed, 1 if denied, 2 on bad input.')
    .argument('<paths...>', 'YAML/JSON files or folders with workloads, namespaces and NetworkPolicies')
    .requiredOption('--from <peer>', 'source: ns/name, ns/name[Kind], a pod name as ns/pod, an IP address, or internet')
    .requiredOption('--to <peer>', 'destination: ns/name, ns/name[Kind], a pod name as ns/pod, an IP address, or internet')
    .option('--port <port>', 'destination port: tcp/80, udp/53, sctp/9000, 80 (TCP), or a named port of the destination such as tcp/http', 'tcp/80'))
    .action((paths: string[], opts: EvaluationFlags & { from: string; to: string; port: string }) => {
      setExit(runExplain(paths, {
        source: opts.from,
        destination: opts.to,
        port: opts.port,
        ipBlockMatchesPodIps: opts.ipblockPods === 'match',
        hostNetwork: opts.hostNetwork,
        clusterPolicies: clusterPolicyFlags(opts),
        limits: readLimits(opts),
        quiet: opts.quiet,
      }, io));
    });

  // lint and describe also serve cdk8s apps, so their modules load cdk8s: load them only when used.
  program
    .command('lint')
    .description('Best-practice checks over policies, workloads, namespaces and services; exit 1 on an error-level finding, 2 on unreadable input.')
    .argument('<paths...>', 'YAML/JSON files or folders')
    .option('--rule <id=level>', 'set a rule\'s level (off, info, warning, error); repeatable', collect, [])
    .option('--format <format>', 'output format (choices: "text", "json")', 'text')
    .action((paths: string[], opts: ReadLimitFlags & { rule: string[]; format: string }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lint = require('./commands/lint') as typeof import('./commands/lint');
      if (!lint.LINT_FORMATS.includes(opts.format)) {
        io.stderr.write(`error: option '--format <format>' argument '${opts.format}' is invalid. Allowed choices are ${lint.LINT_FORMATS.join(', ')}.\n`);
        setExit(ExitCode.BAD_INPUT);
        return;
      }
      setExit(lint.runLint(paths, { rules: opts.rule, format: opts.format, limits: readLimits(opts), quiet: opts.quiet }, io));
    });

  program
    .command('describe')
    .description('Describe every NetworkPolicy in plain words; exit 2 on unreadable input.')
    .argument('<paths...>', 'YAML/JSON files or folders')
    .action((paths: string[], opts: ReadLimitFlags) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const describe = require('./commands/describe') as typeof import('./commands/describe');
      setExit(describe.runDescribe(paths, { limits: readLimits(opts), quiet: opts.quiet }, io));
    });

  // Every command reads manifests: each takes the read limits and --quiet.
  for (const command of program.commands) for (const option of readLimitOptions()) command.addOption(option);
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Flags shared by the commands that evaluate. */
interface EvaluationFlags extends ReadLimitFlags {
  readonly ipblockPods: string;
  readonly hostNetwork: 'as-pod' | 'as-node';
  readonly networksPods: string;
  readonly equalPriorities: 'by-name' | 'error';
  readonly mixedApiVersions: 'refuse' | 'v1alpha1-first' | 'v1alpha2-first';
  readonly nodeAddressTypes: string[];
  readonly domainAddresses?: Record<string, string[]>;
}

/** Adds the options of every command that evaluates policies: how ipBlocks, hostNetwork pods and cluster policies are read. */
function withEvaluationOptions(command: Command): Command {
  for (const option of [ipBlockPodsOption(), hostNetworkOption(), ...clusterPolicyOptions()]) command.addOption(option);
  return command;
}

function hostNetworkOption(): Option {
  return new Option('--host-network <mode>',
    'hostNetwork pods: as-pod (selected by their labels, like netpol-analyzer) or as-node (invisible to selectors, like most plugins)')
    .choices(['as-pod', 'as-node']).default('as-pod');
}

/** Flags for cluster-scoped policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy). */
function clusterPolicyOptions(): Option[] {
  return [
    new Option('--networks-pods <mode>',
      'whether networks peers of cluster policies match pod IPs (match: the API\'s documented behaviour; ignore: netpol-analyzer)')
      .choices(['match', 'ignore']).default('match'),
    new Option('--equal-priorities <mode>',
      'order of same-tier cluster policies with equal priorities: by-name (like kube-network-policies) or error')
      .choices(['by-name', 'error']).default('by-name'),
    new Option('--mixed-api-versions <mode>',
      'when a tier holds both v1alpha1 and v1alpha2 cluster policies: refuse, or evaluate one version first')
      .choices(['refuse', 'v1alpha1-first', 'v1alpha2-first']).default('refuse'),
    new Option('--node-address-types <types>',
      'which status.addresses of Node objects a nodes peer matches, comma-separated')
      .default(['InternalIP', 'ExternalIP'], 'InternalIP,ExternalIP')
      .argParser((value: string) => value.split(',').map((t) => t.trim()).filter((t) => t !== '')),
    new Option('--domain-addresses <file>',
      'YAML/JSON map from domain names to the addresses domainNames peers match (default: none, no DNS view)')
      .argParser((file: string) => {
        const read = readDomainAddresses(file);
        if (typeof read === 'string') throw new InvalidArgumentError(read);
        return read;
      }),
  ];
}

function clusterPolicyFlags(opts: EvaluationFlags): ClusterPolicyFlags {
  return {
    networksMatchPodIps: opts.networksPods === 'match',
    equalPriorities: opts.equalPriorities,
    mixedApiVersions: opts.mixedApiVersions,
    nodeAddressTypes: opts.nodeAddressTypes,
    ...(opts.domainAddresses ? { domainNameAddresses: opts.domainAddresses } : {}),
  };
}

function ipBlockPodsOption(): Option {
  return new Option('--ipblock-pods <mode>',
    'whether ipBlock peers match pod IPs (match: Kubernetes e2e, Calico; ignore: netpol-analyzer, Cilium)')
    .choices(['match', 'ignore']).default('match');
}

/** The flags of the read limits (each raises, or for the file size sets, one of them), then --quiet. */
function readLimitOptions(): Option[] {
  const count = (flag: string, what: string, fallback: number) => new Option(`${flag} <n>`, what)
    .default(fallback, fallback.toLocaleString('en-US'))
    .argParser(parseCount);
  return [
    new Option('--max-file-size <MiB>', 'refuse input files larger than this (default: no limit; hostile input is stopped by its structure)')
      .argParser(parseMebibytes),
    count(LIMIT_FLAGS.maxAliases, 'YAML alias expansion count at which a document is refused', DEFAULT_READ_LIMITS.maxAliases),
    count(LIMIT_FLAGS.maxDepth, 'deepest nesting of mappings and lists read', DEFAULT_READ_LIMITS.maxDepth),
    count(LIMIT_FLAGS.maxObjects, 'documents and List items read in one run', DEFAULT_READ_LIMITS.maxObjects),
    count(LIMIT_FLAGS.maxScalarLength, 'characters of one scalar read', DEFAULT_READ_LIMITS.maxScalarLength),
    new Option('-q, --quiet', 'no progress line on the terminal during long reads'),
  ];
}

/** The read limits given by the flags (`readLimitOptions`). */
function readLimits(opts: ReadLimitFlags): Partial<ReadLimits> {
  return {
    maxFileBytes: opts.maxFileSize,
    maxAliases: opts.maxAliases,
    maxDepth: opts.maxDepth,
    maxObjects: opts.maxObjects,
    maxScalarLength: opts.maxScalarLength,
  };
}

interface ReadLimitFlags {
  readonly quiet?: boolean;
  readonly maxFileSize?: number;
  readonly maxAliases?: number;
  readonly maxDepth?: number;
  readonly maxObjects?: number;
  readonly maxScalarLength?: number;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new InvalidArgumentError('expected a positive whole number.');
  }
  return n;
}

function parseMebibytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('expected a positive number of MiB.');
  }
  return Math.floor(n * 1024 * 1024);
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    return '0.0.0';
  }
}
