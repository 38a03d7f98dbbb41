/**
 * Re-orders some places of a ranked hit list by score × factor (ties keep their order), each moved hit taking the
 * score of the place it moves to, so that score margins stay those of retrieval; the other places are untouched.
 * Shared by the edition weights (`scope.ts`) and the type-aware order (`typed-hits.ts`).
 */

/** The hits with those at `places` re-ordered among themselves by score × `factor`. */
export function reweighPlaces<H extends { readonly score: number }>(
  hits: readonly H[],
  places: readonly number[],
  factor: (hit: H) => number,
): H[] {
  const reordered = places
    .map((index) => ({ hit: hits[index]!, weighed: hits[index]!.score * factor(hits[index]!), index }))
    .sort((a, b) => b.weighed - a.weighed || a.index - b.index);
  const result = [...hits];
  places.forEach((place, rank) => {
    result[place] = { ...reordered[rank]!.hit, score: hits[place]!.score };
  });
  return result;
}
