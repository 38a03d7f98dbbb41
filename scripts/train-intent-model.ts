/**
 * `npm run train:intent`: trains the intent check of the guardrail (issue #17) and writes
 * `policies/intent/intent-model.json` plus its report `policies/intent/intent-model.report.md`.
 * Training data: the hand-written families of `policies/intent/corpus/` (expanded), the guardrail corpora of
 * `test/eval/guardrails` listed in `trainingGuardrailSets` (the tuning corpora and the held-out sets 1–15) and, as benign rows, the ordinary staff questions of the
 * development question sets (`scripts/intent/staff-questions.ts`). Reported numbers come from data the fit never
 * saw: 5-fold cross-validation that holds out whole phrasing families, and the guardrail sets of `reportGuardrailSets`.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { intentFeatures, intentNames } from '../bot/core/guardrails/intent-classifier.ts';
import { createMasker } from '../bot/core/guardrails/mask-personal-data.ts';
import { loadPolicies } from '../policies/load-policies.ts';
import { storeIntentModel } from '../policies/load-intent-model.ts';
import { expandCorpus, seededRandom, type CorpusRow } from './intent/expand-corpus.ts';
import { fitAveraged, predictAll, type Example } from './intent/fit-softmax.ts';
import { renderIntentReport, type Evaluation } from './intent/render-intent-report.ts';
import { staffQuestionRows } from './intent/staff-questions.ts';
import { guardrailSet, reportGuardrailSets, trainingGuardrailRows } from './intent/guardrail-sets.ts';

const root = resolve(import.meta.dirname, '..');
const buckets = 1 << 15;
const folds = 5;
const mask = createMasker(loadPolicies(join(root, 'policies')).pii.entities);
const featurise = (rows: readonly CorpusRow[]): Example[] =>
  rows.map((row) => ({ features: intentFeatures(mask(row.text).text, buckets), intent: row.intent }));

function evaluate(rows: readonly CorpusRow[], probabilities: readonly number[][]): Evaluation {
  return { rows: rows.map((row, index) => ({ intent: row.intent, probabilities: probabilities[index]! })) };
}

const { version, rows } = expandCorpus(join(root, 'policies/intent/corpus'));
const legacy = [...trainingGuardrailRows(), ...staffQuestionRows(root)];
const heldOutRows = reportGuardrailSets.flatMap(guardrailSet);
const classes = [...intentNames];

// Cross-validation by family: each intent's families are dealt round-robin (seeded order) to the folds.
const random = seededRandom(3);
const foldOf = new Map<string, number>();
for (const intent of classes) {
  const families = [...new Set(rows.filter((row) => row.intent === intent).map((row) => row.family))].sort(() => random() - 0.5);
  families.forEach((family, index) => foldOf.set(family, index % folds));
}
const legacyExamples = featurise(legacy);
const cvRows: CorpusRow[] = [];
const cvProbabilities: number[][] = [];
for (let fold = 0; fold < folds; fold++) {
  const train = rows.filter((row) => foldOf.get(row.family) !== fold);
  const test = rows.filter((row) => foldOf.get(row.family) === fold);
  const model = fitAveraged([...featurise(train), ...legacyExamples], { buckets, classes });
  cvRows.push(...test);
  cvProbabilities.push(...predictAll(model, featurise(test)));
}

const modelVersion = `${version}+${new Date().toISOString().slice(0, 10)}`;
const finalModel = fitAveraged([...featurise(rows), ...legacyExamples], { buckets, classes, version: modelVersion });
const heldOut = predictAll(finalModel, featurise(heldOutRows));
writeFileSync(join(root, 'policies/intent/intent-model.json'), `${JSON.stringify(storeIntentModel(finalModel))}\n`);
const report = renderIntentReport({
  modelVersion,
  buckets,
  classes,
  trainingRows: rows.length + legacy.length,
  families: new Set(rows.map((row) => row.family)).size,
  crossValidation: evaluate(cvRows, cvProbabilities),
  heldOut: evaluate(heldOutRows, heldOut),
  heldOutSets: reportGuardrailSets,
});
writeFileSync(join(root, 'policies/intent/intent-model.report.md'), report);
console.log(report);
