import * as fs from 'fs';
import { parse } from 'yaml';
import { CliIo } from './io';
import { ReadLimits } from './read-limits';
import { ClusterPolicyOrderError } from '../eval/compiled-cluster-policies';
import { Evaluator } from '../eval/evaluator';
import { EvaluatorOptions } from '../eval/types';
import { Cluster } from '../model/cluster';
import { cidrInterval } from '../net/cidr';

/** The evaluator options for cluster-scoped policies that the evaluating commands take as flags. */
/** What every command that evaluates policies (connlist, diff, explain) is told about reading and evaluating them. */
export interface EvaluationRunOptions {
  /** @default true */
  readonly ipBlockMatchesPodIps?: boolean;
  /** @default 'as-pod' */
  readonly hostNetwork?: 'as-pod' | 'as-node';
  /** How cluster-scoped policies are evaluated where upstream leaves it open (docs/cluster-policies.md). */
  readonly clusterPolicies?: ClusterPolicyFlags;
  /** What stops hostile input; unset limits take their defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** No progress line, even on a terminal. @default false */
  readonly quiet?: boolean;
}

export type ClusterPolicyFlags = Pick<EvaluatorOptions,
'networksMatchPodIps' | 'equalPriorities' | 'mixedApiVersions' | 'nodeAddressTypes' | 'domainNameAddresses'>;

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

/**
 * Reads `--domain-addresses FILE`: a YAML or JSON map from domain names to lists of IP addresses
 * or CIDRs, e.g. `{api.example.com: [203.0.113.7]}`. Returns an error message for anything else.
 */
export function readDomainAddresses(file: string): Record<string, string[]> | string {
  let parsed: unknown;
  try {
    parsed = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return `--domain-addresses ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  const shape = 'write a map from domain names to lists of addresses, e.g. {api.example.com: [203.0.113.7, 198.51.100.0/24]}';
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return `--domain-addresses ${file}: not a map: ${shape}`;
  const result: Record<string, string[]> = {};
  for (const [name, addresses] of Object.entries(parsed)) {
    if (!Array.isArray(addresses) || addresses.some((a) => typeof a !== 'string' || cidrInterval(a.includes('/') ? a : `${a}/${a.includes(':') ? 128 : 32}`) === undefined)) {
      return `--domain-addresses ${file}: "${name}" must list IP addresses or CIDRs: ${shape}`;
    }
    result[name] = addresses;
  }
  return result;
}
