/**
 * `npx tsx scripts/intent/family-cv.ts <out.json> [--l2 x] [--skip file.yaml,…] [--seed n]`: cross-validation of the intent
 * check with every phrasing family held out as a whole, including the tuning corpora (one family per file and
 * category) and the development staff questions (one family per file), so that ordinary questions of a kind the
 * fit never saw are measured too. Writes log-probabilities per row for `scripts/intent/cv-decide.ts`; never reads
 * a held-out set.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { intentFeatures, intentNames } from '../../bot/core/guardrails/intent-classifier.ts';
import { createMasker } from '../../bot/core/guardrails/mask-personal-data.ts';
import { loadPolicies } from '../../policies/load-policies.ts';
import { expandCorpus, seededRandom, type CorpusRow } from './expand-corpus.ts';
import { fitAveraged, predictAll } from './fit-softmax.ts';
import { staffQuestionRows } from './staff-questions.ts';
import { trainingGuardrailRows } from './guardrail-sets.ts';

const root = resolve(import.meta.dirname, '../..');
const argument = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const buckets = 1 << 15;
const folds = 5;
const skip = new Set((argument('--skip') ?? '').split(',').filter(Boolean));
const l2 = Number(argument('--l2') ?? '2e-5');
const { rows: corpusRows } = expandCorpus(join(root, 'policies/intent/corpus'), 3, 17, skip);
const rows = [...corpusRows, ...trainingGuardrailRows(), ...staffQuestionRows(root)];
const mask = createMasker(loadPolicies(join(root, 'policies')).pii.entities);
const masked = rows.map((row) => mask(row.text));
const examples = rows.map((row, index) => ({ features: intentFeatures(masked[index]!.text, buckets), intent: row.intent }));
const random = seededRandom(Number(argument('--seed') ?? '3'));
const foldOf = new Map<string, number>();
for (const intent of intentNames) {
  const families = [...new Set(rows.filter((row) => row.intent === intent).map((row) => row.family))].sort(() => random() - 0.5);
  families.forEach((family, index) => foldOf.set(family, index % folds));
}
const logProbabilities: number[][] = rows.map(() => []);
for (let fold = 0; fold < folds; fold++) {
  const train = examples.filter((_, index) => foldOf.get(rows[index]!.family) !== fold);
  const model = fitAveraged(train, { buckets, classes: [...intentNames], l2 }, [7]);
  const testIndex = rows.map((_, index) => index).filter((index) => foldOf.get(rows[index]!.family) === fold);
  const predicted = predictAll(
    model,
    testIndex.map((index) => examples[index]!),
  );
  testIndex.forEach((index, position) => (logProbabilities[index] = predicted[position]!.map((value) => Math.log(Math.max(value, 1e-12)))));
  console.error(`fold ${fold}: ${testIndex.length} rows`);
}
const out = rows.map((row, index) => ({
  ...row,
  masked: masked[index]!.text,
  personal: masked[index]!.found.length > 0,
  found: [...new Set(masked[index]!.found)],
  logp: logProbabilities[index],
}));
writeFileSync(process.argv[2]!, JSON.stringify({ classes: intentNames, l2, rows: out }));
