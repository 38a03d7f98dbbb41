import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../bot/adapters/search/bm25-index.ts';
import { vectorSource } from '../../../../bot/adapters/search/word-neighbours.ts';
import type { TextAnalyzer, WordForms } from '../../../../bot/ports/search.ts';

/** Lower-case words; every question word relates to "entgelt" by a word-vector neighbour. */
const analyzer: TextAnalyzer = {
  analyze: (text) => text.toLowerCase().match(/\p{L}+/gu) ?? [],
  expandQuery: (text): WordForms[] =>
    (text.toLowerCase().match(/\p{L}+/gu) ?? []).map((term) => ({
      forms: [term],
      parts: [],
      related: [{ term: 'entgelt', weight: 0.25, source: vectorSource }],
    })),
};

describe('Bm25Index with word-vector neighbours', () => {
  const index = new Bm25Index(analyzer, { k1: 1.2, b: 0.75, correctSpelling: false });
  index.upsert([
    { id: 'pay', text: 'das entgelt wird monatlich gezahlt' },
    { id: 'leave', text: 'der urlaub wird beantragt' },
    { id: 'other', text: 'die kantine ist geschlossen' },
  ]);

  it('scores neighbours of a word no chunk contains', () => {
    expect(index.search('knete', 3).map((hit) => hit.id)).toEqual(['pay']);
  });

  it('ignores neighbours of a word the index knows', () => {
    expect(index.search('urlaub', 3).map((hit) => hit.id)).toEqual(['leave']);
  });
});
