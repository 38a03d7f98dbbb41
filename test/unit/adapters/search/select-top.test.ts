import { describe, expect, it } from 'vitest';
import { selectTop } from '../../../../bot/adapters/search/select-top.ts';

const scored = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `d${index}`, score: (index * 37) % 101 }));

describe('selectTop', () => {
  it('returns the k best, best first, for small and heap-sized inputs', () => {
    for (const count of [5, 500]) {
      const input = scored(count);
      const expected = [...input]
        .sort((a, b) => b.score - a.score)
        .slice(0, 10)
        .map((hit) => hit.score);
      expect(selectTop(input, 10).map((hit) => hit.score)).toEqual(expected);
    }
  });

  it('returns nothing for k of 0, a negative or a missing number', () => {
    expect(selectTop(scored(50), 0)).toEqual([]);
    expect(selectTop(scored(50), -3)).toEqual([]);
    expect(selectTop(scored(50), Number.NaN)).toEqual([]);
  });
});
