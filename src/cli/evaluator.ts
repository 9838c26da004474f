import { CliIo } from './io';
import { ClusterPolicyOrderError } from '../eval/compiled-cluster-policies';
import { Evaluator } from '../eval/evaluator';
import { EvaluatorOptions } from '../eval/types';
import { Cluster } from '../model/cluster';

/** The evaluator options for cluster-scoped policies that the evaluating commands take as flags. */
export type ClusterPolicyFlags = Pick<EvaluatorOptions, 'networksMatchPodIps' | 'equalPriorities' | 'mixedApiVersions'>;

/**
 * An evaluator for the loaded cluster, or undefined (with the reason on stderr) when its cluster
 * policies cannot be ordered without a choice the flags have not made.
 */
export function createEvaluator(cluster: Cluster, options: EvaluatorOptions, io: CliIo): Evaluator | undefined {
  try {
    return new Evaluator(cluster, options);
  } catch (e) {
    if (!(e instanceof ClusterPolicyOrderError)) throw e;
    io.stderr.write(`error: ${e.message}\n`);
    return undefined;
  }
}
