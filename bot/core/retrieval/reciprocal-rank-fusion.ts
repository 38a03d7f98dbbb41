/**
 * Weighted reciprocal-rank fusion (Cormack et al. 2009): score(d) = Σ wᵢ / (k + rankᵢ(d)).
 */
import type { ScoredId } from '../../ports/search.ts';

/** Fuses ranked lists; `k` dampens the influence of top ranks (60 in the original paper). */
export function fuseRankedLists(lists: readonly { readonly hits: readonly ScoredId[]; readonly weight: number }[], k = 60): ScoredId[] {
  const fused = new Map<string, number>();
  for (const { hits, weight } of lists) {
    hits.forEach((hit, rank) => fused.set(hit.id, (fused.get(hit.id) ?? 0) + weight / (k + rank + 1)));
  }
  return [...fused].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
