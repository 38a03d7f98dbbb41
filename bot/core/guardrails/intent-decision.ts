/**
 * Applies the decision table (`policies/decision-table.yaml`, issue #17) to the trained intent check: which
 * intent, if any, the guardrail acts on, and whether a word rule is overruled because the question is an
 * ordinary question about rules. The model decides intent; the table decides action.
 */
import { classifyIntent, type IntentScores } from './intent-classifier.ts';
import type { IntentPolicy, IntentRow, RefusalHandling } from './policies.ts';

/** Handling of a refusal when the table says nothing about its rule: hand-over allowed, masked text stored. */
export const defaultHandling: RefusalHandling = { handover: true, store: 'masked' };

/** Scores a masked question once for all decisions of a turn. */
export function scoreIntent(policy: IntentPolicy, maskedText: string): IntentScores {
  return classifyIntent(policy.model, maskedText);
}

/**
 * The row to act on: of the intents whose probability reaches their threshold (the lower one when the question
 * contains personal data), the most likely.
 */
export function intentRowFor(policy: IntentPolicy, scores: IntentScores, hasPersonalData: boolean): IntentRow | undefined {
  let chosen: IntentRow | undefined;
  for (const row of policy.rows) {
    const probability = scores.probabilities[row.intent];
    const threshold = hasPersonalData ? row.withPersonalData : row.threshold;
    if (probability >= threshold && (!chosen || probability > scores.probabilities[chosen.intent])) chosen = row;
  }
  return chosen;
}

/** True when a fired word rule is overruled: a question about rules, sure enough, with no personal data. */
export function overruledAsBenign(policy: IntentPolicy, scores: IntentScores, ruleId: string, hasPersonalData: boolean): boolean {
  return !hasPersonalData && policy.benignOverride.rules.has(ruleId) && scores.probabilities.benign >= policy.benignOverride.probability;
}

/** How a refusal by a word rule is handled. */
export function ruleHandling(policy: IntentPolicy | undefined, ruleId: string): RefusalHandling {
  return policy?.rules.get(ruleId) ?? defaultHandling;
}
