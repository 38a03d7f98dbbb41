/**
 * Applies the decision table (`policies/decision-table.yaml`, issue #17) to the trained intent check: which
 * intent, if any, the guardrail acts on, and whether a word rule is overruled because the question is an
 * ordinary question about rules. The model decides intent; the table decides action.
 */
import { detect, type Lexicon, type SpanCache } from './feature-rules.ts';
import { classifyIntent, type IntentScores } from './intent-classifier.ts';
import type { IntentPolicy, IntentRow, RefusalHandling } from './policies.ts';

/** Handling of a refusal when the table says nothing about its rule: hand-over allowed, masked text stored. */
export const defaultHandling: RefusalHandling = { handover: true, store: 'masked' };

/** Scores a masked question once for all decisions of a turn. */
export function scoreIntent(policy: IntentPolicy, maskedText: string): IntentScores {
  return classifyIntent(policy.model, maskedText);
}

/** The masked question as the evidence check reads it: its tokens, the word classes and a span cache per question. */
export interface EvidenceInput {
  readonly lexicon: Lexicon;
  readonly tokens: readonly string[];
  readonly spans: SpanCache;
}

/**
 * The personal data found in a question: the kinds (pii.yaml ids) found, or only whether any was found (`true` counts
 * as data beyond a name).
 */
export type PersonalData = boolean | readonly string[];

/** True when the only personal data found is of the `nameOnly` kinds (a name), which is no evidence by itself. */
export function onlyNames(policy: Pick<IntentPolicy, 'nameOnly'>, found: PersonalData): boolean {
  return typeof found !== 'boolean' && found.length > 0 && found.every((kind) => policy.nameOnly.has(kind));
}

function anyPersonalData(found: PersonalData): boolean {
  return typeof found === 'boolean' ? found : found.length > 0;
}

/**
 * The threshold of a row for one question: the `with_personal_data` one when personal data was found, the raised
 * `evidence.without` one when the row needs evidence (a target person, an instruction cue) and the question has none.
 * A name alone does not lower the threshold of a row with `evidence.besideName`: only with a second sign besides it
 * (a case detail, a decision or monitoring word, a sign of harm) does `with_personal_data` apply; else the question is
 * judged as one without personal data (the evidence check).
 */
export function thresholdFor(row: IntentRow, found: PersonalData, input?: EvidenceInput, policy?: Pick<IntentPolicy, 'nameOnly'>): number {
  const besideName = row.evidence?.besideName;
  if (besideName && policy && onlyNames(policy, found)) {
    if (!input || detect(input.lexicon, besideName, input.tokens, input.spans).score >= besideName.threshold) return row.withPersonalData;
  } else if (anyPersonalData(found)) return row.withPersonalData;
  if (!row.evidence || !input) return row.threshold;
  const evidenceFound = detect(input.lexicon, row.evidence.detection, input.tokens, input.spans).score >= row.evidence.detection.threshold;
  return evidenceFound ? row.threshold : row.evidence.without;
}

/**
 * The row to act on: of the intents whose probability reaches their threshold (`thresholdFor`), the most likely.
 * Without `input` no evidence is checked (the row's plain threshold applies).
 */
export function intentRowFor(
  policy: IntentPolicy,
  scores: IntentScores,
  found: PersonalData,
  input?: EvidenceInput,
): IntentRow | undefined {
  let chosen: IntentRow | undefined;
  for (const row of policy.rows) {
    const probability = scores.probabilities[row.intent];
    if (probability < Math.min(row.threshold, row.withPersonalData)) continue;
    const threshold = thresholdFor(row, found, input, policy);
    if (probability >= threshold && (!chosen || probability > scores.probabilities[chosen.intent])) chosen = row;
  }
  return chosen;
}

/**
 * True when a fired word rule is overruled: a question about rules, sure enough, with no personal data (or, when the
 * table sets `nameOnlyProbability`, a name as its only personal data and the model surer still).
 */
export function overruledAsBenign(policy: IntentPolicy, scores: IntentScores, ruleId: string, found: PersonalData): boolean {
  if (!policy.benignOverride.rules.has(ruleId)) return false;
  const benign = scores.probabilities.benign;
  if (!anyPersonalData(found)) return benign >= policy.benignOverride.probability;
  const nameOnly = policy.benignOverride.nameOnlyProbability;
  return nameOnly !== undefined && onlyNames(policy, found) && benign >= nameOnly;
}

/** How a refusal by a word rule is handled. */
export function ruleHandling(policy: IntentPolicy | undefined, ruleId: string): RefusalHandling {
  return policy?.rules.get(ruleId) ?? defaultHandling;
}
