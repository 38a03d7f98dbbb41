import { describe, expect, it } from 'vitest';
import { scopeQuestion, tenantKey } from '../../../../bot/core/answer/scope.ts';
import type { DocumentMeta } from '../../../../bot/ports/knowledge.ts';

const meta = (partial: Partial<DocumentMeta> & { id: string }): DocumentMeta => ({
  title: partial.id,
  type: 'sonstiges',
  supersedes: [],
  visibility: [],
  checksum: 'x',
  ...partial,
});

const documents = [
  meta({ id: 'viersen.txt', tenant: 'Kreis Viersen' }),
  meta({ id: 'unna.txt', tenant: 'Kreis Unna' }),
  meta({ id: 'generic.md' }),
  meta({ id: 'da-2023.md', title: 'DA Mobiles Arbeiten 2023', tenant: 'Kreis Viersen', validTo: '2025-02-28' }),
  meta({ id: 'da-2025.md', title: 'DA Mobiles Arbeiten 2025', tenant: 'Kreis Viersen', supersedes: ['da-2023.md'] }),
];

describe('scopeQuestion', () => {
  it('restricts to the county named in the question plus generic documents', () => {
    const scope = scopeQuestion({ question: 'Was plant der Kreis Unna?', documents, today: '2026-11-22' });
    expect([...scope.allowed].sort()).toEqual(['generic.md', 'unna.txt']);
    expect(scope.tenant).toBe('Kreis Unna');
  });

  it('reports a county without documents and allows nothing', () => {
    const scope = scopeQuestion({ question: 'Wie viele Lotsen hat der Kreis Kleve?', documents, today: '2026-11-22' });
    expect(scope.unknownTenant).toBe('Kreis Kleve');
    expect(scope.allowed.size).toBe(0);
  });

  it('reports counties and cities without documents however they are written, and allows nothing', () => {
    for (const [question, place] of [
      ['wie viele digilotsen hat der kreis wesel?', 'Kreis Wesel'],
      ['welches DMS nutzt man in Gütersloh?', 'Kreis Gütersloh'],
      ['in höxter gibts auch ein kreisweites lorawan?', 'Kreis Höxter'],
      ['hat der märkische kreis ne digitalisierungsstrategie?', 'Märkischer Kreis'],
      ['Wie macht das der Ennepe-Ruhr-Kreis?', 'Ennepe-Ruhr-Kreis'],
      ['Gibt es das im Hochsauerlandkreis?', 'Hochsauerlandkreis'],
      ['Hat der Rhein-Sieg-Kreis Digitallotsen?', 'Rhein-Sieg-Kreis'],
      ['Was plant die Städteregion Aachen?', 'Städteregion Aachen'],
      ['Was plant der Landkreis Ahrweiler?', 'Kreis Ahrweiler'],
      ['Welche E-Akte hat die Stadt Köln?', 'Stadt Köln'],
      ['Wie ist das bei der Stadtverwaltung Bielefeld?', 'Stadt Bielefeld'],
    ]) {
      const scope = scopeQuestion({ question: question!, documents, today: '2026-11-22', userTenant: 'Kreis Unna' });
      expect(scope.unknownTenant, question).toBe(place);
      expect(scope.allowed.size, question).toBe(0);
      expect(scope.tenant, question).toBeUndefined();
    }
  });

  it('lets a county with documents named in the same question win over an unknown one', () => {
    for (const question of ['Wie macht das Viersen im Vergleich zum Kreis Wesel?', 'Hat der kreis wesel auch so viele Lotsen wie Unna?']) {
      const scope = scopeQuestion({ question, documents, today: '2026-11-22' });
      expect(scope.unknownTenant, question).toBeUndefined();
      expect(scope.tenant, question).toBeDefined();
    }
  });

  it('does not take ordinary sentences for places', () => {
    for (const question of [
      'Wer ist im Kreis der Kollegen zuständig?',
      'Gilt das für Stadt und Land?',
      'Darf ich bei Regen mobil arbeiten?',
    ]) {
      const scope = scopeQuestion({ question, documents, today: '2026-11-22' });
      expect(scope.unknownTenant, question).toBeUndefined();
      expect(scope.allowed.size, question).toBeGreaterThan(0);
    }
  });

  it('excludes expired editions and remembers what replaced them', () => {
    const scope = scopeQuestion({ question: 'Wie viele Tage mobiles Arbeiten?', documents, today: '2026-11-22' });
    expect(scope.allowed.has('da-2023.md')).toBe(false);
    expect(scope.allowed.has('da-2025.md')).toBe(true);
    expect(scope.replaces.get('da-2025.md')?.id).toBe('da-2023.md');
  });

  it('includes the older edition when explicitly asked for', () => {
    const scope = scopeQuestion({ question: 'Was stand in der alten Fassung?', documents, today: '2026-11-22' });
    expect(scope.allowed.has('da-2023.md')).toBe(true);
  });

  it('restricts to the county named by a short form, so another county cannot answer', () => {
    for (const question of [
      'Wie viele Digitallotsen hat UN?',
      'wieviele lotsen haben wir bei uns in unna?',
      'Digitallotsen im Kreis UN?',
    ]) {
      expect([...scopeQuestion({ question, documents, today: '2026-11-22' }).allowed].sort(), question).toEqual(['generic.md', 'unna.txt']);
    }
    expect(scopeQuestion({ question: 'RE: Wie viele Tage mobiles Arbeiten?', documents, today: '2026-11-22' }).tenant).toBeUndefined();
  });

  it('keeps an older edition that is still in force, ranked below its replacement', () => {
    const both = [
      ...documents,
      meta({ id: 'old.md', title: 'Strategie Viersen', tenant: 'Kreis Viersen' }),
      meta({ id: 'new.md', title: 'Strategie Viersen neu', tenant: 'Kreis Viersen', supersedes: ['old.md'] }),
    ];
    const scope = scopeQuestion({ question: 'Was steht in der Strategie?', documents: both, today: '2026-11-22' });
    expect(scope.allowed.has('old.md')).toBe(true);
    expect(scope.weights.get('old.md')).toBeLessThan(1);
    const present = scopeQuestion({ question: 'wie viele sind es inzwischen?', documents: both, today: '2026-11-22' });
    expect(present.weights.get('old.md')).toBeLessThan(scope.weights.get('old.md')!);
  });

  it('uses the asker tenant when the question names none', () => {
    const scope = scopeQuestion({ question: 'Was gilt?', documents, today: '2026-11-22', userTenant: 'Kreis Unna' });
    expect(scope.allowed.has('viersen.txt')).toBe(false);
  });

  it('folds county names', () => {
    expect(tenantKey('Kreis Düren')).toBe('duren');
  });
});

describe('withoutTenantMention', () => {
  it('removes the scoped county from the question', async () => {
    const { withoutTenantMention } = await import('../../../../bot/core/answer/scope.ts');
    expect(withoutTenantMention('Wie viele Tage darf ich im Kreis Musterland mobil arbeiten?', 'Kreis Musterland')).toBe(
      'Wie viele Tage darf ich mobil arbeiten?',
    );
    expect(withoutTenantMention('Was plant Unna?', 'Kreis Unna')).toBe('Was plant?');
    expect(withoutTenantMention('Was gilt?', undefined)).toBe('Was gilt?');
  });
});
