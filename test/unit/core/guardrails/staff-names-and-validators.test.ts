/**
 * Issue #17: staff of the directory are masked by bare surname and lower-case full name; IBANs are checked by the
 * maintained `ibantools`, tax ids by the exact German IdNr rules.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMasker } from '../../../../bot/core/guardrails/mask-personal-data.ts';
import { createPolicyGuardrail } from '../../../../bot/core/guardrails/policy-guardrail.ts';
import { isValidIban, isValidTaxId } from '../../../../bot/core/guardrails/validators.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today: '2026-12-06' });
const staff = ['Nina Hoffmann', 'Tobias Lange', 'Peter Richter', 'Jonas Beispiel', 'Sabine Krüger'];
const mask = createMasker(policies.pii.entities, staff, { wordLike: policies.pii.surnamesNeedContext ?? [] });
const masked = (text: string): string => mask(text).text;

describe('staff names from the directory', () => {
  it('masks bare surnames in any case and lower-case full names', () => {
    expect(masked('hat hoffmann aus amt 10 schon geantwortet')).toBe('hat [NAME] aus amt 10 schon geantwortet');
    expect(masked('Hat Hoffmann schon geantwortet?')).toBe('Hat [NAME] schon geantwortet?');
    expect(masked('frag mal krüger, die weiß das')).toBe('frag mal [NAME], die weiß das');
    expect(masked('ist nina hoffmann heute da')).toBe('ist [NAME] heute da');
    expect(mask('hat hoffmann geantwortet').found).toContain('pii-name');
  });

  it('masks surnames that are ordinary words only with a title or a unit beside them', () => {
    expect(masked('Wie lange dauert ein Antrag, zum Beispiel beim Richter?')).toBe(
      'Wie lange dauert ein Antrag, zum Beispiel beim Richter?',
    );
    expect(masked('hat lange aus dem Amt 36 zurückgerufen')).toBe('hat [NAME] aus dem Amt 36 zurückgerufen');
    expect(masked('kollege richter meint, das geht')).toBe('kollege [NAME] meint, das geht');
  });

  it('does not mask parts of longer words', () => {
    expect(masked('Die Hoffmannschen Tropfen und Krügerrand')).toBe('Die Hoffmannschen Tropfen und Krügerrand');
  });

  it('are masked in questions by the guardrail, never stored in clear text', () => {
    const guardrail = createPolicyGuardrail(policies, { knownStaffNames: staff });
    const verdict = guardrail.reviewInput('hat hoffmann aus amt 10 schon geantwortet', { userId: 'u' });
    expect(verdict.text).not.toMatch(/hoffmann/i);
  });
});

describe('validators', () => {
  it('checks IBANs with ibantools: mod 97 and the country format', () => {
    expect(isValidIban('de89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    // mod 97 holds, but a German IBAN has 22 characters: the hand-written check accepted this.
    expect(isValidIban('DE5137040044053201300')).toBe(false);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
  });

  it('checks tax ids by the IdNr rules: one digit twice or thrice (not three in a row), check digit', () => {
    expect(isValidTaxId('65 929 970 489')).toBe(true);
    expect(isValidTaxId('86.095.742.719')).toBe(true);
    expect(isValidTaxId('15734165906')).toBe(false); // check digit fits, but two digits repeat
    expect(isValidTaxId('99984936714')).toBe(false); // check digit fits, but 9 occurs four times
    expect(isValidTaxId('01234567890')).toBe(false);
  });
});
