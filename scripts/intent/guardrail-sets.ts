/**
 * The guardrail corpora (`test/eval/guardrails/*.yaml`) as intent training or scoring rows: each item's category
 * mapped to an intent (pii items only test masking and carry no intent), its phrasing family named after the file
 * and category. Shared by the trainer (`scripts/train-intent-model.ts`) and the family cross-validation.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Intent } from '../../bot/core/guardrails/intent-classifier.ts';
import type { CorpusRow } from './expand-corpus.ts';

const root = resolve(import.meta.dirname, '../..');

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
