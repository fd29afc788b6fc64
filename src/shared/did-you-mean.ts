// "did you mean ...?" for misspelled keys, kinds, guards and rule ids.

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dd = distance(w, c.toLowerCase());
    if (dd < bestD) [best, bestD] = [c, dd];
  }
  if (best !== undefined && bestD > 0 && bestD <= Math.max(2, Math.floor(word.length / 3))) return best;
  // An abbreviation or truncation: "warn" -> "warning", "sugg" -> "suggestion".
  if (w.length >= 3) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
    if (prefixed.length === 1) return prefixed[0];
  }
  return best !== undefined && bestD === 0 ? best : undefined;
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best !== undefined ? ` (did you mean "${best}"?)` : '';
}
