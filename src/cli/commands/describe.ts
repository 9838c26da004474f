import { describeClusterPolicy } from '../../describe/describe-cluster-policy';
import { describePolicy } from '../../describe/describe-policy';
import { isClusterPolicyObject, readClusterPolicy } from '../../model/cluster-policy';
import { NetworkPolicyManifest } from '../../model/manifest';
import { CliIo, ExitCode } from '../io';
import { formatProblem, loadManifests } from '../load';
import { isNetworkPolicy } from '../network-policies';

/** Options of the `describe` command. */
export interface DescribeCommandOptions {
  readonly maxFileBytes?: number;
}

/**
 * `describe PATH...`: every NetworkPolicy and cluster-scoped policy (ClusterNetworkPolicy,
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy) in the files in plain words, each headed by its
 * file and line. Exit 2 for unreadable input, else 0.
 */
export function runDescribe(paths: string[], options: DescribeCommandOptions, io: CliIo): ExitCode {
  const loaded = loadManifests(paths, { maxFileBytes: options.maxFileBytes });
  for (const problem of loaded.problems) {
    io.stderr.write(`${formatProblem(problem)}${problem.fatal ? '' : ' (warning)'}\n`);
  }
  const policies = loaded.objects.filter((o) => isNetworkPolicy(o) || isClusterPolicyObject(o.object));
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
