import { IConstruct } from 'constructs';
import { Reachability } from './reachability';

/**
 * The reachability matrix of an App or Chart (or of a `Reachability` with declarations added)
 * as an indented block for console output, under a `reachability:` heading
 * (`(nothing is allowed)` when no line would be printed).
 */
export function printReachability(subject: IConstruct | Reachability): string {
  const reach = subject instanceof Reachability ? subject : Reachability.of(subject);
  const lines = reach.matrix().split('\n').filter((l) => l !== '');
  const body = lines.length > 0 ? lines : ['(nothing is allowed)'];
  return ['  reachability:', ...body.map((l) => `    ${l}`)].join('\n');
}
