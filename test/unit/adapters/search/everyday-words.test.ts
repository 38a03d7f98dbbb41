import { describe, expect, it } from 'vitest';
import { everydayGermanWords, withEverydayWords } from '../../../../bot/adapters/search/everyday-words.ts';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';

describe('everyday German words', () => {
  it('loads the frequency-ranked list, most frequent first', () => {
    const words = everydayGermanWords();
    expect(words.length).toBeGreaterThan(10_000);
    expect(words.indexOf('eigentlich')).toBeGreaterThanOrEqual(0);
    expect(words.indexOf('ich')).toBeLessThan(words.indexOf('eigentlich'));
    expect(words).not.toContain('dienstvereinbarung');
  });

  it('marks everyday question words with their rank and leaves domain words and indexing alone', () => {
    const base = createGermanAnalyzer({ dictionaryPath: false });
    const analyzer = withEverydayWords(base, ['gesessen', 'schicken']);
    const words = analyzer.expandQuery!('Wer hat an der Dienstvereinbarung gesessen?');
    const rankOf = (text: string) => words.find((word) => word.forms.includes(base.analyze(text)[0]!))?.everyday;
    expect(rankOf('gesessen')).toBe(0);
    expect(rankOf('Dienstvereinbarung')).toBeUndefined();
    expect(analyzer.analyze('gesessen')).toEqual(base.analyze('gesessen'));
  });

  it('reads a misspelt everyday word ("ungefär") as that word, but never a German word or a short form', () => {
    const base = createGermanAnalyzer();
    const analyzer = withEverydayWords(base, ['ungefähr', 'eigentlich', 'bitte']);
    const rank = (question: string, word: string) =>
      analyzer.expandQuery!(question).find((entry) => entry.forms.includes(base.analyze(word)[0]!))?.everyday;
    expect(rank('Wie viele Außenstellen gibt es ungefär?', 'ungefär')).toBe(0);
    expect(rank('Wie viele Außenstellen gibt es eigntlich?', 'eigntlich')).toBe(1);
    expect(rank('Wie viele Außenstellen gibt es?', 'Außenstellen')).toBeUndefined();
    expect(rank('bite', 'bite')).toBeUndefined();
  });
});
