import { describe, expect, it } from 'vitest';
import { personalValues } from '../../bench/pii-values.ts';

describe('personalValues', () => {
  it('finds valid IBANs as written and compact, tax ids with spaces or dots, and e-mail addresses', () => {
    expect(personalValues('IBAN DE89 3704 0044 0532 0130 00 von Herrn Yilmaz')).toEqual([
      'DE89 3704 0044 0532 0130 00',
      'DE89370400440532013000',
    ]);
    expect(personalValues('Steuer-ID 12 345 678 901 eintragen')).toEqual(['12 345 678 901', '12345678901']);
    expect(personalValues('Steuer-ID 12.345.678.901')).toContain('12345678901');
    expect(personalValues('schreib an max.muster@kreis-viersen.de')).toEqual(['max.muster@kreis-viersen.de']);
  });

  it('ignores invalid IBANs, years and amounts', () => {
    expect(personalValues('DE00 1234 5678 9012 3456 78')).toEqual([]);
    expect(personalValues('Im Jahr 2024 gab es 63.000 Dateien und 1.400 Mitarbeitende.')).toEqual([]);
  });
});
