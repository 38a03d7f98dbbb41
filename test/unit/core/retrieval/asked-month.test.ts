import { describe, expect, it } from 'vitest';
import { monthsIn, otherMonth } from '../../../../bot/core/retrieval/asked-month.ts';

describe('monthsIn', () => {
  it('finds months by name, abbreviation and numeric date', () => {
    expect([...monthsIn('im september 25?')]).toEqual([9]);
    expect([...monthsIn('Sept. 2025 und Dez.')].sort((a, b) => a - b)).toEqual([9, 12]);
    expect([...monthsIn('Anmeldungen in 10/25 | 480')]).toEqual([10]);
    expect([...monthsIn('Stand 24.02.2026, am 1.10.')].sort((a, b) => a - b)).toEqual([2, 10]);
  });

  it('does not read fractions, years or plain numbers as months', () => {
    expect(monthsIn('in 1/3 der Fälle seit 2022 mit 12 Geräten').size).toBe(0);
  });
});

describe('otherMonth', () => {
  it('is 1 when the passage gives other months but not the asked one', () => {
    expect(otherMonth('wie viele anmeldungen im september 25?', 'Anmeldungen in 10/25: 480')).toBe(1);
  });

  it('is 0 when the asked month is there, the passage names no month, or the question none', () => {
    expect(otherMonth('was war im oktober 25?', 'Anmeldungen in 10/25: 480')).toBe(0);
    expect(otherMonth('wie viele anmeldungen im september?', 'Es gab 480 Anmeldungen.')).toBe(0);
    expect(otherMonth('wie viele anmeldungen?', 'Anmeldungen in 10/25: 480')).toBe(0);
  });
});
