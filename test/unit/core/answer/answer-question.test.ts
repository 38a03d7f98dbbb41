import { beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../../../bot/core/answer/answer-question.ts';
import { loadMessages } from '../../../../prompts/load-messages.ts';
import { fakeAnalyzer, flatIdfLexical } from '../../../fakes/fake-analyzer.ts';
import { OverlapRetriever } from '../../../fakes/fake-retriever.ts';
import { InMemoryKnowledgeStore, sampleDocument } from '../../../fakes/in-memory-knowledge-store.ts';

const messages = loadMessages().messages;
let store: InMemoryKnowledgeStore;
let deps: AnswerDeps;

beforeEach(() => {
  store = new InMemoryKnowledgeStore();
  store.putDocument(
    sampleDocument(
      { id: 'da/mobil-2023.md', title: 'DA Mobiles Arbeiten', tenant: 'Kreis Musterland', stand: '2023-01-01', validTo: '2025-02-28' },
      ['Beschäftigte dürfen höchstens zwei Tage pro Woche mobil arbeiten.'],
    ),
  );
  store.putDocument(
    sampleDocument(
      {
        id: 'da/mobil-2025.md',
        title: 'DA Mobiles Arbeiten',
        tenant: 'Kreis Musterland',
        stand: '2025-03-01',
        supersedes: ['da/mobil-2023.md'],
      },
      [{ section: '§ 3 Umfang', text: 'Beschäftigte dürfen höchstens drei Tage pro Woche mobil arbeiten. Die Kernzeit bleibt bestehen.' }],
    ),
  );
  store.putDocument(
    sampleDocument({ id: 'nordheide.md', title: 'DA Nordheide', tenant: 'Kreis Nordheide' }, [
      'Beschäftigte dürfen einen Tag pro Woche mobil arbeiten.',
    ]),
  );
  store.putDocument(
    sampleDocument({ id: 'faq.md', title: 'FAQ Digitales Arbeiten', type: 'faq', tenant: 'Kreis Musterland' }, [
      {
        kind: 'faq',
        text: 'Passwort vergessen? Rufen Sie den IT-Servicedesk unter 1234 an.',
        faq: { question: 'Passwort vergessen?', answer: 'Rufen Sie den IT-Servicedesk unter 1234 an.' },
      },
    ]),
  );
  store.putDocument(
    sampleDocument({ id: 'kurse.csv', title: 'Schulungskatalog', type: 'schulung', stand: '2026-09-15' }, [
      {
        kind: 'course',
        text: 'Schulung Excel Grundlagen Tabellen Kurs',
        course: {
          title: 'Excel Grundlagen',
          description: 'Tabellen',
          dates: ['2026-10-01', '2026-12-03T09:00'],
          place: 'Raum 1',
          online: false,
          seats: 4,
          registrationUrl: 'https://intranet.example/excel',
          mandatory: false,
        },
      },
    ]),
  );
  deps = {
    retriever: new OverlapRetriever(store, fakeAnalyzer),
    confidence: (_query, hits) => hits[0]?.score ?? 0,
    knowledge: store,
    analyzer: fakeAnalyzer,
    lexical: flatIdfLexical,
    messages,
    minConfidence: 0.5,
    indexVersion: () => 'v1',
  };
});

describe('answerQuestion', () => {
  it('quotes the current edition with title, section and Stand, and notes the replaced edition', async () => {
    const draft = await answerQuestion(deps, {
      question: 'Wie viele Tage pro Woche mobil arbeiten im Kreis Musterland?',
      today: '2026-11-22',
      topK: 5,
    });
    expect(draft.outcome).toBe('answered');
    expect(draft.answer).toContain('drei Tage');
    expect(draft.answer).not.toContain('zwei Tage');
    expect(draft.answer).not.toContain('einen Tag');
    expect(draft.citations[0]).toMatchObject({ document: 'da/mobil-2025.md', section: '§ 3 Umfang', stand: '2025-03-01' });
    expect(draft.citations[0]?.quote).toContain('höchstens drei Tage');
    expect(draft.provenance.editionNote).toContain('ersetzt');
  });

  it('answers from an older edition still in force and says which newer edition is authoritative', async () => {
    store.putDocument(
      sampleDocument({ id: 'scan-2021.md', title: 'Strategie Scanstelle', tenant: 'Kreis Musterland' }, [
        'Die Scanstelle hat fünf Arbeitsplätze im Keller.',
      ]),
    );
    store.putDocument(
      sampleDocument(
        {
          id: 'scan-2025.md',
          title: 'Strategie Scanstelle (Neufassung)',
          tenant: 'Kreis Musterland',
          stand: '2025-05-01',
          supersedes: ['scan-2021.md'],
        },
        ['Die Digitalisierung der Akten geht voran.'],
      ),
    );
    const draft = await answerQuestion(deps, {
      question: 'Wie viele Arbeitsplätze hat die Scanstelle im Keller?',
      today: '2026-11-22',
      topK: 5,
    });
    expect(draft.outcome).toBe('answered');
    expect(draft.citations[0]?.document).toBe('scan-2021.md');
    expect(draft.provenance.editionNote).toContain('älteren Fassung');
    expect(draft.provenance.editionNote).toContain('Strategie Scanstelle (Neufassung)');
  });

  it('answers a matching FAQ entry first', async () => {
    const draft = await answerQuestion(deps, { question: 'Passwort vergessen?', today: '2026-11-22', topK: 5 });
    expect(draft.provenance.mode).toBe('faq');
    expect(draft.answer).toContain('IT-Servicedesk unter 1234');
  });

  it('answers training questions as data with only future dates', async () => {
    const draft = await answerQuestion(deps, { question: 'Wann ist der nächste Excel Kurs?', today: '2026-11-22', topK: 5 });
    expect(draft.provenance.mode).toBe('course');
    expect(draft.answer).toContain('03.12.2026, 09:00 Uhr');
    expect(draft.answer).not.toContain('01.10.2026');
    expect(draft.answer).toContain('https://intranet.example/excel');
  });

  it('lists the course that takes place first first when asked for the next date', async () => {
    store.putDocument(
      sampleDocument({ id: 'kurse2.csv', title: 'Schulungskatalog 2', type: 'schulung' }, [
        {
          kind: 'course',
          text: 'Wann Excel Aufbau Kurs Tabellen',
          course: { title: 'Excel Aufbau', description: '', dates: ['2027-02-11'], place: 'Raum 2', online: false, mandatory: false },
        },
      ]),
    );
    const draft = await answerQuestion(deps, { question: 'Wann ist der Excel Kurs mit Tabellen?', today: '2026-11-22', topK: 5 });
    expect(draft.answer).toContain('Excel Aufbau');
    expect(draft.answer.indexOf('Excel Grundlagen')).toBeGreaterThanOrEqual(0);
    expect(draft.answer.indexOf('Excel Grundlagen')).toBeLessThan(draft.answer.indexOf('Excel Aufbau'));
  });

  it('abstains honestly when the evidence is weak, still reporting what it retrieved', async () => {
    const draft = await answerQuestion(
      { ...deps, minConfidence: 0.99 },
      { question: 'Wie hoch ist die Hundesteuer pro Woche?', today: '2026-11-22', topK: 5 },
    );
    expect(draft.outcome).toBe('no_answer');
    expect(draft.answer).toContain('nichts Verlässliches');
    expect(draft.citations).toEqual([]);
    expect(draft.retrieved.length).toBeGreaterThan(0);
  });

  it('never answers about a county from another county’s documents', async () => {
    const draft = await answerQuestion(deps, { question: 'Wie viele Tage mobil arbeiten im Kreis Kleve?', today: '2026-11-22', topK: 5 });
    expect(draft.outcome).toBe('no_answer');
    expect(draft.answer).toContain('Kreis Kleve');
    expect(draft.retrieved).toEqual([]);
  });

  it('answers from the named county only', async () => {
    const draft = await answerQuestion(deps, {
      question: 'Wie viele Tage pro Woche mobil arbeiten in Nordheide?',
      today: '2026-11-22',
      topK: 5,
    });
    expect(draft.answer).toContain('einen Tag');
    expect(draft.retrieved.every((passage) => passage.document !== 'da/mobil-2025.md')).toBe(true);
  });
});
