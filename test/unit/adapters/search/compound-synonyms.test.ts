import { describe, expect, it } from 'vitest';
import { compoundSynonyms, type CompoundSynonymSources } from '../../../../bot/adapters/search/compound-synonyms.ts';
import type { RelatedWord } from '../../../../bot/adapters/search/thesaurus.ts';

const related = (word: string): RelatedWord => ({ word, weight: 0.35, labels: [] });
const thesaurus: Record<string, readonly RelatedWord[]> = {
  firma: [related('Betrieb'), related('Unternehmen')],
  lohn: [related('Gehalt'), related('Entgelt')],
  abrechnung: [related('Rechnung')],
};
const parts: Record<string, readonly string[]> = { beratungsfirma: ['beratung', 'firma'], lohnabrechnung: ['lohn', 'abrechnung'] };
const corpus = new Set(['beratungsunternehmen', 'gehaltsabrechnung', 'lohnrechnung', 'betrieb']);
const sources: CompoundSynonymSources = {
  partsOf: (folded) => parts[folded] ?? [],
  candidates: (part) => thesaurus[part] ?? [],
  stemOf: (word) => word.toLowerCase(),
  inCorpus: (term) => corpus.has(term),
};

describe('compoundSynonyms', () => {
  it('replaces the last part by a thesaurus word when the corpus has the new compound', () => {
    expect(compoundSynonyms('beratungsfirma', sources).map((synonym) => synonym.word)).toEqual(['beratungsunternehmen']);
  });

  it('replaces the first part of a two-part compound, with a linking element, and keeps the weight', () => {
    const found = compoundSynonyms('lohnabrechnung', sources);
    expect(found.map((synonym) => synonym.word).sort()).toEqual(['gehaltsabrechnung', 'lohnrechnung']);
    expect(found.every((synonym) => synonym.weight === 0.35)).toBe(true);
  });

  it('gives nothing for a simple word or a compound the corpus lacks in any variant', () => {
    expect(compoundSynonyms('firma', sources)).toEqual([]);
    expect(compoundSynonyms('beratungsfirma', { ...sources, inCorpus: () => false })).toEqual([]);
  });
});
