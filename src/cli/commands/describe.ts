import { describePolicy } from '../../describe/describe-policy';
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
 * `describe PATH...`: every NetworkPolicy in the files in plain words, each headed by its
 * file and line. Exit 2 for unreadable input, else 0.
 */
export function runDescribe(paths: string[], options: DescribeCommandOptions, io: CliIo): ExitCode {
  const progress = progressFor(io, options.quiet);
  // Only NetworkPolicies are kept: a dump's other objects are read and let go.
  const policies: LoadedObject[] = [];
  const loaded = loadManifests(paths, { limits: options.limits, progress, onObject: (o) => { if (isNetworkPolicy(o)) policies.push(o); } });
  progress.done();
  for (const problem of loaded.problems) {
    io.stderr.write(`${formatProblem(problem)}${problem.fatal ? '' : ' (warning)'}\n`);
  }
  if (policies.length === 0) {
    io.stderr.write(`No NetworkPolicy found in ${loaded.files.length} file${loaded.files.length === 1 ? '' : 's'}.\n`);
  }
  const texts = policies.map((o) => `# ${o.source.file}:${o.source.line}\n${describePolicy(o.object as NetworkPolicyManifest)}`);
  if (texts.length > 0) io.stdout.write(texts.join('\n\n') + '\n');
  return loaded.problems.some((p) => p.fatal) ? ExitCode.BAD_INPUT : ExitCode.OK;
}
