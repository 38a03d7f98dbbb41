import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer, createPlainAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';
import { boundedEditDistance, closestTerm } from '../../../../bot/adapters/search/spelling.ts';

const analyzer = createGermanAnalyzer();
const shares = (a: string, b: string): string[] => {
  const right = new Set(analyzer.analyze(b));
  return analyzer.analyze(a).filter((term) => right.has(term));
};

describe('createGermanAnalyzer', () => {
  it('folds umlauts and ß, lower-cases and stems', () => {
    expect(analyzer.analyze('Anträge Öffnungszeiten Straße')).toEqual(expect.arrayContaining(['antrag', 'offnungszeit', 'strass']));
  });

  it('drops stop words and question words but keeps numbers and negations', () => {
    const terms = analyzer.analyze('Wie viele Tage gibt es nicht im Jahr 2025?');
    expect(terms).toEqual(expect.arrayContaining(['tag', 'nicht', 'jahr', '2025']));
    expect(terms).not.toContain('wie');
    expect(terms).not.toContain('es');
  });

  it('splits compounds so that "Mietzuschuss" meets "Zuschuss zur Miete"', () => {
    expect(shares('Mietzuschuss', 'Zuschuss zur Miete')).toEqual(expect.arrayContaining(['miet', 'zuschuss']));
  });

  it('joins hyphenated words so that "Dienst-anweisung" meets "Dienstanweisung"', () => {
    expect(shares('Dienst-anweisung', 'Dienstanweisung')).toContain('dienstanweis');
    expect(shares('Führerschein­stelle', 'Führerscheinstelle').length).toBeGreaterThan(0);
  });

  it('indexes the genitive base of names and § references as one term', () => {
    expect(shares('Bevölkerung Warschaus', 'Warschau hat viele Einwohner')).toContain('warschau');
    expect(analyzer.analyze('nach § 4 Abs. 2')).toContain('§4');
  });

  it('reads a month written as "10/25" also as "Oktober 2025", and no other slash figure', () => {
    expect(shares('Anmeldungen im Oktober 2025', 'Anmeldungen in 10/25: 480')).toEqual(expect.arrayContaining(['anmeld', 'oktob', '2025']));
    expect(analyzer.analyze('Seite 13/25 und 7/255')).not.toContain('2025');
  });

  it('groups the forms of each word and adds weighted related terms for questions, not as forms', () => {
    expect(analyzer.analyzeWords?.('Mietzuschuss beantragen')).toEqual([
      { forms: ['mietzuschuss'], parts: ['miet', 'zuschuss'], dictionary: true },
      { forms: ['beantrag'], parts: [], dictionary: true },
    ]);
    expect(analyzer.analyzeWords?.('Dienst-anweisung')).toEqual([{ forms: ['dienstanweis'], parts: ['dien', 'anweis'], dictionary: true }]);
    const [home] = analyzer.expandQuery?.('von zuhause arbeiten') ?? [];
    expect(home?.forms).toEqual(['zuhaus']);
    expect(home?.related?.map((entry) => entry.term)).toEqual(expect.arrayContaining(['telearbeit', 'homeoffic']));
    expect(home?.related?.every((entry) => entry.weight > 0 && entry.weight < 1)).toBe(true);
  });

  it('expands abbreviations, hyphen pieces and phrases from the domain lexicon', () => {
    const related = (question: string): string[] =>
      (analyzer.expandQuery?.(question) ?? []).flatMap((word) => word.related ?? []).map((entry) => entry.term);
    expect(related('Wo erreiche ich das IT-SD?')).toContain('servicedesk');
    expect(related('Darf ich KI-Tools nutzen?')).toEqual(expect.arrayContaining(['intelligenz', 'werkzeug']));
    expect(related('Was gilt für die Dienstvereinbarungen?')).toContain('dv');
    const phrase = (analyzer.expandQuery?.('Was ist die künstliche Intelligenz?') ?? []).flatMap((word) => word.related ?? []);
    expect(phrase.map((entry) => entry.term)).toContain('ki');
  });

  it('loads the expansion data on warm-up, and works with expansion turned off', () => {
    const off = createGermanAnalyzer({ thesaurusPath: false, domainLexiconPath: false, wordNeighboursPath: false });
    off.warmUp();
    expect(off.expandQuery?.('Wo erreiche ich das IT-SD?').every((word) => !word.related)).toBe(true);
    const missing = createGermanAnalyzer({
      thesaurusPath: '/nonexistent/thesaurus.txt',
      domainLexiconPath: '/nonexistent/lexicon.yaml',
      wordNeighboursPath: '/nonexistent/neighbours.txt',
    });
    expect(missing.expandQuery?.('Kennwort')).toEqual([{ forms: ['kennwort'], parts: [], dictionary: true }]);
  });

  it('leaves function words and unknown words without thesaurus and lexicon terms (word-vector neighbours aside)', () => {
    const words = analyzer.expandQuery?.('Wegen nein Xyzzyplonk') ?? [];
    expect(words.every((word) => (word.related ?? []).every((entry) => entry.source === 'vectors'))).toBe(true);
  });

  it('works without a dictionary (no compound splitting)', () => {
    const plain = createGermanAnalyzer({ dictionaryPath: '/nonexistent/ngerman' });
    expect(plain.analyze('Mietzuschuss')).toEqual(['mietzuschuss']);
  });
});

describe('plain analyzer and spelling', () => {
  it('only lower-cases words', () => {
    expect(createPlainAnalyzer().analyze('Die Anträge, 2025!')).toEqual(['die', 'anträge', '2025']);
  });

  it('finds the closest known term within the allowed distance', () => {
    expect(boundedEditDistance('vergesen', 'vergessen', 2)).toBe(1);
    expect(boundedEditDistance('abc', 'xyzuvw', 2)).toBe(3);
    expect(closestTerm('passwrt', ['passwort', 'post'], () => 1)).toBe('passwort');
    expect(closestTerm('kurz', ['kurs'], () => 1)).toBeUndefined();
  });
});

describe('query expansion chosen by the corpus (useVocabulary)', () => {
  it('keeps thesaurus words the corpus contains, also from synsets the plain expansion skips', () => {
    const related = (text: string, known?: ReadonlySet<string>): string[] => {
      const german = createGermanAnalyzer();
      if (known) german.useVocabulary((term) => known.has(term));
      return (german.expandQuery?.(text)[0]?.related ?? [])
        .filter((entry) => entry.source.startsWith('thesaurus'))
        .map((entry) => entry.term);
    };
    const website = analyzer.analyze('Website')[0]!;
    expect(related('Homepage')).not.toContain(website);
    expect(related('Homepage', new Set([website]))).toEqual([website]);
    expect(related('Homepage', new Set())).toEqual([]);
  });
});
