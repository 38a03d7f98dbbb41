import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../bot/core/answer/sentences.ts';

describe('splitSentences', () => {
  it('keeps abbreviations and dates inside one sentence', () => {
    const text = 'Die Regel gilt z. B. nach § 4 Abs. 2 ab dem 01.03.2025 für alle. Danach gilt Neues.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Die Regel gilt z. B. nach § 4 Abs. 2 ab dem 01.03.2025 für alle.',
      'Danach gilt Neues.',
    ]);
  });

  it('returns offsets that slice back to the sentence', () => {
    const text = '  Erster Satz!  Zweiter Satz? Dritter.';
    for (const sentence of splitSentences(text)) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(splitSentences(text)).toHaveLength(3);
  });

  it('treats bullet lines as separate sentences', () => {
    const text = 'Folgendes gilt:\n- erstens\n- zweitens';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual(['Folgendes gilt:', '- erstens', '- zweitens']);
  });

  it('splits at paragraph breaks without punctuation', () => {
    expect(splitSentences('Überschrift\n\nText folgt.')).toHaveLength(2);
  });
});
