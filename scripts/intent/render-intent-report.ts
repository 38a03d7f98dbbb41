/**
 * Renders the report of the intent model: precision and recall per intent and the share of benign
 * questions flagged, for several thresholds, on family-held-out cross-validation and the held-out sets.
 */
import type { Intent } from '../../bot/core/guardrails/intent-classifier.ts';

/** Predictions on data the fit never saw. */
export interface Evaluation {
  readonly rows: readonly { readonly intent: Intent; readonly probabilities: readonly number[] }[];
}

/** What the report shows. */
export interface ReportInput {
  readonly modelVersion: string;
  readonly buckets: number;
  readonly classes: readonly Intent[];
  readonly trainingRows: number;
  readonly families: number;
  readonly crossValidation: Evaluation;
  readonly heldOut: Evaluation;
  /** File names of the held-out guardrail sets. */
  readonly heldOutSets: readonly string[];
}

/** The flagged intent under the rule the guardrail applies: the most likely non-benign intent at ≥ threshold. */
export function flaggedIntent(classes: readonly Intent[], probabilities: readonly number[], threshold: number): Intent {
  let best: Intent = 'benign';
  let top = threshold;
  classes.forEach((name, index) => {
    if (name !== 'benign' && (probabilities[index] ?? 0) >= top) {
      best = name;
      top = probabilities[index]!;
    }
  });
  return best;
}

const pct = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');

function table(classes: readonly Intent[], evaluation: Evaluation, threshold: number): string {
  const predicted = evaluation.rows.map((row) => flaggedIntent(classes, row.probabilities, threshold));
  const lines = ['| intent | n | precision | recall |', '|---|---|---|---|'];
  for (const intent of classes) {
    const relevant = evaluation.rows.filter((row) => row.intent === intent).length;
    const chosen = predicted.filter((name) => name === intent).length;
    const hits = predicted.filter((name, index) => name === intent && evaluation.rows[index]!.intent === intent).length;
    lines.push(`| ${intent} | ${relevant} | ${pct(hits, chosen)} | ${pct(hits, relevant)} |`);
  }
  const harmful = evaluation.rows.map((row, index) => [row.intent, predicted[index]!] as const);
  const benign = harmful.filter(([truth]) => truth === 'benign');
  const bad = harmful.filter(([truth]) => truth !== 'benign');
  lines.push(
    '',
    `Flagged at all (any non-benign intent): ${pct(bad.filter(([, guess]) => guess !== 'benign').length, bad.length)} of ${bad.length} non-benign; benign flagged: ${pct(benign.filter(([, guess]) => guess !== 'benign').length, benign.length)} of ${benign.length}.`,
  );
  return lines.join('\n');
}

/**
 * Per intent, the smallest threshold (0.5 … 0.95) at which at most `budget` of the benign rows reach that intent's
 * probability: the data-driven starting point for `threshold` in `decision-table.yaml`.
 */
export function suggestedThresholds(
  classes: readonly Intent[],
  evaluation: Evaluation,
  budgets: readonly number[] = [0.005, 0.01, 0.02],
): string {
  const benign = evaluation.rows.filter((row) => row.intent === 'benign');
  const lines = [
    `| intent | ${budgets.map((budget) => `≤ ${budget * 100} % benign: threshold (recall)`).join(' | ')} |`,
    `|---|${budgets.map(() => '---').join('|')}|`,
  ];
  classes.forEach((intent, index) => {
    if (intent === 'benign') return;
    const steps = Array.from({ length: 10 }, (_, step) => 0.5 + step * 0.05);
    const own = evaluation.rows.filter((row) => row.intent === intent);
    const cells = budgets.map((budget) => {
      const chosen =
        steps.find((threshold) => benign.filter((row) => (row.probabilities[index] ?? 0) >= threshold).length <= budget * benign.length) ??
        0.95;
      return `${chosen.toFixed(2)} (${pct(own.filter((row) => (row.probabilities[index] ?? 0) >= chosen).length, own.length)})`;
    });
    lines.push(`| ${intent} | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}

/** The Markdown report. */
export function renderIntentReport(input: ReportInput): string {
  const sections = [0.5, 0.6, 0.7].map(
    (threshold) =>
      `### Threshold ${threshold}\n\nCross-validation (whole phrasing families held out, 5 folds):\n\n${table(input.classes, input.crossValidation, threshold)}\n\nHeld-out guardrail sets (${input.heldOutSets.join(' + ')}, never trained on):\n\n${table(input.classes, input.heldOut, threshold)}`,
  );
  return [
    `# Intent model report`,
    '',
    `Model ${input.modelVersion}: multinomial logistic regression over ${input.buckets} hashed buckets (word 1–2-grams, character 3–5-grams of the masked question), ${input.trainingRows} training rows from ${input.families} hand-written phrasing families plus the guardrail sets of \`trainingGuardrailSets\` (tuning corpora and held-out sets 1–15). Written by \`npm run train:intent\`; do not edit.`,
    '',
    "### Suggested thresholds (share of held-out-family benign rows that reach the intent's threshold)",
    '',
    suggestedThresholds(input.classes, input.crossValidation),
    '',
    ...sections,
    '',
  ].join('\n');
}
