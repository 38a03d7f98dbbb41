import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMasker } from '../../../../bot/core/guardrails/mask-personal-data.ts';
import { createFreeTextMasker, createNameMasker } from '../../../../bot/core/hr/mask-free-text.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

const root = join(import.meta.dirname, '../../../..');
const entities = loadPolicies(join(root, 'policies')).pii.entities;
const names = ['Erika Mustermann', 'Jonas Beispiel', 'Hans-Peter Müller-Lüdenscheidt', 'Anna Maria Schulz'];

describe('free-text masking', () => {
  it('masks known names in any case and spacing, and leaves parts of names alone', () => {
    const mask = createNameMasker(names);
    expect(mask('Frau erika  MUSTERMANN hat recht, Erika allein nicht.')).toBe('Frau [NAME] hat recht, Erika allein nicht.');
    expect(mask('Hans-Peter Müller-Lüdenscheidt und Anna Maria Schulz.')).toBe('[NAME] und [NAME].');
    expect(mask('Jonas,Beispiel')).toBe('Jonas,Beispiel');
  });

  it('masks what the guardrail masker masks on sample comments', () => {
    const guardrail = createMasker(entities, names);
    const ours = createFreeTextMasker(entities, names);
    for (const text of [
      'Bitte an erika.mustermann@musterland.example schreiben',
      'Jonas Beispiel, Tel. 02162 12345',
      'IBAN DE89 3704 0044 0532 0130 00 stimmt',
      'Mehr Schulungen zu KI',
      'Erika Mustermann und Jonas Beispiel',
    ]) {
      expect(ours(text)).toBe(guardrail(text).text);
    }
  });

  it('does not slow down with the number of staff names (no scan per name)', () => {
    const text = 'Die Schulung war gut, aber Vorname42 Nachname42 war krank und das WLAN im Haus B ist zu langsam.';
    const timeWith = (names: number): number => {
      const mask = createFreeTextMasker(
        entities,
        Array.from({ length: names }, (_, index) => `Vorname${index} Nachname${index}`),
      );
      mask(text);
      const started = performance.now();
      for (let round = 0; round < 300; round += 1) mask(text);
      return performance.now() - started;
    };
    // Relative, so a busy machine does not fail it: a masker that tried every name would be ~100 times slower.
    const few = Math.min(timeWith(50), timeWith(50));
    const many = Math.min(timeWith(5000), timeWith(5000));
    expect(many / few, `ratio ${(many / few).toFixed(1)}`).toBeLessThan(15);
    const mask = createFreeTextMasker(
      entities,
      Array.from({ length: 5000 }, (_, index) => `Vorname${index} Nachname${index}`),
    );
    expect(mask('Vorname42 Nachname42 war krank')).toBe('[NAME] war krank');
  });
});
