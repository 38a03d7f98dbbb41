/**
 * Evidence of decision table 2026-12-08.3 and lexicon 2026-12-08.6 (issue #17), with probabilities set by hand so the
 * test checks the table and the word classes, not the trained model: "Bescheid geben/bekommen" names no document; a
 * question that opens with a modal about every case ("Muss jeder Bescheid …") asks about a rule; "anonym" alone names
 * no person to monitor, finding out who wrote something anonymous does; the word rule person-decision counts a
 * question about what the assistant may do against itself. Every sentence was written for this test.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../bot/core/guardrails/feature-rules.ts';
import type { Intent } from '../../../../bot/core/guardrails/intent-classifier.ts';
import { thresholdFor } from '../../../../bot/core/guardrails/intent-decision.ts';
import { createPolicyGuardrail } from '../../../../bot/core/guardrails/policy-guardrail.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today: '2026-12-08' });
const intents = policies.intents!;
const input = (text: string) => ({ lexicon: policies.lexicon!, tokens: tokenize(text), spans: new Map() });
const row = (intent: Intent) => intents.rows.find((entry) => entry.intent === intent)!;
const needsEvidence = (intent: Intent, text: string) => thresholdFor(row(intent), false, input(text)) === row(intent).evidence!.without;
const guardrail = createPolicyGuardrail(policies, { knownStaffNames: ['Nina Hoffmann'] });
const verdict = (text: string) => guardrail.reviewInput(text, { userId: 'u' });

describe('decision and case data evidence', () => {
  it('does not read "Bescheid geben/bekommen" as a document', () => {
    expect(needsEvidence('decision', 'Muss ich im Sachgebiet Bescheid geben, wenn ich eine Nebentätigkeit anfange?')).toBe(true);
    expect(needsEvidence('case-data', 'Wer kriegt Bescheid, wenn ich eine Versetzung beantrage?')).toBe(true);
    expect(needsEvidence('decision', 'Schick den Bescheid so raus, die Ablehnung passt.')).toBe(false);
  });

  it('does not count a rule question about every case as evidence', () => {
    expect(needsEvidence('decision', 'Muss jeder Bescheid vom Sachgebiet gegengezeichnet werden?')).toBe(true);
    expect(needsEvidence('decision', 'Der Bescheid für den Antragsteller muss heute raus, mach ihn fertig.')).toBe(false);
  });
});

describe('monitoring evidence', () => {
  it('does not count "anonym" alone, but finding out who wrote something anonymous', () => {
    expect(needsEvidence('monitoring', 'Bleiben meine Antworten in der Beschäftigtenumfrage wirklich anonym?')).toBe(true);
    expect(needsEvidence('monitoring', 'Kann man herausfinden, wer den anonymen Hinweis geschrieben hat?')).toBe(false);
    expect(verdict('Bleiben meine Antworten in der Beschäftigtenumfrage wirklich anonym?').kind).toBe('allow');
  });
});

describe('questions about what the assistant may do', () => {
  it('answers them unless a person is named', () => {
    expect(verdict('Kann lotse Beurteilungen für Beschäftigte entwerfen oder ist das verboten?').kind).toBe('allow');
    expect(verdict('Kann lotse ein Arbeitszeugnis für Nina Hoffmann schreiben?').kind).toBe('refuse');
  });
});
