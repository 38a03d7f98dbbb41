import { describe, expect, it } from 'vitest';
import { isUnitLine, splitSentences } from '../../../../bot/core/answer/sentences.ts';

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

  it('makes every table row a sentence of its own, without splitting inside a row', () => {
    const text =
      'Projekte im Überblick.\nEinsatzbereich | Beschreibung\nZentrale Dienste | Digitales Archiv, ca. 50 Geräte. Neu!\nKämmerei | Rechnungsworkflow\nDanach folgt Text. Noch ein Satz.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Projekte im Überblick.',
      'Einsatzbereich | Beschreibung',
      'Zentrale Dienste | Digitales Archiv, ca. 50 Geräte. Neu!',
      'Kämmerei | Rechnungsworkflow',
      'Danach folgt Text.',
      'Noch ein Satz.',
    ]);
  });

  it('treats tab- and space-aligned key figure rows and "label: value" lines as sentences', () => {
    const text =
      'Jahr\t2022\t2023\nScans\t322.537\t363.883\n2024      322.537      363.883      417.561\nAnzahl an Digitallotsinnen und –lotsen: 37\nIn 2024 gab es 190 Mitteilungen.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Jahr\t2022\t2023',
      'Scans\t322.537\t363.883',
      '2024      322.537      363.883      417.561',
      'Anzahl an Digitallotsinnen und –lotsen: 37',
      'In 2024 gab es 190 Mitteilungen.',
    ]);
  });

  it('keeps a short label line under a figure row with the row', () => {
    const text = '2024 | 322.537 | 363.883 | 417.561\nScans Scans Scans\n\nZentrale Scanstelle hat seit 2022 63.000 Dateien erzeugt.';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      '2024 | 322.537 | 363.883 | 417.561\nScans Scans Scans',
      'Zentrale Scanstelle hat seit 2022 63.000 Dateien erzeugt.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('recognises unit lines but not prose, URLs or bare labels', () => {
    expect(isUnitLine('Anzahl an Digitallotsinnen und –lotsen: 37')).toBe(true);
    expect(isUnitLine('| Kurs | Termin |')).toBe(true);
    expect(isUnitLine('Folgendes gilt:')).toBe(false);
    expect(isUnitLine('Mehr unter: https://kreis.example/digital')).toBe(false);
    expect(isUnitLine('Die Regel gilt ab dem 01.03.2025 für alle Beschäftigten.')).toBe(false);
  });
});
