/**
 * Picks the `k` best scored ids without sorting everything (a bounded min-heap).
 */
import type { ScoredId } from '../../ports/search.ts';

/** The k highest scores, best first; ties keep input order. */
export function selectTop(candidates: readonly ScoredId[], k: number): ScoredId[] {
  if (!(k >= 1)) return [];
  if (candidates.length <= k * 4) return [...candidates].sort((a, b) => b.score - a.score).slice(0, k);
  const heap: ScoredId[] = [];
  const less = (i: number, j: number): boolean => heap[i]!.score < heap[j]!.score;
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
  };
  const siftDown = (start: number): void => {
    let index = start;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && less(left, smallest)) smallest = left;
      if (right < heap.length && less(right, smallest)) smallest = right;
      if (smallest === index) return;
      swap(index, smallest);
      index = smallest;
    }
  };
  for (const candidate of candidates) {
    if (heap.length < k) {
      heap.push(candidate);
      for (let index = heap.length - 1; index > 0 && less(index, (index - 1) >> 1); index = (index - 1) >> 1) swap(index, (index - 1) >> 1);
    } else if (candidate.score > heap[0]!.score) {
      heap[0] = candidate;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => b.score - a.score);
}
