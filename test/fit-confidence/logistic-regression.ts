/**
 * L2-regularised logistic regression with sample weights, fitted by Newton's method (IRLS) on standardised
 * features, plus the metrics the fit report needs (AUROC, rates at a threshold).
 *
 * Written here rather than taken from a package: the model has about a dozen features and a few thousand
 * rows, runs only at development time (`npm run fit:confidence`), and the product applies the result as a
 * dot product; the npm candidates (ml-logistic-regression and similar) fit by plain gradient descent without
 * sample weights or regularisation control.
 */

/** A fitted model in the original feature scale: p = σ(bias + Σ weights[i]·x[i]). */
export interface LogisticModel {
  readonly weights: readonly number[];
  readonly bias: number;
}

/** One training example. */
export interface Example {
  readonly x: readonly number[];
  readonly y: 0 | 1;
  readonly weight: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const head = a[col]![col]!;
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = a[row]![col]! / head;
      for (let k = col; k <= n; k += 1) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, index) => row[n]! / row[index]!);
}

/** Fits the model; `l2` is the penalty on the standardised weights (not on the bias). */
export function fitLogistic(examples: readonly Example[], l2 = 1, iterations = 50): LogisticModel {
  const dims = examples[0]?.x.length ?? 0;
  const total = examples.reduce((sum, example) => sum + example.weight, 0);
  const mean = Array.from({ length: dims }, (_, i) => examples.reduce((sum, e) => sum + e.weight * e.x[i]!, 0) / total);
  const scale = mean.map((m, i) => Math.sqrt(examples.reduce((sum, e) => sum + e.weight * (e.x[i]! - m) ** 2, 0) / total) || 1);
  const rows = examples.map((e) => [1, ...e.x.map((value, i) => (value - mean[i]!) / scale[i]!)]);
  let beta = new Array<number>(dims + 1).fill(0);
  for (let step = 0; step < iterations; step += 1) {
    const gradient = new Array<number>(dims + 1).fill(0);
    const hessian = Array.from({ length: dims + 1 }, () => new Array<number>(dims + 1).fill(0));
    rows.forEach((row, index) => {
      const { y, weight } = examples[index]!;
      const p = sigmoid(row.reduce((sum, value, i) => sum + value * beta[i]!, 0));
      for (let i = 0; i <= dims; i += 1) {
        gradient[i]! += weight * (p - y) * row[i]!;
        for (let j = 0; j <= dims; j += 1) hessian[i]![j]! += weight * p * (1 - p) * row[i]! * row[j]!;
      }
    });
    for (let i = 1; i <= dims; i += 1) {
      gradient[i]! += l2 * beta[i]!;
      hessian[i]![i]! += l2;
    }
    const delta = solve(hessian, gradient);
    beta = beta.map((value, i) => value - delta[i]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
  }
  const weights = beta.slice(1).map((value, i) => value / scale[i]!);
  const bias = beta[0]! - weights.reduce((sum, w, i) => sum + w * mean[i]!, 0);
  return { weights, bias };
}

/**
 * Fits with sign constraints: a feature whose weight comes out against its known direction (+1 rises with
 * answerability, -1 falls, 0 free) is left out and the model refitted, until every weight agrees. Keeps the
 * model explainable and stops collinear features from taking weights of the wrong sign.
 */
export function fitLogisticWithSigns(examples: readonly Example[], signs: readonly number[], l2 = 1): LogisticModel {
  const active = signs.map(() => true);
  for (;;) {
    const columns = active.flatMap((on, index) => (on ? [index] : []));
    const reduced = fitLogistic(
      examples.map((e) => ({ ...e, x: columns.map((index) => e.x[index]!) })),
      l2,
    );
    const weights = signs.map(() => 0);
    columns.forEach((index, position) => (weights[index] = reduced.weights[position]!));
    const wrong = columns.filter((index) => signs[index]! * weights[index]! < 0);
    if (!wrong.length) return { weights, bias: reduced.bias };
    // Drop the most wrong one and refit (one at a time: dropping one often fixes the sign of another).
    const worst = wrong.reduce((a, b) => (Math.abs(weights[a]!) >= Math.abs(weights[b]!) ? a : b));
    active[worst] = false;
  }
}

/** The model's probability for a feature vector. */
export function predict(model: LogisticModel, x: readonly number[]): number {
  return sigmoid(model.bias + model.weights.reduce((sum, w, i) => sum + w * x[i]!, 0));
}

/** Area under the ROC curve of scores for positives vs negatives (ties count half). */
export function auroc(positives: readonly number[], negatives: readonly number[]): number {
  if (!positives.length || !negatives.length) return Number.NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** Rates at a threshold: share of positives answered and of negatives abstained. */
export function ratesAt(scored: readonly { score: number; y: 0 | 1 }[], threshold: number): { answered: number; abstained: number } {
  const positives = scored.filter((row) => row.y === 1);
  const negatives = scored.filter((row) => row.y === 0);
  return {
    answered: positives.filter((row) => row.score >= threshold).length / Math.max(1, positives.length),
    abstained: negatives.filter((row) => row.score < threshold).length / Math.max(1, negatives.length),
  };
}
