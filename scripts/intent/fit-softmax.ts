/**
 * Fits the multinomial logistic regression of the intent check: plain SGD on the softmax cross-entropy with
 * class weights (inverse frequency) and L2 weight decay, seeded shuffling for reproducible weights.
 */
import { predictFeatures, softmax, type Intent, type IntentModel } from '../../bot/core/guardrails/intent-classifier.ts';
import { seededRandom } from './expand-corpus.ts';

/** One featurised example. */
export interface Example {
  readonly features: ReadonlyMap<number, number>;
  readonly intent: Intent;
}

/** Training settings. */
export interface FitOptions {
  readonly buckets: number;
  readonly classes: readonly Intent[];
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
  readonly version?: string;
}

/** Trains a model on the examples. */
export function fitSoftmax(examples: readonly Example[], options: FitOptions): IntentModel {
  const { buckets, classes } = options;
  const epochs = options.epochs ?? 40;
  const l2 = options.l2 ?? 2e-5;
  const weights = new Float32Array(classes.length * buckets);
  const bias = classes.map(() => 0);
  const counts = classes.map((name) => examples.filter((example) => example.intent === name).length);
  // Square-root balancing: rare intents count more, without pushing ordinary questions over the line.
  const classWeight = counts.map((count) => (count ? Math.sqrt(examples.length / (classes.length * count)) : 0));
  const random = seededRandom(options.seed ?? 7);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap]!, order[index]!];
    }
    const rate = (options.learningRate ?? 3) / (1 + epoch * 0.2);
    for (const position of order) {
      const example = examples[position]!;
      const target = classes.indexOf(example.intent);
      const scores = classes.map((_, row) => {
        let score = bias[row]!;
        for (const [bucket, value] of example.features) score += weights[row * buckets + bucket]! * value;
        return score;
      });
      const probabilities = softmax(scores);
      const weight = classWeight[target]!;
      probabilities.forEach((probability, row) => {
        const gradient = (probability - (row === target ? 1 : 0)) * weight;
        bias[row] = bias[row]! - rate * gradient;
        for (const [bucket, value] of example.features)
          weights[row * buckets + bucket] = weights[row * buckets + bucket]! - rate * gradient * value;
      });
    }
    const decay = 1 - (rate * l2 * examples.length) / 100;
    for (let index = 0; index < weights.length; index++) weights[index] = weights[index]! * decay;
  }
  return { version: options.version ?? 'dev', buckets, classes, bias, weights };
}

/** Averages the weights of fits with different shuffling seeds: steadier decisions near the thresholds. */
export function fitAveraged(examples: readonly Example[], options: FitOptions, seeds: readonly number[] = [7, 11, 13]): IntentModel {
  const fits = seeds.map((seed) => fitSoftmax(examples, { ...options, seed }));
  const weights = new Float32Array(fits[0]!.weights.length);
  for (const fit of fits) fit.weights.forEach((value, index) => (weights[index] = weights[index]! + value / fits.length));
  const bias = fits[0]!.bias.map((_, row) => fits.reduce((sum, fit) => sum + fit.bias[row]!, 0) / fits.length);
  return { ...fits[0]!, bias, weights };
}

/** Probabilities of each example under a model. */
export function predictAll(model: IntentModel, examples: readonly Example[]): number[][] {
  return examples.map((example) => predictFeatures(model, example.features));
}
