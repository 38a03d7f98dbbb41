import { describe, expect, it } from 'vitest';
import { missingUnit, onlyGivenValue } from '../../../../bot/core/retrieval/asked-values.ts';

describe('onlyGivenValue', () => {
  const question = 'wie viele der ca. 30.000 rechnungen im jahr kommen schon als xrechnung?';

  it('is 1 when the window only repeats the figure the question states', () => {
    const window = 'Pro Jahr gehen ca. 30.000 Rechnungen ein. Die Anzahl der E-Rechnungssteller ist noch sehr gering.';
    expect(onlyGivenValue(question, window)).toBe(1);
  });

  it('is 0 when the window holds another figure, none at all, or the question states none', () => {
    expect(onlyGivenValue(question, 'Von ca. 30.000 Rechnungen kommen 1.200 als XRechnung.')).toBe(0);
    expect(onlyGivenValue(question, 'Die Anzahl der E-Rechnungssteller ist gering.')).toBe(0);
    expect(onlyGivenValue('wie viele akten liegen in der eakte?', 'Akten: 57.219')).toBe(0);
  });

  it('ignores years, dates and footnote marks on both sides', () => {
    expect(onlyGivenValue('wie viele der 141 dienste gehen 2025 mit der DeutschlandID?', 'Stand 2025: 141 Online-Lösungen3.')).toBe(1);
  });
});

describe('missingUnit', () => {
  it('is 1 when no figure in the window carries the unit counted in', () => {
    expect(missingUnit('wie viele stunden pro woche bekommen digitallotsen?', 'Es gibt 37 Digitallotsinnen.')).toBe(1);
    expect(missingUnit('wie viele HO-tage pro woche sind erlaubt?', 'Mobiles Arbeiten ist erlaubt.')).toBe(1);
  });

  it('is 0 when a figure, in digits or words, carries the unit, or the question counts in no unit', () => {
    expect(missingUnit('wie viele HO-tage pro woche?', 'an bis zu drei Tagen pro Woche')).toBe(0);
    expect(missingUnit('wie viele jahre hält ein PC?', 'Austausch alle fünf bis sechs Jahre.')).toBe(0);
    expect(missingUnit('wie viele stunden?', 'Bis zu 4 Std. pro Woche.')).toBe(0);
    expect(missingUnit('wie viele seiten sind das?', 'Akten: 117.000 (entspricht 10,8 Mio. Seiten).')).toBe(0);
    expect(missingUnit('wie viele digitallotsen gibt es?', 'Es gibt 37 Digitallotsinnen.')).toBe(0);
  });
});
