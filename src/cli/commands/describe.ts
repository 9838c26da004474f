import { describeClusterPolicy } from '../../describe/describe-cluster-policy';
import { describePolicy } from '../../describe/describe-policy';
import { isClusterPolicyObject, readClusterPolicy } from '../../model/cluster-policy';
import { NetworkPolicyManifest } from '../../model/manifest';
import { CliIo, ExitCode } from '../io';
import { formatProblem, LoadedObject, loadManifests } from '../load';
import { isNetworkPolicy } from '../network-policies';
import { progressFor } from '../progress';
import { ReadLimits } from '../read-limits';

/** Options of the `describe` command. */
export interface DescribeCommandOptions {
  /** What stops hostile input; unset limits take their defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** No progress line, even on a terminal. @default false */
  readonly quiet?: boolean;
}

/**
 * `describe PATH...`: every NetworkPolicy and cluster-scoped policy (ClusterNetworkPolicy,
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy) in the files in plain words, each headed by its
 * file and line. Exit 2 for unreadable input, else 0.
 */
export function runDescribe(paths: string[], options: DescribeCommandOptions, io: CliIo): ExitCode {
  const progress = progressFor(io, options.quiet);
  // Only policies are kept: a dump's other objects are read and let go.
  const policies: LoadedObject[] = [];
  const onObject = (o: LoadedObject): void => {
    if (isNetworkPolicy(o) || isClusterPolicyObject(o.object)) policies.push(o);
  };
  const loaded = loadManifests(paths, { limits: options.limits, progress, onObject });
  progress.done();
  for (const problem of loaded.problems) {
    io.stderr.write(`${formatProblem(problem)}${problem.fatal ? '' : ' (warning)'}\n`);
  }
  if (policies.length === 0) {
    io.stderr.write(`No NetworkPolicy found in ${loaded.files.length} file${loaded.files.length === 1 ? '' : 's'}.\n`);
  }
  const texts: string[] = [];
  for (const o of policies) {
    const where = `${o.source.file}:${o.source.line}`;
    if (isNetworkPolicy(o)) {
      texts.push(`# ${where}\n${describePolicy(o.object as NetworkPolicyManifest)}`);
      continue;
    }
    const reading = readClusterPolicy(o.object);
    if ('error' in reading) io.stderr.write(`${where}: warning: ${String(o.object.kind)} cannot be described: ${reading.error}\n`);
    else texts.push(`# ${where}\n${describeClusterPolicy(reading.policy)}`);
  }
  if (texts.length > 0) io.stdout.write(texts.join('\n\n') + '\n');
  return loaded.problems.some((p) => p.fatal) ? ExitCode.BAD_INPUT : ExitCode.OK;
}
