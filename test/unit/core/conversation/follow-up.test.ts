import { describe, expect, it } from 'vitest';
import { looksLikeFollowUp, resolveFollowUp } from '../../../../bot/core/conversation/follow-up.ts';

const knownTenants = ['Kreis Viersen', 'Kreis Unna'];

describe('resolveFollowUp', () => {
  it('replaces the county of the previous question', () => {
    const question = resolveFollowUp({
      text: 'und in Unna?',
      previousQuestion: 'Wie viele Digitallotsen hat der Kreis Viersen?',
      knownTenants,
    });
    expect(question).toBe('Wie viele Digitallotsen hat der Kreis Unna?');
  });

  it('extends the previous question with the new words', () => {
    const question = resolveFollowUp({
      text: 'und für Beamte?',
      previousQuestion: 'Wie viele Tage darf ich mobil arbeiten?',
      knownTenants,
    });
    expect(question).toContain('mobil arbeiten');
    expect(question).toContain('für Beamte');
  });

  it('leaves standalone questions alone', () => {
    const text = 'Wie beantrage ich einen neuen Dienstausweis bei der Personalabteilung?';
    expect(resolveFollowUp({ text, previousQuestion: 'Vorher?', knownTenants })).toBe(text);
    expect(looksLikeFollowUp(text)).toBe(false);
  });

  it('does nothing without a previous question', () => {
    expect(resolveFollowUp({ text: 'und in Unna?', knownTenants })).toBe('und in Unna?');
  });

  it('understands county short forms in the follow-up and in the previous question', () => {
    const question = resolveFollowUp({
      text: 'und in PB?',
      previousQuestion: 'Wie viele Digitallotsen gibt es in VIE?',
      knownTenants: ['Kreis Viersen', 'Kreis Paderborn'],
    });
    expect(question).toBe('Wie viele Digitallotsen gibt es in PB?');
  });
});
