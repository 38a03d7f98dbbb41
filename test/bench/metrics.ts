/**
 * Retrieval and abstention metrics for the benchmarks: recall@k, MRR@k, AUROC and percentiles.
 */

/** Share of queries whose gold item is within the first k ranks (ranks are 0-based, -1 = not found). */
export function recallAt(ranks: readonly number[], k: number): number {
  return ranks.filter((rank) => rank >= 0 && rank < k).length / Math.max(1, ranks.length);
}

/** Mean reciprocal rank, counting only ranks below k. */
export function mrrAt(ranks: readonly number[], k: number): number {
  return ranks.reduce((sum, rank) => sum + (rank >= 0 && rank < k ? 1 / (rank + 1) : 0), 0) / Math.max(1, ranks.length);
}

/** Area under the ROC curve: probability that a positive scores above a negative (ties count half). */
export function auroc(positives: readonly number[], negatives: readonly number[]): number {
  if (!positives.length || !negatives.length) return Number.NaN;
  const all = [...positives.map((score) => ({ score, positive: true })), ...negatives.map((score) => ({ score, positive: false }))].sort(
    (a, b) => a.score - b.score,
  );
  let rankSum = 0;
  for (let index = 0; index < all.length;) {
    let end = index;
    while (end + 1 < all.length && all[end + 1]!.score === all[index]!.score) end += 1;
    const averageRank = (index + end) / 2 + 1;
    for (let tie = index; tie <= end; tie += 1) if (all[tie]!.positive) rankSum += averageRank;
    index = end + 1;
  }
  return (rankSum - (positives.length * (positives.length + 1)) / 2) / (positives.length * negatives.length);
}

/** The p-th percentile (0..100) of the values, nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
