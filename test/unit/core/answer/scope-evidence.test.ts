import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../bot/adapters/search/bm25-index.ts';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';
import { weighQuery } from '../../../../bot/core/answer/coverage.ts';
import { betterElsewhere, focusOutsideScope, outsideScopeShare } from '../../../../bot/core/answer/scope-evidence.ts';

const analyzer = createGermanAnalyzer({ dictionaryPath: false });
const lexical = new Bm25Index(analyzer);
lexical.upsert([
  { id: 'viersen#1', text: 'Die Kreisverwaltung hat 37 Digitallotsen in allen Ämtern.' },
  { id: 'unna#1', text: 'Die Kreisverwaltung digitalisiert ihre Prozesse mit den Ämtern.' },
  { id: 'unna#2', text: 'Der Drucker wurde im Kreishaus ersetzt.' },
  { id: 'unna#3', text: 'Drucker und Kopierer stehen im Flur.' },
]);
const unnaOnly = (id: string) => id.startsWith('unna');

describe('outsideScopeShare', () => {
  it("is the weight share of words only other counties' documents contain", () => {
    const query = weighQuery('Wie viele Digitallotsen hat die Kreisverwaltung?', analyzer, lexical);
    const share = outsideScopeShare(query, lexical, unnaOnly);
    expect(share).toBeGreaterThan(0.4);
    expect(outsideScopeShare(query, lexical, () => true)).toBe(0);
  });

  it('is 0 when the scope has every word, and ignores words no document has', () => {
    expect(outsideScopeShare(weighQuery('Wurde der Drucker ersetzt?', analyzer, lexical), lexical, unnaOnly)).toBe(0);
    expect(outsideScopeShare(weighQuery('Gibt es eine Kantine?', analyzer, lexical), lexical, unnaOnly)).toBe(0);
  });

  it('the index knows which chunks contain a term', () => {
    const term = analyzer.analyze('Digitallotsen')[0]!;
    expect(lexical.contains(term)).toBe(true);
    expect(lexical.contains(term, unnaOnly)).toBe(false);
    expect(lexical.contains('gibtsnicht')).toBe(false);
  });
});

describe('focusOutsideScope', () => {
  const trap = (question: string, filter: (id: string) => boolean) =>
    focusOutsideScope(question, weighQuery(question, analyzer, lexical), lexical, filter, (text) => analyzer.analyze(text));

  it("flags a question whose focus only other counties' documents contain", () => {
    expect(trap('Wie viele Digitallotsen hat die Kreisverwaltung?', unnaOnly)).toBe(true);
    expect(trap('Wie viele Digitallotsen hat die Kreisverwaltung?', () => true)).toBe(false);
  });

  it('does not flag a focus the county has, a question without focus, or a word no document has', () => {
    expect(trap('Welche Drucker wurden ersetzt?', unnaOnly)).toBe(false);
    expect(trap('Hat Unna Digitallotsen?', unnaOnly)).toBe(false);
    expect(trap('Wie viele Kantinen gibt es?', unnaOnly)).toBe(false);
  });
});

describe('focusOutsideScope with two words after the question word', () => {
  it('is no trap when the county has one of them', () => {
    // "Drucker" is in Unna's documents, the rarer "Digitallotsen" only in Viersen's.
    const question = 'Welche Drucker Digitallotsen nutzen, steht das drin?';
    const query = weighQuery(question, analyzer, lexical);
    expect(focusOutsideScope(question, query, lexical, unnaOnly, (text) => analyzer.analyze(text))).toBe(false);
  });
});

describe('betterElsewhere', () => {
  const question = 'Wie viele Digitallotsen hat die Kreisverwaltung?';
  const query = weighQuery(question, analyzer, lexical);
  const input = { question, query, analyzer };

  it("is high when only another county's passage holds the figure the question asks for", () => {
    const value = betterElsewhere({
      ...input,
      inside: ['Die Kreisverwaltung digitalisiert ihre Prozesse mit den Ämtern.'],
      outside: ['Die Kreisverwaltung hat 37 Digitallotsen in allen Ämtern.'],
    });
    expect(value).toBeGreaterThan(0.5);
  });

  it('is 0 when the named county answers as well, or nothing outside is found', () => {
    const answer = 'Die Kreisverwaltung hat 37 Digitallotsen in allen Ämtern.';
    expect(betterElsewhere({ ...input, inside: [answer], outside: [answer] })).toBe(0);
    expect(betterElsewhere({ ...input, inside: ['Drucker und Kopierer stehen im Flur.'], outside: [] })).toBe(0);
  });

  it('is 0 when the question asks for no particular value ("Was …?"): every window would qualify', () => {
    const open = 'Was macht die Kreisverwaltung mit den Digitallotsen?';
    const outside = ['Die Kreisverwaltung hat 37 Digitallotsen in allen Ämtern.'];
    const inside = ['Drucker und Kopierer stehen im Flur.'];
    expect(betterElsewhere({ question: open, query: weighQuery(open, analyzer, lexical), analyzer, inside, outside })).toBe(0);
    expect(betterElsewhere({ ...input, inside, outside })).toBeGreaterThan(0.5);
  });
});
