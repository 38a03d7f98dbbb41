import { describe, expect, it } from 'vitest';
import { auroc, mrrAt, percentile, recallAt } from '../../bench/metrics.ts';

describe('benchmark metrics', () => {
  it('computes recall and MRR from 0-based ranks', () => {
    const ranks = [0, 1, 4, -1];
    expect(recallAt(ranks, 1)).toBe(0.25);
    expect(recallAt(ranks, 5)).toBe(0.75);
    expect(mrrAt(ranks, 10)).toBeCloseTo((1 + 0.5 + 0.2) / 4);
    expect(mrrAt(ranks, 3)).toBeCloseTo(1.5 / 4);
  });

  it('computes AUROC with ties counted half', () => {
    expect(auroc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(auroc([0.1], [0.9])).toBe(0);
    expect(auroc([0.5], [0.5])).toBe(0.5);
    expect(auroc([0.9, 0.4], [0.5, 0.1])).toBe(0.75);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, index) => index + 1),
        95,
      ),
    ).toBe(95);
  });
});
