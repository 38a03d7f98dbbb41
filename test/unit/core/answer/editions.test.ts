import { describe, expect, it } from 'vitest';
import { olderEditionWeight, supersededBy } from '../../../../bot/core/answer/editions.ts';
import { scopeQuestion, weighHitsByScope } from '../../../../bot/core/answer/scope.ts';
import type { DocumentMeta } from '../../../../bot/ports/knowledge.ts';

const meta = (partial: Partial<DocumentMeta> & { id: string }): DocumentMeta => ({
  title: partial.id,
  type: 'strategie',
  supersedes: [],
  visibility: [],
  checksum: 'x',
  ...partial,
});

// As ingestion infers them from the seed strategies: same title, the newer one names the older by year.
const documents = [
  meta({
    id: 'vie-2025.txt',
    title: 'Digitalisierungsstrategie Kreis Viersen',
    tenant: 'Kreis Viersen',
    supersedes: ['Digitalisierungsstrategie Kreis Viersen 2021'],
  }),
  meta({ id: 'vie-2021.txt', title: 'Digitalisierungsstrategie Kreis Viersen', tenant: 'Kreis Viersen' }),
  meta({ id: 'unna.txt', title: 'Digitale Agenda der Kreisverwaltung Unna', tenant: 'Kreis Unna', stand: '2026-02-24' }),
];
const scope = (question: string) => scopeQuestion({ question, documents, today: '2026-11-22' });

describe('supersededBy', () => {
  it('resolves an inferred description to the only matching older document of the county', () => {
    expect(supersededBy(documents, '2026-11-22').get('vie-2021.txt')?.id).toBe('vie-2025.txt');
  });

  it('does not resolve a description whose year contradicts the candidate Stand', () => {
    const dated = [
      documents[0]!,
      meta({ id: 'vie-2019.txt', title: 'Digitalisierungsstrategie Kreis Viersen', tenant: 'Kreis Viersen', stand: '2019-05-01' }),
    ];
    expect(supersededBy(dated, '2026-11-22').size).toBe(0);
  });

  it('never lets a document of another county be replaced', () => {
    const other = [documents[0]!, meta({ id: 'x.txt', title: 'Digitalisierungsstrategie Kreis Viersen', tenant: 'Kreis Unna' })];
    expect(supersededBy(other, '2026-11-22').size).toBe(0);
  });
});

describe('edition weights in the scope', () => {
  it('keeps the older edition answerable but ranked below the newer one', () => {
    const result = scope('Wie viele Digitallotsen gibt es in Viersen?');
    expect(result.allowed.has('vie-2021.txt')).toBe(true);
    expect(result.weights.get('vie-2021.txt')).toBe(olderEditionWeight);
    expect(result.weights.has('vie-2025.txt')).toBe(false);
    expect(result.replaces.get('vie-2025.txt')?.id).toBe('vie-2021.txt');
    expect(result.replacedBy.get('vie-2021.txt')?.id).toBe('vie-2025.txt');
  });

  it('counts the older edition fully when the question asks for it in general', () => {
    for (const question of [
      'Was stand damals in der Strategie zu WLAN?',
      'Was sagte die alte Fassung zum DMS?',
      'Welche Säulen hatte die erste Digitalisierungsstrategie?',
    ]) {
      expect(scope(question).weights.size, question).toBe(0);
    }
  });

  it('lets the newer edition step back when the older one is named by its year', () => {
    const result = scope('auf welchen drei säulen steht die digistrategie 2021?');
    expect(result.weights.get('vie-2025.txt')).toBe(olderEditionWeight);
    expect(result.weights.has('vie-2021.txt')).toBe(false);
    expect(scope('Was sagt die Strategie von 2021 zum W-LAN?').weights.get('vie-2025.txt')).toBe(olderEditionWeight);
  });

  it('demotes nothing outside the county the question is about', () => {
    expect(scope('Was plant Unna beim DMS?').weights.size).toBe(0);
  });
});

describe('weighHitsByScope', () => {
  const documentOf = (id: string): string => id.split('#')[0]!;
  const replacedBy = new Map([['vie-2021.txt', documents[0]!]]);

  it("lets the newer edition take the older one's place, other documents keep theirs", () => {
    const hits = [
      { id: 'vie-2021.txt#3', score: 1 },
      { id: 'unna.txt#0', score: 0.95 },
      { id: 'vie-2025.txt#1', score: 0.9 },
    ];
    const weighed = weighHitsByScope(hits, { weights: new Map([['vie-2021.txt', 0.8]]), replacedBy }, documentOf);
    expect(weighed).toEqual([
      { id: 'vie-2025.txt#1', score: 1 },
      { id: 'unna.txt#0', score: 0.95 },
      { id: 'vie-2021.txt#3', score: 0.9 },
    ]);
  });

  it('keeps the older edition first when it is far ahead, and changes nothing without weights', () => {
    const hits = [
      { id: 'vie-2021.txt#3', score: 1 },
      { id: 'vie-2025.txt#1', score: 0.5 },
    ];
    expect(weighHitsByScope(hits, { weights: new Map([['vie-2021.txt', 0.8]]), replacedBy }, documentOf)).toEqual(hits);
    expect(weighHitsByScope(hits, { weights: new Map(), replacedBy }, documentOf)).toEqual(hits);
  });

  it('never moves an older edition below a document of another county', () => {
    const hits = [
      { id: 'vie-2021.txt#3', score: 1 },
      { id: 'unna.txt#0', score: 0.95 },
    ];
    expect(weighHitsByScope(hits, { weights: new Map([['vie-2021.txt', 0.8]]), replacedBy }, documentOf)).toEqual(hits);
  });
});
