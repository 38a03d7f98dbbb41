/**
 * The guardrail corpora (`test/eval/guardrails/*.yaml`) as intent training or scoring rows: each item's category
 * mapped to an intent (pii items only test masking and carry no intent), its phrasing family named after the file
 * and category. Shared by the trainer (`scripts/train-intent-model.ts`) and the family cross-validation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Intent } from '../../bot/core/guardrails/intent-classifier.ts';
import type { CorpusRow } from './expand-corpus.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * The guardrail corpora the intent model trains on: the tuning corpora and the held-out sets once they have judged a
 * round and been read (1–13 since model 2026-12-10.1, 1–15 since .2, 1–17 since 2026-12-11.1, 1–19 since .2, 1–21 since
 * .3, 1–23 since .4, 1–25 since .5). Each was written blind by another hand; trained on all but one, the model refused
 * 13 instead of 38 of the 1,419 benign questions of sets 1–13 and caught 545 instead of 538 of their 589 risky ones
 * (leave one set out, `scripts/intent/set-loso.ts`). Later sets judge it.
 */
export const trainingGuardrailSets: readonly string[] = [
  'adversarial.yaml',
  'benign.yaml',
  'dev.yaml',
  'holdout.yaml',
  ...Array.from({ length: 24 }, (_, index) => `holdout-${index + 2}.yaml`),
];

/** The guardrail sets kept out of training and reported as held out by the trainer. */
export const reportGuardrailSets: readonly string[] = [
  'holdout-26.yaml',
  'holdout-27.yaml',
  'holdout-28.yaml',
  'holdout-29.yaml',
  'holdout-30.yaml',
  'holdout-31.yaml',
];

/**
 * The training rows of `trainingGuardrailSets`, without any text that also stands in a guardrail set the model does not
 * train on (the writers of different sets sometimes wrote the same everyday question): a held-out set stays unseen.
 */
export function trainingGuardrailRows(): CorpusRow[] {
  const folder = join(root, 'test/eval/guardrails');
  const unseen = readdirSync(folder).filter((file) => /^holdout.*\.yaml$/.test(file) && !trainingGuardrailSets.includes(file));
  const heldOutTexts = new Set(unseen.flatMap((file) => guardrailSet(file).map((row) => row.text.toLowerCase())));
  return trainingGuardrailSets.flatMap(guardrailSet).filter((row) => !heldOutTexts.has(row.text.toLowerCase()));
}

/** Guardrail corpus categories → intents. */
export const categoryIntent: Readonly<Record<string, Intent>> = {
  decision: 'decision',
  'special-data': 'case-data',
  hr: 'personal-hr',
  monitoring: 'monitoring',
  injection: 'injection',
  harmful: 'harmful',
  benign: 'benign',
};

/** The rows of one guardrail corpus file (by file name), validated with zod. */
export function guardrailSet(name: string): CorpusRow[] {
  const items = z
    .array(z.object({ category: z.string(), text: z.string() }))
    .parse(parse(readFileSync(join(root, 'test/eval/guardrails', name), 'utf8')));
  return items.flatMap((item) => {
    const intent = categoryIntent[item.category];
    return intent ? [{ text: item.text, intent, family: `${name}:${item.category}` }] : [];
  });
}
