import { relatedCredit } from '../../../../bot/core/answer/coverage.ts';
import { describe, expect, it } from 'vitest';
import { weighQuery } from '../../../../bot/core/answer/coverage.ts';
import { softCoverage, softCoverageDetail } from '../../../../bot/core/retrieval/soft-coverage.ts';
import type { TextAnalyzer } from '../../../../bot/ports/search.ts';
import { flatIdfLexical } from '../../../fakes/fake-analyzer.ts';

const words: TextAnalyzer = { analyze: (text) => text.toLowerCase().match(/\p{L}+/gu) ?? [] };
const query = (text: string) => weighQuery(text, words, flatIdfLexical);

describe('softCoverage', () => {
  it('counts whole words fully', () => {
    expect(softCoverage(query('hugenotten flohen'), 'die hugenotten flohen', words)).toBeCloseTo(1);
  });

  it('gives partial credit to a long shared prefix only', () => {
    const partial = softCoverage(query('hugenottischen siedler'), 'die hugenotten kamen als siedler', words);
    expect(partial).toBeGreaterThan(0.5);
    expect(partial).toBeLessThan(1);
    expect(softCoverage(query('hugo'), 'hugenotten', words)).toBe(0);
  });

  it('reports the heaviest missing word', () => {
    const detail = softCoverageDetail(query('kantine preis'), 'die kantine', words);
    expect(detail.coverage).toBeCloseTo(0.5);
    expect(detail.maxMissing).toBeCloseTo(0.5);
    expect(detail.coveredWords).toBe(1);
    expect(softCoverageDetail(query(''), 'text', words)).toEqual({ coverage: 0, maxMissing: 0, coveredWords: 0 });
  });
});

describe('relatedCredit', () => {
  it('credits the best related word, and a related phrase only when all its terms are present', () => {
    const related = [
      { term: 'vorgesetzt', weight: 0.5, source: 'lexicon' },
      { term: 'kunstlich', weight: 0.7, group: 'ki', source: 'lexicon' },
      { term: 'intelligenz', weight: 0.7, group: 'ki', source: 'lexicon' },
    ];
    expect(relatedCredit(related, new Set(['vorgesetzt']))).toBe(0.5);
    expect(relatedCredit(related, new Set(['kunstlich']))).toBe(0);
    expect(relatedCredit(related, new Set(['kunstlich', 'intelligenz', 'vorgesetzt']))).toBe(0.7);
    expect(relatedCredit([], new Set(['vorgesetzt']))).toBe(0);
  });
});

describe('compound parts weighed by idf', () => {
  it('credits "Urlaubstage" little for the common head "Tag" when the rare "Urlaub" is missing', async () => {
    const { partShare } = await import('../../../../bot/core/answer/coverage.ts');
    const compound: TextAnalyzer = {
      analyze: (text) => text.toLowerCase().match(/\p{L}+/gu) ?? [],
      analyzeWords: (text) =>
        (text.toLowerCase().match(/\p{L}+/gu) ?? []).map((word) =>
          word === 'urlaubstage' ? { forms: ['urlaubstag'], parts: ['urlaub', 'tag'] } : { forms: [word], parts: [] },
        ),
    };
    const idf: Record<string, number> = { tag: 1, urlaub: 6 };
    const lexical = { ...flatIdfLexical, idf: (term: string) => idf[term] ?? 6 };
    const weighted = weighQuery('urlaubstage', compound, lexical);
    const word = weighted.words[0]!;
    expect(partShare(word, new Set(['tag']))).toBeCloseTo(1 / 7);
    expect(partShare(word, new Set(['urlaub']))).toBeCloseTo(6 / 7);
    expect(partShare(word, new Set(['urlaub', 'tag']))).toBeCloseTo(1);
    expect(partShare({ parts: ['a', 'b'] }, new Set(['a']))).toBeCloseTo(0.5);
  });
});
