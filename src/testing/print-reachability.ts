import { IConstruct } from 'constructs';
import { Reachability } from './reachability';

/**
 * The reachability matrix of an App or Chart as an indented block for console output, under
 * a `reachability:` heading (`(nothing is allowed)` when no line would be printed).
 */
export function printReachability(scope: IConstruct): string {
  const lines = Reachability.of(scope).matrix().split('\n').filter((l) => l !== '');
  const body = lines.length > 0 ? lines : ['(nothing is allowed)'];
  return ['  reachability:', ...body.map((l) => `    ${l}`)].join('\n');
}
