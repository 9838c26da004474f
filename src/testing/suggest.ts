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

/** Levenshtein distance (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
