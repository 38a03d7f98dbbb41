import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';
import { readLexiconText, lexiconDataPath } from '../../../../bot/adapters/search/lexicon-files.ts';
import { parseStrongParticiples, strongInfinitiveOf } from '../../../../bot/adapters/search/verb-lemma.ts';

const table = parseStrongParticiples(
  '# comment\ngeschlossen schliessen\ngebunden binden\ngeschrieben schreiben\ngekommen kommen\ngegessen essen\n',
);
const words = new Set(['schliessen', 'anschliessen', 'binden', 'anbinden', 'verbinden', 'beschreiben', 'bekommen', 'angeschlossen']);
const isWord = (word: string): boolean => words.has(word);

describe('strongInfinitiveOf', () => {
  it('finds the infinitive of strong participles with separable and inseparable prefixes and adjective endings', () => {
    expect(strongInfinitiveOf('geschlossen', table, isWord)).toBe('schliessen');
    expect(strongInfinitiveOf('angeschlossen', table, isWord)).toBe('anschliessen');
    expect(strongInfinitiveOf('angebundene', table, isWord)).toBe('anbinden');
    expect(strongInfinitiveOf('verbundenen', table, isWord)).toBe('verbinden');
    expect(strongInfinitiveOf('beschrieben', table, isWord)).toBe('beschreiben');
  });

  it('never invents a word and leaves an infinitive that looks like a participle alone', () => {
    expect(strongInfinitiveOf('vergessen', table, isWord)).toBeUndefined();
    expect(strongInfinitiveOf('bekommen', table, isWord)).toBeUndefined();
    expect(strongInfinitiveOf('garten', table, isWord)).toBeUndefined();
  });

  it('reads the shipped table', () => {
    const shipped = parseStrongParticiples(readLexiconText(lexiconDataPath('strong-participles.txt')) ?? '');
    expect(shipped.size).toBeGreaterThan(500);
    expect(shipped.get('gebunden')).toBe('binden');
    expect(shipped.get('gestanden')).toBe('stehen');
  });
});

describe('German analyzer with strong participles', () => {
  const analyzer = createGermanAnalyzer();

  it('gives a strong participle the stem of its infinitive ("angebunden" ~ "anbinden", "beschlossen" ~ "beschließt")', () => {
    const terms = new Set(analyzer.analyze('vier angebundene Fachverfahren, vom Kreistag beschlossen'));
    expect(analyzer.analyze('anbinden').every((term) => terms.has(term))).toBe(true);
    expect(analyzer.analyze('wer beschließt das').some((term) => terms.has(term))).toBe(true);
  });

  it('looks a strong participle up in the thesaurus as its infinitive too ("angeschlossen" → anbinden)', () => {
    const anbinden = analyzer.analyze('anbinden')[0];
    const chosen = createGermanAnalyzer();
    chosen.useVocabulary((term) => term === anbinden);
    const [word] = chosen.expandQuery?.('angeschlossen') ?? [];
    expect(word?.lemma).toBe('anschliessen');
    expect(word?.related?.some((related) => related.term === anbinden)).toBe(true);
  });
});
