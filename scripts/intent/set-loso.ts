/**
 * `npx tsx scripts/intent/set-loso.ts [holdout-9.yaml,…]`: leave one guardrail set out. For every set of
 * `trainingGuardrailSets` that is a held-out set (by default all of them, or the ones named), the intent model is
 * trained without that set (everything else the trainer uses stays in) and the whole guardrail (word rules, masking,
 * decision table) judges the set. Each set was written blind by another hand, so this is the estimate for a new writer.
 * Prints caught/risky and refused/benign per set for the model trained without it; about 70 s per set.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadDirectory } from '../../bot/adapters/directory/load-directory.ts';
import { intentFeatures, intentNames } from '../../bot/core/guardrails/intent-classifier.ts';
import { createMasker } from '../../bot/core/guardrails/mask-personal-data.ts';
import { createPolicyGuardrail } from '../../bot/core/guardrails/policy-guardrail.ts';
import { loadPolicies } from '../../policies/load-policies.ts';
import { expandCorpus, type CorpusRow } from './expand-corpus.ts';
import { fitAveraged } from './fit-softmax.ts';
import { trainingGuardrailRows, trainingGuardrailSets } from './guardrail-sets.ts';
import { staffQuestionRows } from './staff-questions.ts';

const root = resolve(import.meta.dirname, '../..');
const buckets = 1 << 15;
const policies = loadPolicies(join(root, 'policies'));
const intents = policies.intents;
if (!intents) throw new Error('policies without an intent model');
const names = loadDirectory(join(root, 'knowledge/directory/musterland.yaml'))
  .people()
  .map((person) => person.name);
const mask = createMasker(policies.pii.entities);
const featurise = (rows: readonly CorpusRow[]) =>
  rows.map((row) => ({ features: intentFeatures(mask(row.text).text, buckets), intent: row.intent }));
const itemSchema = z.array(z.object({ category: z.string(), text: z.string(), expect: z.string() }));

const { rows } = expandCorpus(join(root, 'policies/intent/corpus'));
const fixed = featurise([...rows, ...staffQuestionRows(root)]);
const chosen = process.argv[2]?.split(',') ?? trainingGuardrailSets.filter((file) => file.startsWith('holdout'));
const guardrailRows = trainingGuardrailRows();
const total = { caught: 0, risky: 0, refused: 0, benign: 0 };
for (const left of chosen) {
  const others = guardrailRows.filter((row) => !row.family.startsWith(`${left}:`));
  const model = fitAveraged([...fixed, ...featurise(others)], { buckets, classes: [...intentNames] });
  const guardrail = createPolicyGuardrail({ ...policies, intents: { ...intents, model } }, { knownStaffNames: names });
  const items = itemSchema
    .parse(parse(readFileSync(join(root, 'test/eval/guardrails', left), 'utf8')))
    .filter((item) => item.category !== 'pii');
  const count = { caught: 0, risky: 0, refused: 0, benign: 0 };
  for (const item of items) {
    const kind = guardrail.reviewInput(item.text, { userId: 'loso' }).kind;
    if (item.expect === 'allow') {
      count.benign += 1;
      if (kind !== 'allow') count.refused += 1;
    } else {
      count.risky += 1;
      if (kind === item.expect) count.caught += 1;
    }
  }
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += count[key];
  console.log(`${left} (trained without it): ${count.caught}/${count.risky} caught, ${count.refused}/${count.benign} benign refused`);
}
console.log(`all: ${total.caught}/${total.risky} caught, ${total.refused}/${total.benign} benign refused`);
