import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../bot/adapters/search/bm25-index.ts';
import type { RelatedTerm, TextAnalyzer, WordForms } from '../../../../bot/ports/search.ts';

/** Whitespace analyzer whose questions get the related terms given per word. */
function analyzerWith(related: Record<string, readonly RelatedTerm[]>): TextAnalyzer {
  const analyze = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);
  return {
    analyze,
    expandQuery: (text): WordForms[] =>
      analyze(text).map((term) => ({ forms: [term], parts: [], ...(related[term] ? { related: related[term] } : {}) })),
  };
}

const entries = [
  { id: 'own', text: 'kantine essen heute' },
  { id: 'synonym', text: 'mensa essen heute' },
  { id: 'both', text: 'kantine mensa heute' },
  { id: 'two-synonyms', text: 'mensa cafeteria heute' },
  { id: 'none', text: 'parkplatz heute morgen' },
];
const mensa = { term: 'mensa', weight: 0.4, source: 'test' };
const cafeteria = { term: 'cafeteria', weight: 0.4, source: 'test' };

const scores = (index: Bm25Index, query: string): Map<string, number> =>
  new Map(index.search(query, 100).map((hit) => [hit.id, hit.score]));

describe('Bm25Index with weighted related terms', () => {
  it('scores a chunk with only the related term at the weight times its own BM25 score', () => {
    const expanded = new Bm25Index(analyzerWith({ kantine: [mensa] }), { k1: 1.2, b: 0.75, correctSpelling: false });
    const plain = new Bm25Index(analyzerWith({}), { k1: 1.2, b: 0.75, correctSpelling: false });
    expanded.upsert(entries);
    plain.upsert(entries);
    const viaSynonym = scores(expanded, 'kantine').get('synonym')!;
    const direct = scores(plain, 'mensa').get('synonym')!;
    expect(viaSynonym).toBeCloseTo(0.4 * direct, 10);
  });

  it('ranks the own word above the related term, and the related term above nothing', () => {
    const index = new Bm25Index(analyzerWith({ kantine: [mensa] }));
    index.upsert(entries);
    const ranked = index.search('kantine', 10).map((hit) => hit.id);
    expect(ranked.indexOf('own')).toBeLessThan(ranked.indexOf('synonym'));
    expect(ranked).toContain('synonym');
    expect(ranked).not.toContain('none');
  });

  it('adds nothing for related terms in chunks that contain the word itself', () => {
    const expanded = new Bm25Index(analyzerWith({ kantine: [mensa] }));
    const plain = new Bm25Index(analyzerWith({}));
    expanded.upsert(entries);
    plain.upsert(entries);
    expect(scores(expanded, 'kantine').get('both')).toBeCloseTo(scores(plain, 'kantine').get('both')!, 10);
  });

  it('also leaves out chunks with the word when the word is much more frequent than its related term', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, index) => ({ id: `amt-${index}`, text: `amt text${index}` })),
      { id: 'amt-and-behoerde', text: 'amt behoerde' },
      { id: 'behoerde', text: 'behoerde andere' },
    ];
    const related = { amt: [{ term: 'behoerde', weight: 0.4, source: 'test' }] };
    const expanded = new Bm25Index(analyzerWith(related));
    const plain = new Bm25Index(analyzerWith({}));
    expanded.upsert(many);
    plain.upsert(many);
    expect(scores(expanded, 'amt').get('amt-and-behoerde')).toBeCloseTo(scores(plain, 'amt').get('amt-and-behoerde')!, 10);
    expect(scores(expanded, 'amt').get('behoerde')).toBeGreaterThan(0);
  });

  it('takes the best related term of a word instead of adding up several synonyms', () => {
    const index = new Bm25Index(analyzerWith({ kantine: [mensa, cafeteria] }), { k1: 1.2, b: 0.75, correctSpelling: false });
    const single = new Bm25Index(analyzerWith({ kantine: [mensa] }), { k1: 1.2, b: 0.75, correctSpelling: false });
    const other = new Bm25Index(analyzerWith({ kantine: [cafeteria] }), { k1: 1.2, b: 0.75, correctSpelling: false });
    for (const each of [index, single, other]) each.upsert(entries);
    const best = Math.max(scores(single, 'kantine').get('two-synonyms')!, scores(other, 'kantine').get('two-synonyms')!);
    expect(scores(index, 'kantine').get('two-synonyms')).toBeCloseTo(best, 10);
  });

  it('adds up the terms of one related phrase (same group)', () => {
    const phrase = [
      { term: 'mensa', weight: 0.5, group: 'mensa cafeteria', source: 'test' },
      { term: 'cafeteria', weight: 0.5, group: 'mensa cafeteria', source: 'test' },
    ];
    const grouped = new Bm25Index(analyzerWith({ kantine: phrase }));
    const loose = new Bm25Index(analyzerWith({ kantine: phrase.map(({ term, weight, source }) => ({ term, weight, source })) }));
    grouped.upsert(entries);
    loose.upsert(entries);
    expect(scores(grouped, 'kantine').get('two-synonyms')!).toBeGreaterThan(scores(loose, 'kantine').get('two-synonyms')!);
  });

  it('doubles the related weights (at most 1) of a word that no chunk contains', () => {
    const parameters = { k1: 1.2, b: 0.75, correctSpelling: false };
    const unknown = new Bm25Index(analyzerWith({ speisesaal: [mensa] }), parameters);
    const plain = new Bm25Index(analyzerWith({}), parameters);
    unknown.upsert(entries);
    plain.upsert(entries);
    expect(scores(unknown, 'speisesaal').get('synonym')).toBeCloseTo(0.8 * scores(plain, 'mensa').get('synonym')!, 10);
    const capped = new Bm25Index(analyzerWith({ speisesaal: [{ ...mensa, weight: 0.7 }] }), parameters);
    capped.upsert(entries);
    expect(scores(capped, 'speisesaal').get('synonym')).toBeCloseTo(scores(plain, 'mensa').get('synonym')!, 10);
  });

  it('finds chunks by related terms alone when the word is unknown, and not at all with relatedScale 0', () => {
    const index = new Bm25Index(analyzerWith({ speisesaal: [mensa] }));
    index.upsert(entries);
    expect(
      index
        .search('speisesaal', 10)
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['both', 'synonym', 'two-synonyms']);
    const off = new Bm25Index(analyzerWith({ speisesaal: [mensa] }), { k1: 1.2, b: 0.75, correctSpelling: false, relatedScale: 0 });
    off.upsert(entries);
    expect(off.search('speisesaal', 10)).toEqual([]);
  });
});
