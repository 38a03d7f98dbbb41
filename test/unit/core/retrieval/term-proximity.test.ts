import { describe, expect, it } from 'vitest';
import type { WeightedQuery } from '../../../../bot/core/answer/coverage.ts';
import type { TextAnalyzer } from '../../../../bot/ports/search.ts';
import { pairProximity } from '../../../../bot/core/retrieval/term-proximity.ts';

/** Lower-cases, drops short words (a stand-in for stop words) and a plural "-e", keeps the order. */
const analyzer: TextAnalyzer = {
  analyze: (text) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((word) => word.length > 3)
      .map((word) => word.replace(/e$/u, '')),
};

const word = (form: string, weight: number): WeightedQuery['words'][number] => ({
  forms: [form],
  parts: [],
  weight,
  credit: 1,
  known: true,
  related: [],
});
/** "Wann hat der Kreistag die Strategie beschlossen?" */
const query: WeightedQuery = { words: [word('kreistag', 2), word('strategi', 1), word('beschlossen', 1)], total: 4 };

describe('pairProximity', () => {
  it('is 1 when each pair of neighbouring question words stands close together', () => {
    expect(pairProximity(query, 'Die Strategie hat der Kreistag am 11.09. beschlossen.', analyzer)).toBe(1);
  });

  it('counts only the pairs that stand close, weighted by their words', () => {
    const text = 'Der Kreistag tagte lange über viele Themen und Anträge und Vorlagen. Die Strategie wurde beschlossen.';
    expect(pairProximity(query, text, analyzer)).toBeCloseTo(2 / 5);
  });

  it('is 0 when the words are scattered or the question has one word', () => {
    const text = 'Kreistag: Sitzung mit vielen langen Tagesordnungspunkten. Strategie: erst später, nach Abstimmung beschlossen.';
    expect(pairProximity(query, text, analyzer)).toBe(0);
    expect(pairProximity({ words: [word('kreistag', 1)], total: 1 }, 'Kreistag', analyzer)).toBe(0);
  });
});
