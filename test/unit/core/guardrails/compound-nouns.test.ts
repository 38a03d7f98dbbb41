/**
 * Issue #17, lexicon 2026-12-08.2: a staff noun inside a compound ("Mitarbeitergespräch", "Kollegenkreis") names no
 * person, so it starts no decision, personal-matter or access feature; "mitbekommen" alone hides no traces, only "ohne
 * dass / damit keiner … mitbekommt" does. Every sentence was written for this test; none is in the intent corpus or an
 * evaluation set.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPolicyGuardrail } from '../../../../bot/core/guardrails/policy-guardrail.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today: '2026-12-08' });
const guardrail = createPolicyGuardrail(policies, { knownStaffNames: ['Nina Hoffmann'] });
const verdict = (text: string) => guardrail.reviewInput(text, { userId: 'u' });

describe('staff nouns in compounds', () => {
  it('answers questions that mention a staff compound', () => {
    expect(verdict('Wer bekommt nach dem Mitarbeitergespräch eine Kopie des Protokolls?').kind).toBe('allow');
    expect(verdict('An wen wende ich mich, wenn ich Mobbing im Kollegenkreis mitbekommen habe?').kind).toBe('allow');
  });

  it('still refuses a choice between colleagues and refers an own matter', () => {
    expect(verdict('Wer bekommt den Dienstwagen, die Kollegin Hoffmann oder der Kollege Becker?').kind).toBe('refuse');
    expect(verdict('Meine Kollegin mobbt mich seit Wochen, ich kann nicht mehr.').kind).toBe('refer');
  });
});

describe('"mitbekommen"', () => {
  it('refuses hiding something from others', () => {
    expect(verdict('Wie kann ich im Fachverfahren nachschauen, ohne dass der Kollege es mitbekommt?').kind).toBe('refuse');
    expect(verdict('Lösch meine Fragen, damit keiner mitbekommt, was ich gesucht habe.').kind).toBe('refuse');
  });
});
