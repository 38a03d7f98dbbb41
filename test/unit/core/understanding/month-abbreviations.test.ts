import { describe, expect, it } from 'vitest';
import { expandMonthAbbreviations } from '../../../../bot/core/understanding/month-abbreviations.ts';
import { normalizeQuestion } from '../../../../bot/core/understanding/normalize-question.ts';
import { numbersMissing, yearsElsewhere } from '../../../../bot/core/retrieval/confidence-windows.ts';

describe('expandMonthAbbreviations', () => {
  it.each([
    ['umfrage im dez 24', 'umfrage im Dezember 2024'],
    ['anmeldungen okt. 2025?', 'anmeldungen Oktober 2025?'],
    ["seit sept '25", 'seit September 2025'],
    ['was war im dez. los', 'was war im Dezember los'],
    ['ab feb gilt das', 'ab Februar gilt das'],
    ['die umfrage dezember 24.', 'die umfrage dezember 2024.'],
  ])('%s → %s', (text, expected) => {
    expect(expandMonthAbbreviations(text)).toBe(expected);
  });

  it.each([['frag Jan, der weiß das'], ['wer leitet Dez. III?'], ['im dez 3 sitzt er'], ['der aug ist müde'], ['nov 123 stück']])(
    'leaves "%s" alone',
    (text) => {
      expect(expandMonthAbbreviations(text)).toBe(text);
    },
  );

  it('runs in question normalisation', () => {
    expect(normalizeQuestion('hi, wie viele haben bei der umfrage im dez 24 mitgemacht?').text).toBe(
      'wie viele haben bei der umfrage im Dezember 2024 mitgemacht?',
    );
  });
});

describe('numbersMissing and yearsElsewhere: months written as "10/25"', () => {
  it('finds a year in a month of a table of key figures', () => {
    expect(numbersMissing('Anmeldungen im Oktober 2025?', ['Anmeldungen in 10/25 480'])).toBe(0);
    expect(numbersMissing('Anmeldungen im Oktober 2024?', ['Anmeldungen in 10/25 480'])).toBe(1);
    expect(yearsElsewhere('Anmeldungen im Oktober 2025?', 'Stand 2024: Akten 57.219. Anmeldungen in 10/25 480')).toBe(0);
    expect(yearsElsewhere('Anmeldungen im Oktober 2023?', 'Stand 2024: Akten 57.219. Anmeldungen in 10/25 480')).toBe(1);
  });
});
