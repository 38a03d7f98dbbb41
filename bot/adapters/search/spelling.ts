/**
 * Typo tolerance for query terms: a term the index does not know is mapped to the indexed term within
 * a small edit distance (1 for 5–7 letters, 2 for longer words) that occurs in the most chunks.
 */

/** Levenshtein distance, giving up (returning max + 1) as soon as it exceeds `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Finds the closest known term; `frequency` ranks equally close candidates. */
export function closestTerm(term: string, vocabulary: Iterable<string>, frequency: (term: string) => number): string | undefined {
  if (term.length < 5 || /\d/.test(term)) return undefined;
  const max = term.length >= 8 ? 2 : 1;
  let best: { term: string; distance: number; frequency: number } | undefined;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - term.length) > max || candidate[0] !== term[0]) continue;
    const distance = boundedEditDistance(term, candidate, max);
    if (distance > max) continue;
    const count = frequency(candidate);
    if (!best || distance < best.distance || (distance === best.distance && count > best.frequency))
      best = { term: candidate, distance, frequency: count };
  }
  return best?.term;
}
