import { Evaluator } from '../../eval/evaluator';
import { connectivityDiff, DiffFamilies, widens } from '../../report/connectivity-diff';
import { formatDiff } from '../../report/diff-formats';
import { loadCluster } from '../cluster-input';
import { CliIo, ExitCode } from '../io';
import { progressFor } from '../progress';
import { ReadLimits } from '../read-limits';

export interface DiffOptions {
  /** @default 'txt' */
  readonly format?: string;
  /** `widen`: exit 1 when a connection was added or widened; `any`: on any change. @default - never */
  readonly failOn?: string;
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

/** The values `diff --fail-on` takes. */
export const FAIL_ON = ['widen', 'any'];

/**
 * `diff OLD NEW`: the connections that the change from OLD to NEW adds, removes or changes
 * (ref1 = OLD, ref2 = NEW), in netpol-analyzer's layout. With `--fail-on`, a gate for CI: exit 1
 * when the change widens access (`widen`) or changes anything (`any`), with the reasons on stderr.
 * Exit 2 when either side could not be read completely.
 */
export function runDiff(oldPaths: string[], newPaths: string[], options: DiffOptions, io: CliIo): ExitCode {
  const progress = progressFor(io, options.quiet);
  const evaluate = (paths: string[]) => {
    const input = loadCluster(paths, { limits: options.limits, progress }, io);
    progress.phase('evaluating');
    const evaluator = new Evaluator(input.cluster, {
      ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
      hostNetwork: options.hostNetwork ?? 'as-pod',
    });
    const connectivity = evaluator.connectivity();
    progress.done();
    return { connectivity, exitCode: input.exitCode };
  };
  const before = evaluate(oldPaths);
  const after = evaluate(newPaths);
  const entries = connectivityDiff(before.connectivity, after.connectivity, (options.ipFamily ?? 'ipv4') as DiffFamilies);
  io.stdout.write(formatDiff(entries, options.format ?? 'txt'));
  if (before.exitCode === ExitCode.BAD_INPUT || after.exitCode === ExitCode.BAD_INPUT) return ExitCode.BAD_INPUT;

  const failing = options.failOn === 'any' ? entries : options.failOn === 'widen' ? entries.filter(widens) : [];
  if (failing.length > 0) {
    const what = options.failOn === 'any' ? 'changes connectivity' : 'widens access';
    io.stderr.write(`error: the change ${what} (${failing.length} pair${failing.length === 1 ? '' : 's'}):\n`);
    for (const e of failing) io.stderr.write(`  ${e.source} -> ${e.destination}: ${e.ref1} => ${e.ref2}\n`);
    return ExitCode.FINDINGS;
  }
  return before.exitCode === ExitCode.OK && after.exitCode === ExitCode.OK ? ExitCode.OK : ExitCode.FINDINGS;
}
