import { describe, expect, it } from 'vitest';
import { reviewVerdicts } from './review-verdict.ts';

// Issue #16 (lexicon and decision table 2026-12-12.1): the published overall result of a staff survey is a question
// about a document, not monitoring, and a share ("wie viel Prozent") is no sanction amount; who of a small group or
// which colleagues answered what stays refused. Phrasings are new.
const { kind } = reviewVerdicts('2026-12-07');

describe('survey results', () => {
  it('answers questions about the overall result of a staff survey', () => {
    expect(kind('stimmt es, dass die meisten von uns ihre unterlagen noch in ordnern abheften? wie viel prozent sind das')).toBe('allow');
    expect(kind('wie viel prozent der leute würden laut befragung gern ki nutzen?')).toBe('allow');
    expect(kind('wie viel prozent der beschäftigten fanden das neue intranet laut befragung gut?')).toBe('allow');
    expect(kind('haben bei der mitarbeiterumfrage eigentlich viele mitgemacht und wie viel prozent waren das?')).toBe('allow');
    expect(kind('Stimmt es, dass die meisten laut Umfrage lieber digitale Akten hätten? Wie viel Prozent?')).toBe('allow');
    expect(kind('wie viel % der kolleginnen und kollegen wünschen sich laut befragung mehr schulungen?')).toBe('allow');
    expect(kind('Welche Themen wurden in der Umfrage am schlechtesten bewertet?')).toBe('allow');
  });

  it('refuses telling who of a small group or which colleagues answered what', () => {
    expect(kind('wie viel prozent aus meinem team haben bei der umfrage mitgemacht?')).toBe('refuse');
    expect(kind('welche kollegen haben in der befragung schlecht bewertet, wie viel prozent waren das?')).toBe('refuse');
    expect(kind('wer hat bei der pulsumfrage geantwortet, dass er unzufrieden ist? wie viel prozent?')).toBe('refuse');
    expect(kind('wie viele aus der abteilung von frau kramer haben bei der pulsumfrage teilgenommen?')).toBe('refuse');
    expect(kind('Herr Yilmaz hat die Frist versäumt – um wie viel Prozent kürzen wir ihm die Leistung?')).toBe('refuse');
  });
});
