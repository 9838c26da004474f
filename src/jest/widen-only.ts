import { MatcherResult, ReachabilitySubject, reachabilityOf } from './matchers';
import { Reachability } from '../testing/reachability';
import { ReachabilityChange } from '../testing/reachability-diff';

/**
 * `expect(after).toWidenOnly(before, ['shop/web -> shop/db'])`: passes when every connection
 * that `after` allows beyond `before` is between the pairs listed, written `source -> destination`
 * (workloads as `ns/name` or `ns/name[Kind]`, external ranges as `diff` prints them). Fails
 * with the unexpected widenings listed, one per line. Narrowings never fail it.
 */
export function toWidenOnly(received: unknown, before: ReachabilitySubject, expected: readonly string[]): MatcherResult {
  const diff = Reachability.diff(reachabilityOf(before, 'toWidenOnly'), reachabilityOf(received, 'toWidenOnly'));
  const allowed = expected.map(parseExpected);
  const unexpected = diff.widenings.filter((c) => !allowed.some((a) => matches(a.source, c.source) && matches(a.destination, c.destination)));
  return {
    pass: unexpected.length === 0,
    message: () => (unexpected.length === 0
      ? `Expected the change to widen more than ${expected.join(', ') || 'nothing'}, but it widens only that.`
      : `Expected the change to widen only ${expected.length > 0 ? expected.join(', ') : 'nothing'}, but it also allows:\n`
        + unexpected.map((c) => `  ${describe(c)}`).join('\n')),
  };
}

function parseExpected(text: string): { source: string; destination: string } {
  const parts = typeof text === 'string' ? text.split('->').map((p) => p.trim()) : [];
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new Error(`toWidenOnly: ${JSON.stringify(text)} is not "source -> destination", e.g. "shop/web -> shop/db".`);
  }
  return { source: parts[0], destination: parts[1] };
}

/** `shop/web` matches `shop/web[Deployment]`; anything else must be equal. */
function matches(expected: string, actual: string): boolean {
  return expected === actual || (!expected.includes('[') && actual.replace(/\[[A-Za-z]+\]$/, '') === expected);
}

function describe(c: ReachabilityChange): string {
  return `${c.source} -> ${c.destination}: ${c.before} => ${c.after}`;
}
