import { describe, expect, it } from 'vitest';
import { weighQuery } from '../../../../bot/core/answer/coverage.ts';
import { focusWords, namesFocus } from '../../../../bot/core/retrieval/question-focus.ts';
import { fakeAnalyzer, flatIdfLexical } from '../../../fakes/fake-analyzer.ts';

const focusOf = (question: string) => {
  const weighted = weighQuery(question, fakeAnalyzer, flatIdfLexical);
  return focusWords(question, weighted, (text) => fakeAnalyzer.analyze(text));
};

describe('question focus', () => {
  it('takes the word asked for after the question word', () => {
    expect(focusOf('Wie viele Mitarbeitende hat die Verwaltung?').flatMap((word) => word.forms)).toEqual(
      fakeAnalyzer.analyze('Mitarbeitende'),
    );
    expect(focusOf('welches CMS nutzt die Homepage').flatMap((word) => word.forms)).toEqual(fakeAnalyzer.analyze('CMS'));
    expect(focusOf('Darf ich Passwörter weitergeben?')).toEqual([]);
  });

  it('skips nouns that only name the kind of value asked for ("zu welchem Zeitpunkt", "wie viel Prozent")', () => {
    expect(focusOf('Wer beschließt die Jahresziele und zu welchem Zeitpunkt?')).toEqual([]);
    expect(focusOf('Wie viele Leute haben teilgenommen?').flatMap((word) => word.forms)).not.toContain(fakeAnalyzer.analyze('Leute')[0]);
    expect(focusOf('Wie viel Prozent Beschäftigte arbeiten mobil?').flatMap((word) => word.forms)).toEqual(
      fakeAnalyzer.analyze('Beschäftigte'),
    );
  });

  it('is named by a text that contains it', () => {
    const focus = focusOf('Wie viele Mitarbeitende hat die Verwaltung?');
    expect(namesFocus(focus, new Set(fakeAnalyzer.analyze('Die Verwaltung hat 1.200 Mitarbeitende.')))).toBe(true);
    expect(namesFocus(focus, new Set(fakeAnalyzer.analyze('Die Verwaltung hat 12 Standorte.')))).toBe(false);
  });
});
