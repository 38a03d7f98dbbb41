import { describe, expect, it } from 'vitest';
import type { WeightedQuery } from '../../../../bot/core/answer/coverage.ts';
import { neighbourShare, vectorSource, withoutVectorTerms } from '../../../../bot/core/retrieval/neighbour-coverage.ts';

const query: WeightedQuery = {
  total: 4,
  words: [
    {
      forms: ['knet'],
      parts: [],
      weight: 2,
      credit: 1,
      known: false,
      related: [
        { term: 'entgelt', weight: 0.24, source: vectorSource },
        { term: 'lohn', weight: 0.2, source: vectorSource },
      ],
    },
    {
      forms: ['antrag'],
      parts: [],
      weight: 1,
      credit: 1,
      known: true,
      related: [
        { term: 'formular', weight: 0.4, source: 'thesaurus' },
        { term: 'gesuch', weight: 0.2, source: vectorSource },
      ],
    },
    { forms: ['frist'], parts: [], weight: 1, credit: 1, known: true, related: [] },
  ],
};

describe('neighbourShare', () => {
  it('counts words covered only by a vector neighbour, relative to the best neighbour', () => {
    expect(neighbourShare(query, ['entgelt', 'frist'])).toBeCloseTo(2 / 4);
    expect(neighbourShare(query, ['lohn'])).toBeCloseTo((2 * (0.2 / 0.24)) / 4);
  });

  it('ignores words the text covers otherwise (own form, thesaurus term)', () => {
    expect(neighbourShare(query, ['knet', 'formular', 'gesuch'])).toBe(0);
    expect(neighbourShare(query, ['antrag', 'gesuch'])).toBe(0);
    expect(neighbourShare({ words: [], total: 0 }, ['entgelt'])).toBe(0);
  });
});

describe('withoutVectorTerms', () => {
  it('drops the vector neighbours and keeps everything else', () => {
    const plain = withoutVectorTerms(query);
    expect(plain.total).toBe(4);
    expect(plain.words.map((word) => word.related.map((entry) => entry.term))).toEqual([[], ['formular'], []]);
  });
});
