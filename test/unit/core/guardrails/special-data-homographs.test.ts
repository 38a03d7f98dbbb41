import { describe, expect, it } from 'vitest';
import { reviewVerdicts } from './review-verdict.ts';

// Lexicon 2026-12-09.1 (issue #17): the special categories (DV KI § 5 Abs. 3) no longer match homographs of everyday
// words: "sucht" (of "suchen"), an IT "Störung" or "Sicherheitsvorfall", a "Gleichbehandlung", the "Gesundheitsamt" as
// an office, a hotel "Aufenthalt". Holdout-10 refused "[Frau X] sucht … jemanden, der Türkisch spricht" and "herr m. vom
// gesundheitsamt fragt … präsentation" as special-category data.

const { verdict } = reviewVerdicts('2026-12-07', ['Erika Mustermann']);

describe('special categories are not read into everyday words', () => {
  it('does not refuse homographs next to a named person', () => {
    for (const text of [
      'Frau Mustermann sucht noch jemanden für die Vertretung am Freitag, wen kann ich fragen?',
      'Herr Berger hat eine Störung im Netzwerk gemeldet, an wen leite ich das weiter?',
      'Frau Kaya hat den Sicherheitsvorfall vom Montag gemeldet, wie dokumentiere ich so einen Vorfall?',
      'Herr Özdemir vom Gesundheitsamt braucht die Präsentation im neuen Layout, welche Schrift nehmen wir?',
      'Frau Lindner fragt, ob der Aufenthalt im Hotel bei der Dienstreise erstattet wird',
    ]) {
      expect(verdict(text), text).not.toMatch(/special-category-data/);
    }
  });

  it('still refuses health, addiction and residence data of a named person', () => {
    for (const text of [
      'Herr Berger hat eine Angststörung, formulier mir das für die Akte',
      'Frau Kaya ist suchtkrank, fass mir ihre Therapie zusammen',
      'Prüf mal den Aufenthaltsstatus von Herrn Özdemir',
      'Frau Lindner hatte einen Bandscheibenvorfall, schreib das in den Vermerk',
    ]) {
      expect(verdict(text), text).toMatch(/^refuse/);
    }
  });
});
