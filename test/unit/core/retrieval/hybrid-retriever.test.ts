import { describe, expect, it } from 'vitest';
import { estimateConfidence } from '../../../../bot/core/retrieval/confidence.ts';
import { HybridRetriever } from '../../../../bot/core/retrieval/hybrid-retriever.ts';
import { createSentenceEvidence } from '../../../../bot/core/retrieval/sentence-evidence.ts';
import type { Embedder, LexicalIndex, ScoredId, VectorIndex } from '../../../../bot/ports/search.ts';
import { fakeAnalyzer } from '../../../fakes/fake-analyzer.ts';

const texts: Record<string, string> = {
  a: 'Die Kantine öffnet um 11:30 Uhr. Sie schließt um 14 Uhr.',
  b: 'Die Kantine bietet vegetarische Gerichte.',
  c: 'Passwörter müssen zwölf Zeichen haben.',
};

const lexical = (hits: ScoredId[]): LexicalIndex => ({
  upsert: () => undefined,
  remove: () => undefined,
  search: (_query, k, filter) => hits.filter((hit) => !filter || filter(hit.id)).slice(0, k),
  idf: (term) => (term === '\u0000' ? 3 : 1),
  size: 3,
});
const embedder: Embedder = { id: 'fake', dimensions: 1, embed: async (inputs) => inputs.map(() => [1]) };
const vectors = (hits: ScoredId[]): VectorIndex => ({ upsert: () => undefined, remove: () => undefined, search: () => hits, size: 3 });

describe('HybridRetriever', () => {
  it('fuses normalised BM25, weighted cosine and sentence evidence', async () => {
    const evidence = createSentenceEvidence({ textOf: (id) => texts[id] ?? '', analyzer: fakeAnalyzer, lexical: lexical([]) });
    const retriever = new HybridRetriever({
      lexical: lexical([
        { id: 'b', score: 10 },
        { id: 'a', score: 9 },
      ]),
      vectors: [
        {
          embedder,
          index: vectors([
            { id: 'c', score: 0.9 },
            { id: 'a', score: 0.8 },
          ]),
        },
      ],
      evidence,
    });
    const hits = await retriever.retrieve('Wann öffnet die Kantine?', { k: 3 });
    expect(hits.map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
    expect(hits[0]).toMatchObject({ lexicalRank: 1, vectorRank: 1 });
    expect(hits[0]!.evidence).toBeGreaterThan(hits[1]!.evidence!);
  });

  it('passes the filter to every list', async () => {
    const retriever = new HybridRetriever({
      lexical: lexical([
        { id: 'a', score: 1 },
        { id: 'b', score: 1 },
      ]),
      vectors: [],
    });
    expect((await retriever.retrieve('x', { k: 5, filter: (id) => id === 'b' })).map((hit) => hit.id)).toEqual(['b']);
  });
});

describe('estimateConfidence', () => {
  const input = (query: string, id: string) => ({
    query,
    hits: [{ id, score: 1, lexicalScore: 1, lexicalRank: 0, vectorScore: 0.5, vectorRank: 0, evidence: null }],
    textOf: (chunk: string) => texts[chunk] ?? '',
    analyzer: fakeAnalyzer,
    lexical: lexical([]),
  });

  it('is higher when a sentence covers the question than when it does not', () => {
    expect(estimateConfidence(input('Wann öffnet die Kantine?', 'a'))).toBeGreaterThan(0.4);
    expect(estimateConfidence(input('Wie hoch ist die Hundesteuer?', 'a'))).toBeLessThan(0.4);
    expect(estimateConfidence({ ...input('x', 'a'), hits: [] })).toBe(0);
  });
});

describe('HybridRetriever degradation', () => {
  it('leaves out a vector list whose embedder fails and reports it', async () => {
    const failures: string[] = [];
    const broken: Embedder = { id: 'broken', dimensions: 1, embed: async () => Promise.reject(new Error('endpoint down')) };
    const retriever = new HybridRetriever({
      lexical: lexical([{ id: 'a', score: 2 }]),
      vectors: [{ embedder: broken, index: vectors([{ id: 'c', score: 0.9 }]) }],
      onListFailure: (id) => failures.push(id),
    });
    expect((await retriever.retrieve('Kantine', { k: 3 })).map((hit) => hit.id)).toEqual(['a']);
    expect(failures).toEqual(['broken']);
  });
});
