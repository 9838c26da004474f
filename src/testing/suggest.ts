/**
 * The candidates closest to `wanted` by edit distance, best first: those within a third of
 * the longer string's length (at least 2 edits), plus any candidate that contains `wanted`
 * or is contained in it. At most `limit` names.
 */
export function closeMatches(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate) }))
    .filter(({ candidate, distance }) =>
      distance <= Math.max(2, Math.floor(Math.max(wanted.length, candidate.length) / 3)) ||
      candidate.includes(wanted) || wanted.includes(candidate))
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): insertions,
 * deletions, substitutions and swaps of two neighbouring characters cost 1 each, so the
 * typo `wbe` is one edit away from `web`.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
