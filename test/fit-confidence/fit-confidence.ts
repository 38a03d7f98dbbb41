/**
 * `npm run fit:confidence`: fits the answer/abstain model on labelled features (see collect-features.ts),
 * reports how it does on data the fit never saw, and writes the model as a versioned data file
 * (bot/core/retrieval/confidence-model.ts) with its report (docs/measurements/confidence-fit.md).
 *
 * Protocol: (1) 5-fold cross-validation over seeds-dev — each fold is scored by a model fitted on the other
 * folds plus the other sets; (2) every other fitted seed set (seeds-own, -own-2 … -own-14, -train-1, -train-2) scored
 * by a model fitted without that whole set (leave one set out: each set was written by another hand, so this is the
 * honest estimate for a new writer); (3) XQuAD-de scored by 5-fold cross-validation. The threshold is chosen on the training part only (smallest larger error on the seed
 * questions, each error measured in the tolerance the issue states). The shipped model is then fitted on everything and its bias shifted so that the chosen
 * threshold maps to ANSWER_MIN_CONFIDENCE (0.4).
 *
 * (4) The held-out sets (`heldOut` in test/eval/seed-question-sets.ts: seeds-own-15, -own-16, seeds-fresh) are scored by the
 * shipped model only: they are never part of any fit or threshold choice.
 *
 * `--features <file>` reuses collected features instead of running the pipeline; `--exclude <set>` fits the shipped
 * model without that set (to score it end to end on a model that never saw it). Environment: FIT_L2, FIT_XQUAD_SHARE.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { featureDirections, featureNames, type EvidenceFeatures } from '../../bot/core/retrieval/confidence.ts';
import { seedQuestionSets } from '../eval/seed-question-sets.ts';
import { collectAll, type FeatureRow } from './collect-features.ts';
import { auroc, fitLogisticWithSigns, predict, ratesAt, type Example, type LogisticModel } from './logistic-regression.ts';
import { renderModelFile, renderReport, type FitReport, type SetScore } from './render-fit.ts';

const root = resolve(import.meta.dirname, '../..');
const minConfidence = 0.4;
const l2 = Number(process.env.FIT_L2 ?? 5);
/** XQuAD rows are many and written in another style: together they weigh as much as the seed questions. */
const xquadShare = Number(process.env.FIT_XQUAD_SHARE ?? 0.6);
const folds = 5;
/**
 * The tolerances issue #16 states for unseen questions: at most 8 % of answerable questions wrongly abstained, at
 * most 12 % of unanswerable ones answered (≥ 88 % abstained). The threshold minimises the larger of the two error
 * rates, each measured in its tolerance, so that neither error is traded away for the other.
 */
const tolerance = { wronglyAbstained: 0.08, wronglyAnswered: 0.12 } as const;

const vector = (features: EvidenceFeatures): number[] => featureNames.map((name) => features[name]);
/** The model's score of a row; rows the pipeline abstained on before the model score 0. */
const scoreOf = (model: LogisticModel, row: FeatureRow): number => (row.abstainedBefore ? 0 : predict(model, vector(row.features)));
const signs = featureNames.map((name) => featureDirections[name]);

function examplesOf(all: readonly FeatureRow[]): Example[] {
  const rows = all.filter((row) => !row.abstainedBefore);
  const seeds = rows.filter((row) => row.set !== 'xquad').length;
  const xquad = rows.filter((row) => row.set === 'xquad').length;
  const xquadWeight = xquad ? (xquadShare * Math.max(1, seeds)) / xquad : 0;
  return rows.map((row) => ({ x: vector(row.features), y: row.label, weight: row.set === 'xquad' ? xquadWeight : 1 }));
}

const fit = (training: readonly FeatureRow[]): LogisticModel => fitLogisticWithSigns(examplesOf(training), signs, l2);

/** The threshold whose larger error (in its tolerance) is smallest on the seed rows of the training part; ties go lower. */
function chooseThreshold(model: LogisticModel, training: readonly FeatureRow[]): number {
  const seeds = training.filter((row) => row.set !== 'xquad');
  const scored = (seeds.length ? seeds : training).map((row) => ({ score: scoreOf(model, row), y: row.label }));
  let best = { threshold: 0.5, value: Number.POSITIVE_INFINITY };
  for (const candidate of [...new Set(scored.map((row) => row.score))].sort((a, b) => a - b)) {
    const rates = ratesAt(scored, candidate);
    const value = Math.max((1 - rates.answered) / tolerance.wronglyAbstained, (1 - rates.abstained) / tolerance.wronglyAnswered);
    if (value < best.value - 1e-9) best = { threshold: candidate, value };
  }
  return best.threshold;
}

function score(set: string, tested: readonly FeatureRow[], scores: readonly number[], thresholds: readonly number[]): SetScore {
  const scored = tested.map((row, index) => ({ score: scores[index]!, y: row.label, pass: scores[index]! >= thresholds[index]! }));
  const positives = scored.filter((row) => row.y === 1);
  const negatives = scored.filter((row) => row.y === 0);
  const byKind = new Map<string, { n: number; abstained: number }>();
  tested.forEach((row, index) => {
    if (row.label === 1) return;
    const entry = byKind.get(row.kind) ?? { n: 0, abstained: 0 };
    entry.n += 1;
    entry.abstained += scored[index]!.pass ? 0 : 1;
    byKind.set(row.kind, entry);
  });
  return {
    set,
    answerable: positives.length,
    unanswerable: negatives.length,
    auroc: auroc(
      positives.map((row) => row.score),
      negatives.map((row) => row.score),
    ),
    answered: positives.filter((row) => row.pass).length / Math.max(1, positives.length),
    abstained: negatives.filter((row) => !row.pass).length / Math.max(1, negatives.length),
    byKind: Object.fromEntries(byKind),
  };
}

const foldOf = (row: FeatureRow, index: number): number => index % folds;

function crossValidate(set: string, rows: readonly FeatureRow[]): SetScore {
  const tested = rows.filter((row) => row.set === set);
  const others = rows.filter((row) => row.set !== set);
  const scores: number[] = [];
  const thresholds: number[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = [...others, ...tested.filter((row, index) => foldOf(row, index) !== fold)];
    const model = fit(training);
    const threshold = chooseThreshold(model, training);
    tested.forEach((row, index) => {
      if (foldOf(row, index) !== fold) return;
      scores[index] = scoreOf(model, row);
      thresholds[index] = threshold;
    });
  }
  return score(`${set} (5-fold cross-validation)`, tested, scores, thresholds);
}

function heldOut(set: string, rows: readonly FeatureRow[]): SetScore {
  const tested = rows.filter((row) => row.set === set);
  const training = rows.filter((row) => row.set !== set);
  const model = fit(training);
  const threshold = chooseThreshold(model, training);
  const scores = tested.map((row) => scoreOf(model, row));
  return score(
    `${set} (held out: fitted without it)`,
    tested,
    scores,
    scores.map(() => threshold),
  );
}

const args = process.argv.slice(2);
const featuresFile = args.includes('--features')
  ? args[args.indexOf('--features') + 1]!
  : join(root, 'bench-results/confidence-features.json');
const excluded = args.includes('--exclude') ? args[args.indexOf('--exclude') + 1] : undefined;
const collected: FeatureRow[] =
  args.includes('--features') && existsSync(featuresFile)
    ? (JSON.parse(readFileSync(featuresFile, 'utf8')) as FeatureRow[])
    : await collectAll(featuresFile);
/** The held-out sets: never fitted on, never used to choose anything; only scored by the shipped model. */
const heldOutSets = seedQuestionSets(root)
  .filter((set) => set.heldOut)
  .map((set) => set.name);
const rows = collected.filter((row) => row.set !== excluded && !heldOutSets.includes(row.set));
const sets = [...new Set(rows.map((row) => row.set))];
const evaluations: SetScore[] = [];
if (sets.includes('seeds-dev')) evaluations.push(crossValidate('seeds-dev', rows));
for (const set of sets.filter((name) => name !== 'xquad' && name !== 'seeds-dev')) evaluations.push(heldOut(set, rows));
if (sets.includes('xquad')) evaluations.push(crossValidate('xquad', rows));
const fitted = fit(rows);
const threshold = chooseThreshold(fitted, rows);
// Shift the bias so that the chosen threshold becomes ANSWER_MIN_CONFIDENCE.
const logit = (p: number): number => Math.log(p / (1 - p));
const model: LogisticModel = { weights: fitted.weights, bias: fitted.bias - logit(threshold) + logit(minConfidence) };
for (const set of heldOutSets) {
  const tested = collected.filter((row) => row.set === set);
  if (!tested.length) continue;
  const scores = tested.map((row) => scoreOf(fitted, row));
  evaluations.push(
    score(
      `${set} (held out: scored by the shipped model, not fitted on it)`,
      tested,
      scores,
      scores.map(() => threshold),
    ),
  );
}
const report: FitReport = {
  fittedAt: new Date().toISOString().slice(0, 10),
  rows: Object.fromEntries(
    sets.map((set) => [
      set,
      {
        answerable: rows.filter((r) => r.set === set && r.label === 1).length,
        unanswerable: rows.filter((r) => r.set === set && r.label === 0).length,
      },
    ]),
  ),
  l2,
  xquadShare,
  threshold,
  minConfidence,
  evaluations,
};
writeFileSync(join(root, 'bot/core/retrieval/confidence-model.ts'), renderModelFile(model, featureNames, report));
mkdirSync(join(root, 'docs/measurements'), { recursive: true });
writeFileSync(join(root, 'docs/measurements/confidence-fit.md'), renderReport(model, featureNames, report));
for (const evaluation of evaluations) console.log(JSON.stringify(evaluation));
console.log(`threshold ${threshold.toFixed(3)} → ${minConfidence}; model and report written`);
