import { Reachability } from '../testing/reachability';

/**
 * A jest snapshot serializer: `expect(Reachability.of(app)).toMatchSnapshot()` stores the
 * reachability matrix, one sorted line per allowed pair, so that a change that widens access
 * shows up as added lines in the snapshot's diff. Registered by `cdk8s-netpol/jest`.
 */
export const reachabilitySnapshot = {
  test: (value: unknown): boolean => value instanceof Reachability,
  serialize: (value: Reachability): string => `Reachability\n${value.matrix().trimEnd()}`,
};
