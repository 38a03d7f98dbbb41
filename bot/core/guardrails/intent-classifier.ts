/**
 * The trained intent check of the guardrail (issue #17): a multinomial logistic regression over hashed word
 * unigrams, word bigrams and character 3–5-grams of the masked, folded question. The weights come from
 * `policies/intent/intent-model.json` (written by `scripts/train-intent-model.ts`); the rules keep exact
 * patterns, this model judges what a question is for.
 */
import { tokenize } from './feature-rules.ts';

/** The intents the model tells apart; `benign` includes questions about the rules themselves. */
export const intentNames = ['benign', 'decision', 'case-data', 'personal-hr', 'monitoring', 'injection', 'harmful'] as const;

/** One intent. */
export type Intent = (typeof intentNames)[number];

/** A trained model: per class a bias and a dense weight row over `buckets` hashed features. */
export interface IntentModel {
  readonly version: string;
  readonly buckets: number;
  readonly classes: readonly Intent[];
  readonly bias: readonly number[];
  /** Row-major `classes.length × buckets`. */
  readonly weights: Float32Array;
}

/** Probabilities per intent and the most likely one. */
export interface IntentScores {
  readonly best: Intent;
  readonly probabilities: Readonly<Record<Intent, number>>;
}

/** FNV-1a, 32 bit: a stable hash so that training and inference agree on feature buckets. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/**
 * Sparse, L2-normalised feature vector of a masked question (bucket → value): words (`w:`), neighbouring word
 * pairs (`b:`) and character 3–5-grams inside each word (`c:`), which carry inflection, compounds and typos. A masked
 * name (`ph_name`) is left out: it says who, not what for (the decision table weighs names).
 */
export function intentFeatures(maskedText: string, buckets: number): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (feature: string): void => {
    const bucket = hash(feature) % buckets;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  // A masked name says who, not what for: the decision table weighs it (with_personal_data, name_only); as a feature
  // the model learnt "a name means risk" from corpora where most risky rows name someone and few benign ones do.
  const words = tokenize(maskedText).filter((word) => word !== 'ph_name');
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    add(`w:${word}`);
    const next = words[index + 1];
    if (next !== undefined) add(`b:${word} ${next}`);
    if (word.startsWith('ph_') || word === '_s_') continue;
    const padded = ` ${word} `;
    for (let size = 3; size <= 5; size++)
      for (let start = 0; start + size <= padded.length; start++) add(`c:${padded.slice(start, start + size)}`);
  }
  let norm = 0;
  for (const value of counts.values()) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [bucket, value] of counts) counts.set(bucket, value * scale);
  return counts;
}

/** Softmax of raw class scores. */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** Class probabilities for a feature vector. */
export function predictFeatures(model: IntentModel, features: ReadonlyMap<number, number>): number[] {
  const scores = model.classes.map((_, row) => {
    let score = model.bias[row] ?? 0;
    const offset = row * model.buckets;
    for (const [bucket, value] of features) score += (model.weights[offset + bucket] ?? 0) * value;
    return score;
  });
  return softmax(scores);
}

/** Classifies a masked question. */
export function classifyIntent(model: IntentModel, maskedText: string): IntentScores {
  const probabilities = predictFeatures(model, intentFeatures(maskedText, model.buckets));
  const byIntent = Object.fromEntries(intentNames.map((name) => [name, 0])) as Record<Intent, number>;
  model.classes.forEach((name, index) => (byIntent[name] = probabilities[index] ?? 0));
  const best = model.classes.reduce((winner, name) => (byIntent[name] > byIntent[winner] ? name : winner), model.classes[0] ?? 'benign');
  return { best, probabilities: byIntent };
}
