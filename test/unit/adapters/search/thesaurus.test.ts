import { describe, expect, it } from 'vitest';
import { parseThesaurusEntry, registerOf } from '../../../../bot/adapters/search/thesaurus-labels.ts';
import { Thesaurus } from '../../../../bot/adapters/search/thesaurus.ts';

const text = `# comment
Chef;Vorgesetzter;Boss (ugs.);Obermotz (derb)
Schlepptop (ugs.);Laptop;Notebook
Kennwort;Passwort;Parole (veraltet)
Handy (ugs.);Mobiltelefon;Funkfernsprecher (Amtsdeutsch)
Bürger;Einwohner
Burger;Hamburger
Ablauf;Prozess;Vorgang
a1;a2;a3;a4;a5;a6
Stelle;Position
Stelle;Ort
Stelle;Amt
Kurs;Schulung;(sich) fortbilden;Fortbildungskurs`;

const words = (list: readonly { word: string }[]): string[] => list.map((entry) => entry.word);

describe('thesaurus labels', () => {
  it('reads trailing labels and keeps the words without parentheses', () => {
    expect(parseThesaurusEntry('abdüsen (ugs.)')).toEqual({ text: 'abdüsen', labels: ['ugs.'], register: 'colloquial' });
    expect(parseThesaurusEntry('(sich) ausruhen')).toEqual({ text: 'ausruhen', labels: [], register: 'standard' });
    expect(parseThesaurusEntry('Verwaltungsakt (Amtsdeutsch)').register).toBe('formal');
  });

  it('drops vulgar, old-fashioned, elevated and figurative entries', () => {
    for (const labels of [['derb'], ['vulg.'], ['veraltet'], ['geh.'], ['ugs.', 'fig.'], ['österr.']])
      expect(registerOf(labels)).toBe('dropped');
    expect(registerOf(['fachspr.'])).toBe('formal');
    expect(registerOf([])).toBe('standard');
  });
});

describe('Thesaurus', () => {
  const thesaurus = Thesaurus.fromText(text, {
    maxSynsetSize: 5,
    maxSynsetsPerWord: 2,
    maxRelated: 3,
    stem: (word) => word.replace(/(en|e)$/, ''),
  });

  it('maps colloquial words to standard and formal wording with weights below 1', () => {
    const handy = thesaurus.related('handy');
    expect(words(handy).sort()).toEqual(['Funkfernsprecher', 'Mobiltelefon']);
    expect(handy.find((entry) => entry.word === 'Funkfernsprecher')?.labels).toEqual(['Amtsdeutsch']);
    expect(handy.every((entry) => entry.weight > 0 && entry.weight < 1)).toBe(true);
  });

  it('never expands standard words to colloquial ones and never uses dropped entries', () => {
    expect(words(thesaurus.related('chef'))).toEqual(['Vorgesetzter']);
    expect(words(thesaurus.related('kennwort'))).toEqual(['Passwort']);
    expect(words(thesaurus.related('laptop'))).toEqual(['Notebook']);
  });

  it('weights colloquial → standard above standard → standard', () => {
    const fromColloquial = thesaurus.related('schlepptop').find((entry) => entry.word === 'Laptop')!.weight;
    const fromStandard = thesaurus.related('notebook').find((entry) => entry.word === 'Laptop')!.weight;
    expect(fromColloquial).toBeGreaterThan(fromStandard);
  });

  it('skips large synsets, polysemous words and unknown words', () => {
    expect(thesaurus.related('a1')).toEqual([]);
    expect(thesaurus.related('stelle')).toEqual([]);
    expect(thesaurus.related('xyz')).toEqual([]);
  });

  it('finds a word by its stem and strips grammatical parentheses', () => {
    expect(words(thesaurus.related('kurse')).sort()).toEqual(['Fortbildungskurs', 'Schulung', 'fortbilden']);
  });

  it('does not confuse a word with umlaut with its folded twin ("Bürger" is not "Burger")', () => {
    expect(words(thesaurus.related('bürger'))).toEqual(['Einwohner']);
  });

  it('finds an umlaut plural by its singular without umlaut ("Abläufe" ~ "Ablauf"), but no folded twin', () => {
    expect(words(thesaurus.related('abläufe')).sort()).toEqual(['Prozess', 'Vorgang']);
    expect(words(thesaurus.related('abläufen')).sort()).toEqual(['Prozess', 'Vorgang']);
    const plural = Thesaurus.fromText(text, { stem: (word) => word.replace(/(n|en|e)$/, '') });
    expect(words(plural.related('bürgern'))).toEqual(['Einwohner']);
  });

  it('caps the related words per word', () => {
    const capped = Thesaurus.fromText(text, { maxRelated: 1 });
    expect(capped.related('handy')).toHaveLength(1);
  });

  it('offers broader candidates (large synsets, polysemous words) for a caller that filters by its corpus', () => {
    const broad = Thesaurus.fromText('Homepage;Website;Webseite;Netzauftritt;Internetseite;Webpräsenz', { maxSynsetSize: 5 });
    expect(broad.related('homepage')).toEqual([]);
    expect(words(broad.candidates('homepage')).sort()).toEqual(['Internetseite', 'Netzauftritt', 'Webpräsenz', 'Webseite', 'Website']);
    expect(words(thesaurus.candidates('stelle')).sort()).toEqual(['Amt', 'Ort', 'Position']);
    expect(words(thesaurus.candidates('chef'))).toEqual(['Vorgesetzter']);
  });

  it('loads the shipped thesaurus', () => {
    const shipped = Thesaurus.fromFile();
    expect(shipped).toBeDefined();
    expect(words(shipped!.related('notebook'))).toContain('Laptop');
  });
});
