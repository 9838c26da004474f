/**
 * How many cases a property test generates. The counts written in the tests are what CI runs
 * (the evaluator comparisons alone are over 10,000 cases). `NETPOL_PROPERTY_RUNS` scales every
 * count by a factor: `0.1` for a quick local loop, `10` for a long soak.
 */
export function propertyRuns(count: number): number {
  const text = process.env.NETPOL_PROPERTY_RUNS;
  if (text === undefined || text === '') return count;
  const factor = Number(text);
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new Error(`NETPOL_PROPERTY_RUNS must be a positive number (a factor such as 0.1 or 10), got "${text}"`);
  }
  return Math.max(1, Math.round(count * factor));
}
