/**
 * How many cases a property test generates. The counts written in the tests are what CI runs
 * (the evaluator comparisons alone are over 10,000 cases); a local run (no `CI` in the
 * environment) generates a quarter of them, to keep the loop short. `NETPOL_PROPERTY_RUNS`
 * sets the factor instead: `1` for CI's counts locally, `0.1` for a quicker loop, `10` for a
 * long soak.
 */
export function propertyRuns(count: number): number {
  return Math.max(1, Math.round(count * runFactor()));
}

/** Local runs generate this share of CI's cases. */
const LOCAL_FACTOR = 0.25;

function runFactor(): number {
  const text = process.env.NETPOL_PROPERTY_RUNS;
  if (text === undefined || text === '') return inCi() ? 1 : LOCAL_FACTOR;
  const factor = Number(text);
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new Error(`NETPOL_PROPERTY_RUNS must be a positive number (a factor such as 0.1 or 10), got "${text}"`);
  }
  return factor;
}

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
