import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';
import { Bm25Index } from '../../../../bot/adapters/search/bm25-index.ts';
import { weighQuery } from '../../../../bot/core/answer/coverage.ts';
import { composeExtractiveAnswer } from '../../../../bot/core/answer/extractive-answer.ts';
import type { AnswerContext } from '../../../../bot/core/answer/answer-context.ts';
import { loadMessages } from '../../../../prompts/load-messages.ts';
import { InMemoryKnowledgeStore, sampleDocument } from '../../../fakes/in-memory-knowledge-store.ts';

const analyzer = createGermanAnalyzer({ dictionaryPath: false });
const text = [
  'Die Scanstelle digitalisiert Akten aller Ämter.',
  'Seit dem 1. März 2022 arbeitet die Scanstelle im Kreishaus.',
  'Die Scanstelle hat bisher 63.000 Dateien erzeugt.',
  'Geleitet wird die Scanstelle von Frau Berger.',
  'Für die Scanstelle nutzt der Kreis die Software „ScanFlow“.',
].join(' ');
const store = new InMemoryKnowledgeStore();
store.putDocument(sampleDocument({ id: 'strategie.md', title: 'Strategie' }, [text]));
const lexical = new Bm25Index(analyzer);
lexical.upsert([
  { id: 'strategie.md#0', text },
  { id: 'x#0', text: 'Anderer Text über Drucker.' },
  { id: 'y#0', text: 'Noch ein Text über Telefone.' },
]);

function answerTo(question: string): string {
  const chunk = store.getChunk('strategie.md#0')!;
  const document = store.getDocument('strategie.md')!;
  const context: AnswerContext = {
    question,
    query: weighQuery(question, analyzer, lexical),
    today: '2026-12-06',
    hits: [{ hit: { id: chunk.id, score: 1 }, chunk, document }],
    analyzer,
    lexical,
    knowledge: store,
    messages: loadMessages().messages,
  };
  return composeExtractiveAnswer(context)?.citations[0]?.quote ?? '';
}

describe('composeExtractiveAnswer picks the sentence that holds the kind of answer asked for', () => {
  it.each([
    ['wie viele dateien hat die scanstelle schon?', 'Die Scanstelle hat bisher 63.000'],
    ['seit wann gibt es die scanstelle?', 'Seit dem 1. März 2022'],
    ['wer leitet die scanstelle?', 'Geleitet wird die Scanstelle von Frau Berger'],
    ['welche software nutzt die scanstelle?', 'Für die Scanstelle nutzt der Kreis die Software'],
  ])('%s → quote starts "%s"', (question, expected) => {
    expect(answerTo(question).startsWith(expected)).toBe(true);
  });
});

describe('composeExtractiveAnswer quotes the window that answers', () => {
  it('quotes a statement together with the next sentence that holds the asked-for value', () => {
    const spanning =
      'Die Kreisverwaltung tauscht ihre Rechner turnusmäßig aus. Das geschieht alle fünf bis sechs Jahre. Drucker und Multifunktionsgeräte werden zentral beschafft, im Flur aufgestellt und über einen Wartungsvertrag mit dem Hersteller betreut. Die Telefone laufen über Jabber.';
    const spanStore = new InMemoryKnowledgeStore();
    spanStore.putDocument(sampleDocument({ id: 'it.md', title: 'IT' }, [spanning]));
    const chunk = spanStore.getChunk('it.md#0')!;
    const context: AnswerContext = {
      question: 'wie oft werden die rechner ausgetauscht?',
      query: weighQuery('wie oft werden die rechner ausgetauscht?', analyzer, lexical),
      today: '2026-12-06',
      hits: [{ hit: { id: chunk.id, score: 1 }, chunk, document: spanStore.getDocument('it.md')! }],
      analyzer,
      lexical,
      knowledge: spanStore,
      messages: loadMessages().messages,
    };
    const quote = composeExtractiveAnswer(context)?.citations[0]?.quote ?? '';
    expect(quote).toContain('Rechner turnusmäßig');
    expect(quote).toContain('fünf bis sechs Jahre');
    expect(quote).not.toContain('Telefone');
  });
});

describe('composeExtractiveAnswer cites the best-ranked passage', () => {
  const top = 'Die Scanstelle überführt Akten sicher in das DMS.';
  const lower = 'Die Plattform ist ein datenschutzkonformes Netzwerk, in dem Akten sicher liegen.';
  const twoStore = new InMemoryKnowledgeStore();
  twoStore.putDocument(sampleDocument({ id: 'scan.md', title: 'Scanstelle' }, [top]));
  twoStore.putDocument(sampleDocument({ id: 'netz.md', title: 'Plattform' }, [lower]));
  const twoLexical = new Bm25Index(analyzer);
  twoLexical.upsert([
    { id: 'scan.md#0', text: top },
    { id: 'netz.md#0', text: lower },
    { id: 'x#0', text: 'Anderer Text über Drucker.' },
  ]);
  const question = 'liegen akten bei der scanstelle sicher und datenschutzkonform?';
  const contextWith = (order: readonly string[]): AnswerContext => ({
    question,
    query: weighQuery(question, analyzer, twoLexical),
    today: '2026-12-06',
    hits: order.map((id, rank) => {
      const chunk = twoStore.getChunk(`${id}#0`)!;
      return { hit: { id: chunk.id, score: 1 - rank * 0.1 }, chunk, document: twoStore.getDocument(id)! };
    }),
    analyzer,
    lexical: twoLexical,
    knowledge: twoStore,
    messages: loadMessages().messages,
  });

  it('quotes the top passage too when a lower-ranked one has the best sentence', () => {
    const documents = composeExtractiveAnswer(contextWith(['scan.md', 'netz.md']))?.citations.map((citation) => citation.document);
    expect(documents).toContain('scan.md');
  });
});
