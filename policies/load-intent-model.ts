/**
 * Reads the trained intent model (`policies/intent/intent-model.json`, issue #17) and its stored form: int8
 * weights per class with one scale each, base64-encoded, so the file stays small and diffable by version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { intentNames, type IntentModel } from '../bot/core/guardrails/intent-classifier.ts';
import { PolicyError } from './read-policy-file.ts';

/** The stored model as written by `scripts/train-intent-model.ts`. */
export const storedIntentModelSchema = z.object({
  version: z.string().min(1),
  buckets: z
    .number()
    .int()
    .positive()
    .max(1 << 20),
  classes: z.array(z.enum(intentNames)).min(2),
  bias: z.array(z.number()),
  scales: z.array(z.number().positive()),
  weights: z.string().min(1),
});

/** The stored model. */
export type StoredIntentModel = z.infer<typeof storedIntentModelSchema>;

/** Quantises trained weights to int8 rows with one scale per class. */
export function storeIntentModel(model: IntentModel): StoredIntentModel {
  const rows = model.classes.length;
  const scales: number[] = [];
  const bytes = new Int8Array(rows * model.buckets);
  for (let row = 0; row < rows; row++) {
    const slice = model.weights.subarray(row * model.buckets, (row + 1) * model.buckets);
    const top = slice.reduce((max, value) => Math.max(max, Math.abs(value)), 0) || 1;
    scales.push(top / 127);
    slice.forEach((value, index) => (bytes[row * model.buckets + index] = Math.round((value / top) * 127)));
  }
  return {
    version: model.version,
    buckets: model.buckets,
    classes: [...model.classes],
    bias: [...model.bias],
    scales,
    weights: Buffer.from(bytes.buffer).toString('base64'),
  };
}

/** Decodes a stored model; throws a `PolicyError` when it does not fit together. */
export function decodeIntentModel(stored: StoredIntentModel): IntentModel {
  const bytes = new Int8Array(Buffer.from(stored.weights, 'base64'));
  const rows = stored.classes.length;
  if (bytes.length !== rows * stored.buckets || stored.bias.length !== rows || stored.scales.length !== rows) {
    throw new PolicyError(`intent model ${stored.version}: ${bytes.length} weights for ${rows} classes × ${stored.buckets} buckets`);
  }
  const weights = new Float32Array(bytes.length);
  bytes.forEach((value, index) => (weights[index] = value * stored.scales[Math.floor(index / stored.buckets)]!));
  return { version: stored.version, buckets: stored.buckets, classes: stored.classes, bias: stored.bias, weights };
}

/** Loads the model file, or `undefined` when the folder has none (policy folders of tests). */
export function loadIntentModel(file: string): IntentModel | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = storedIntentModelSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new PolicyError(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return decodeIntentModel(parsed.data);
}
