import { describe, expect, it } from 'vitest';
import {
  explainedTerms,
  simplifyAnswer,
  splitLongSentence,
  type PlainLanguageTexts,
} from '../../../../bot/core/presentation/plain-language.ts';
import { loadPresentation } from '../../../../prompts/load-presentation.ts';

const texts: PlainLanguageTexts = {
  intro: 'In einfacher Sprache:',
  glossaryHeading: 'Schwere Wörter erklärt:',
  conditionLead: 'Das gilt, {clause}',
  glossary: [{ term: 'Dienstvereinbarung', explanation: 'eine Vereinbarung zwischen Verwaltung und Personalrat.' }],
};

describe('splitLongSentence', () => {
  it('splits at a semicolon and before a condition when the sentence is long', () => {
    expect(
      splitLongSentence(
        'Die Genehmigung gilt für ein Jahr und verlängert sich automatisch um ein weiteres Jahr, wenn weder die Amtsleitung noch die Beschäftigten widersprechen.',
        texts,
      ),
    ).toEqual([
      'Die Genehmigung gilt für ein Jahr und verlängert sich automatisch um ein weiteres Jahr.',
      'Das gilt, wenn weder die Amtsleitung noch die Beschäftigten widersprechen.',
    ]);
  });

  it('leaves short sentences and relative clauses whole', () => {
    expect(splitLongSentence('Mobiles Arbeiten ist möglich, wenn die Führungskraft zustimmt.', texts)).toEqual([
      'Mobiles Arbeiten ist möglich, wenn die Führungskraft zustimmt.',
    ]);
    const relative =
      'Beschäftigte, die mobil arbeiten, buchen ihre Arbeitszeit wie im Dienstgebäude im Zeiterfassungssystem der Kreisverwaltung Musterland.';
    expect(splitLongSentence(relative, texts)).toEqual([relative]);
  });
});

describe('simplifyAnswer', () => {
  it('puts one sentence per line after the intro and explains the terms used', () => {
    const simplified = simplifyAnswer(
      'Laut „DV KI“ (Stand 01.06.2025): Die Dienstvereinbarung gilt für alle Beschäftigten; der Personalrat wird vor jeder Änderung der eingesetzten Systeme beteiligt.',
      texts,
    );
    expect(simplified).toBe(
      'In einfacher Sprache:\n\nLaut „DV KI“ (Stand 01.06.2025):\nDie Dienstvereinbarung gilt für alle Beschäftigten.\nDer Personalrat wird vor jeder Änderung der eingesetzten Systeme beteiligt.\n\nSchwere Wörter erklärt:\n• Dienstvereinbarung: eine Vereinbarung zwischen Verwaltung und Personalrat.',
    );
  });

  it('adds no glossary when no term occurs', () => {
    expect(explainedTerms('Das Passwort gilt 90 Tage.', texts.glossary)).toEqual([]);
    expect(simplifyAnswer('Das Passwort gilt 90 Tage.', texts)).toBe('In einfacher Sprache:\n\nDas Passwort gilt 90 Tage.');
  });
});

describe('loadPresentation', () => {
  it('reads the shipped texts and glossary', () => {
    const loaded = loadPresentation();
    expect(loaded.suggestions.moreAbout).toContain('{section}');
    expect(loaded.plainLanguage.glossary.find((entry) => entry.term === 'Dienstvereinbarung')?.explanation).toContain(
      'Vereinbarung zwischen Verwaltung und Personalrat',
    );
  });
});
