import { ChunkedOutput } from '../../report/chunked-output';
import { connectivityDiff, DiffEntry, DiffFamilies, widens } from '../../report/connectivity-diff';
import { writeDiff } from '../../report/diff-formats';
import { formatGraph, isGraphFormat } from '../../report/graph-formats';
import { diffGraph } from '../../report/graph-model';
import { loadCluster } from '../cluster-input';
import { createEvaluator, EvaluationRunOptions } from '../evaluator';
import { CliIo, ExitCode } from '../io';
import { progressFor } from '../progress';

export interface DiffOptions extends EvaluationRunOptions {
  /** @default 'txt' */
  readonly format?: string;
  /** `widen`: exit 1 when a connection was added or widened; `any`: on any change. @default - never */
  readonly failOn?: string;
  /** @default 'ipv4' */
  readonly ipFamily?: string;
}

/** The values `diff --fail-on` takes. */
export const FAIL_ON = ['widen', 'any'];

/**
 * `diff OLD NEW`: the connections that the change from OLD to NEW adds, removes or changes
 * (ref1 = OLD, ref2 = NEW), in netpol-analyzer's layout. With `--fail-on`, a gate for CI: exit 1
 * when the change widens access (`widen`) or changes anything (`any`), with the reasons on stderr.
 * Exit 2 when either side could not be read completely.
 */
export function runDiff(oldPaths: string[], newPaths: string[], options: DiffOptions, io: CliIo): ExitCode | Promise<ExitCode> {
  const progress = progressFor(io, options.quiet);
  const evaluate = (paths: string[]) => {
    const input = loadCluster(paths, { limits: options.limits, progress }, io);
    progress.phase('evaluating');
    const evaluator = createEvaluator(input.cluster, {
      ipBlockMatchesPodIps: options.ipBlockMatchesPodIps ?? true,
      hostNetwork: options.hostNetwork ?? 'as-pod',
      ...options.clusterPolicies,
    }, io);
    progress.done();
    return evaluator ? { evaluator, exitCode: input.exitCode } : undefined;
  };
  const before = evaluate(oldPaths);
  const after = evaluate(newPaths);
  if (!before || !after) return ExitCode.BAD_INPUT;
  // Both sides are evaluated source by source as they are compared: only the changes are held.
  const entries = connectivityDiff(before.evaluator, after.evaluator, (options.ipFamily ?? 'ipv4') as DiffFamilies);
  const format = options.format ?? 'txt';
  if (!isGraphFormat(format)) {
    const out = new ChunkedOutput(io.stdout);
    writeDiff(entries, format, out);
    out.flush();
    return diffExitCode(entries, before.exitCode, after.exitCode, options, io);
  }
  const title = `Connectivity diff: ${oldPaths.join(', ')} \u2192 ${newPaths.join(', ')}`;
  return formatGraph(diffGraph(entries), format, title).then((text) => {
    io.stdout.write(text);
    return diffExitCode(entries, before.exitCode, after.exitCode, options, io);
  });
}

/** Exit 2 when a side could not be read; 1 when `--fail-on` finds what it looks for (listed on stderr). */
function diffExitCode(entries: readonly DiffEntry[], beforeCode: ExitCode, afterCode: ExitCode, options: DiffOptions, io: CliIo): ExitCode {
  if (beforeCode === ExitCode.BAD_INPUT || afterCode === ExitCode.BAD_INPUT) return ExitCode.BAD_INPUT;

  const failing = options.failOn === 'any' ? entries : options.failOn === 'widen' ? entries.filter(widens) : [];
  if (failing.length > 0) {
    const what = options.failOn === 'any' ? 'changes connectivity' : 'widens access';
    io.stderr.write(`error: the change ${what} (${failing.length} pair${failing.length === 1 ? '' : 's'}):\n`);
    for (const e of failing) io.stderr.write(`  ${e.source} -> ${e.destination}: ${e.ref1} => ${e.ref2}\n`);
    return ExitCode.FINDINGS;
  }
  return beforeCode === ExitCode.OK && afterCode === ExitCode.OK ? ExitCode.OK : ExitCode.FINDINGS;
}
