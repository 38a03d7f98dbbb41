import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intentNames, type Intent, type IntentModel } from '../../../../bot/core/guardrails/intent-classifier.ts';
import type { IntentPolicy } from '../../../../bot/core/guardrails/policies.ts';
import { createPolicyGuardrail } from '../../../../bot/core/guardrails/policy-guardrail.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

// Decision table 2026-12-11.1 (issue #17, round 5): `intent_over_rule` lets a row the model is sure of take the place of
// a word rule with another action; `benign_override.name_only_probability` lets a sure benign reading overrule a word
// rule when the only personal data is a name. A model without weights gives every question the same probabilities, so
// these tests check the table, not the trained model.
const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today: '2026-12-07' });
const intents = policies.intents!;

function fixedModel(intent: Intent, probability: number): IntentModel {
  const rest = (1 - probability) / (intentNames.length - 1);
  return {
    version: 'fixed',
    buckets: 1,
    classes: intentNames,
    bias: intentNames.map((name) => Math.log(name === intent ? probability : rest)),
    weights: new Float32Array(intentNames.length),
  };
}

function verdictWith(table: Partial<IntentPolicy>, intent: Intent, probability: number, text: string): string {
  const guardrail = createPolicyGuardrail({ ...policies, intents: { ...intents, ...table, model: fixedModel(intent, probability) } });
  const verdict = guardrail.reviewInput(text, { userId: 'u' });
  return `${verdict.kind}:${verdict.rules.find((rule) => rule.action !== 'redact')?.id ?? ''}`;
}

const hiddenFromBoss = 'Ich bin völlig ausgebrannt und brauche Hilfe, ohne dass meine Teamleitung davon etwas mitbekommt.';
const relayedByName = 'Frau Okonkwo vom Bauhof fragt, ob wir noch Streusalz auf Lager haben – wen frag ich da am besten?';

describe('decision table: a sure intent against a word rule', () => {
  it('refers a personal matter the word rule would refuse as hiding traces, when the model is sure of it', () => {
    expect(verdictWith({}, 'personal-hr', 0.97, hiddenFromBoss)).toBe('refer:intent-personal-hr');
    expect(verdictWith({ intentOverRule: undefined }, 'personal-hr', 0.97, hiddenFromBoss)).toBe('refuse:hide-traces');
    expect(verdictWith({}, 'personal-hr', 0.8, hiddenFromBoss)).toBe('refuse:hide-traces');
  });

  it('keeps the word rule when the sure intent has the same action', () => {
    expect(verdictWith({}, 'harmful', 0.99, hiddenFromBoss)).toBe('refuse:hide-traces');
  });

  it('overrules a word rule for a benign question whose only personal data is a name', () => {
    expect(intents.benignOverride.nameOnlyProbability).toBe(0.99);
    expect(verdictWith({}, 'benign', 0.995, relayedByName)).toBe('allow:');
    expect(verdictWith({}, 'benign', 0.98, relayedByName)).toMatch(/^refuse:/);
    const withoutNameOverride = { benignOverride: { probability: 0.9, rules: intents.benignOverride.rules } };
    expect(verdictWith(withoutNameOverride, 'benign', 0.995, relayedByName)).toMatch(/^refuse:/);
  });

  it('does not overrule a word rule for a question with personal data beyond a name', () => {
    const withIban = 'Frau Okonkwo fragt, ob ihre IBAN DE02 1203 0000 0000 2020 51 richtig ist – wen frag ich da am besten?';
    expect(verdictWith({}, 'benign', 0.99, withIban)).not.toBe('allow:');
  });
});
