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
    expect(softCoverageDetail(query(''), 'text', words)).toEqual({ coverage: 0, maxMissing: 0 });
  });
});
