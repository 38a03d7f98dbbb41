import { describe, expect, it } from 'vitest';
import { properNameMissing } from '../../../../bot/core/retrieval/proper-name.ts';
import type { TextAnalyzer, WordForms } from '../../../../bot/ports/search.ts';

/** An analyser that knows a few German words, as the shipped word list would (stop words give no forms). */
const german = new Set([
  'bereitstellung',
  'dokumentenmanagementsystems',
  'helfer',
  'kreis',
  'setzt',
  'einsatz',
  'software',
  'plattform',
  'projekt',
]);
const stopWords = new Set(['als', 'der', 'die', 'das', 'eines', 'wird', 'ein', 'pro']);
const analyzer: TextAnalyzer = {
  analyze: (text) => text.toLowerCase().split(/\s+/u),
  analyzeWords: (text): WordForms[] =>
    text
      .toLowerCase()
      .split(/\s+/u)
      .filter((word) => word && !stopWords.has(word))
      .map((word) => ({ forms: [word], parts: [], ...(german.has(word) ? { dictionary: true } : {}) })),
};

describe('properNameMissing', () => {
  it('is 1 when a product is asked for and the window names none', () => {
    const text = 'Als digitaler Helfer wird die Bereitstellung eines Dokumentenmanagementsystems genannt.';
    expect(properNameMissing('welches DMS-produkt nutzt paderborn?', text, analyzer)).toBe(1);
    // The county the question names, a town and a three-letter word are no product names.
    expect(
      properNameMissing('welche software nutzt der kreis paderborn?', 'Der Kreis Paderborn setzt auf Software. Pro Projekt.', analyzer),
    ).toBe(1);
  });

  it('is 0 when the window names a product the question does not', () => {
    expect(properNameMissing('welches DMS nutzt viersen?', 'Als DMS wird Fabasoft eingesetzt.', analyzer)).toBe(0);
    expect(properNameMissing('über welche plattform zahlen bürger?', 'Als Plattform wird epay21 der ekom21 eingesetzt.', analyzer)).toBe(0);
    expect(properNameMissing('welches DMS nutzt RE?', 'Im Einsatz ist VIS.', analyzer)).toBe(0);
    expect(properNameMissing('welche software nutzt RE?', 'Die KI-Anwendung *nele.ai* wird genutzt.', analyzer)).toBe(0);
  });

  it('is 0 for questions that ask for no firm, product or place, and a town counts when a place is asked for', () => {
    expect(properNameMissing('wie viele akten gibt es?', 'Der Kreis setzt Software ein.', analyzer)).toBe(0);
    expect(properNameMissing('welcher standort war der pilot?', 'Der Pilot lief in Viersen.', analyzer)).toBe(0);
  });
});
