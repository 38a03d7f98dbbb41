/**
 * Shared fixtures of the decision-table tests: the policies as of a date, hand-set intent probabilities (so a test
 * checks the table and the word classes, not the trained model) and a tokenised, masked input.
 */
import { join } from 'node:path';
import { tokenize } from '../../../../bot/core/guardrails/feature-rules.ts';
import { intentNames, type Intent, type IntentScores } from '../../../../bot/core/guardrails/intent-classifier.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

/** The policies, their intent table and helpers for one evaluation date. */
export function intentTableFixtures(today: string) {
  const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today });
  const intents = policies.intents!;
  /** Probability `probability` for `intent`, the rest spread evenly. */
  const scores = (intent: Intent, probability: number): IntentScores => {
    const probabilities = Object.fromEntries(
      intentNames.map((name) => [name, name === intent ? probability : (1 - probability) / (intentNames.length - 1)]),
    ) as Record<Intent, number>;
    return { best: intent, probabilities };
  };
  const input = (text: string) => ({ lexicon: policies.lexicon!, tokens: tokenize(text), spans: new Map() });
  const row = (intent: Intent) => intents.rows.find((entry) => entry.intent === intent)!;
  return { policies, intents, scores, input, row };
}
