import { describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../../../bot/core/retrieval/hybrid-retriever.ts';
import { createSentenceEvidence } from '../../../../bot/core/retrieval/sentence-evidence.ts';
import { fakeAnalyzer } from '../../../fakes/fake-analyzer.ts';
import { FakeEmbedder } from '../../../fakes/fake-embedder.ts';
import { InMemoryLexicalIndex } from '../../../fakes/in-memory-lexical-index.ts';
import { InMemoryVectorIndex } from '../../../fakes/in-memory-vector-index.ts';

const documents = [
  { id: 'mobil', text: 'Beschäftigte dürfen an drei Tagen pro Woche mobil arbeiten. Der Antrag geht an die Amtsleitung.' },
  { id: 'kantine', text: 'Die Kantine öffnet um 11:30 Uhr. Mittags gibt es zwei Gerichte.' },
  { id: 'passwort', text: 'Passwörter müssen zwölf Zeichen lang sein.' },
  { id: 'parken', text: 'Parkausweise gibt es bei der Hausverwaltung.' },
];

async function build() {
  const lexical = new InMemoryLexicalIndex(fakeAnalyzer);
  lexical.upsert(documents);
  const embedder = new FakeEmbedder(64);
  const index = new InMemoryVectorIndex(64);
  const vectors = await embedder.embed(documents.map((document) => document.text));
  index.upsert(documents.map((document, position) => ({ id: document.id, vector: vectors[position]! })));
  const textOf = (id: string) => documents.find((document) => document.id === id)?.text ?? '';
  const evidence = createSentenceEvidence({ textOf, analyzer: fakeAnalyzer, lexical });
  return { lexical, embedder, index, retriever: new HybridRetriever({ lexical, vectors: [{ embedder, index }], evidence }) };
}

describe('HybridRetriever with fakes', () => {
  it('ranks the answering chunk first', async () => {
    const { retriever } = await build();
    const hits = await retriever.retrieve('Wann öffnet die Kantine?', { k: 3 });
    expect(hits[0]?.id).toBe('kantine');
    expect(hits[0]).toMatchObject({ lexicalRank: 0, vectorRank: 0 });
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('embeds the query once per vector list and asks each index for candidates', async () => {
    const { retriever, embedder, lexical, index } = await build();
    await retriever.retrieve('Passwort Länge', { k: 2 });
    expect(embedder.calls.at(-1)).toEqual(['Passwort Länge']);
    expect(lexical.queries).toEqual(['Passwort Länge']);
    expect(index.searches.length).toBe(1);
  });

  it('reports a vector-only hit with a null lexical rank', async () => {
    const { retriever } = await build();
    const hits = await retriever.retrieve('Gerichte', { k: 4 });
    const vectorOnly = hits.find((hit) => hit.lexicalRank === null);
    if (vectorOnly) expect(vectorOnly.lexicalScore).toBe(0);
    expect(hits[0]?.id).toBe('kantine');
  });

  it('returns at most k hits and honours the filter', async () => {
    const { retriever } = await build();
    const hits = await retriever.retrieve('mobil arbeiten Kantine Passwort', { k: 2, filter: (id) => id !== 'mobil' });
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits.map((hit) => hit.id)).not.toContain('mobil');
  });
});
