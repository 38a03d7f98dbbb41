/**
 * Term proximity: whether the question's neighbouring words also stand close together in the text. A passage that
 * answers "Wann wurde die Strategie im Kreistag beschlossen?" says "vom Kreistag am 11.09.2023 beschlossen"; a
 * same-topic passage has "Kreistag", "Strategie" and "beschlossen" scattered over other facts. Word coverage cannot
 * tell the two apart; the share of question word pairs found close together can (the feature `pairProximity`).
 */
import type { TextAnalyzer } from '../../ports/search.ts';
import type { WeightedQuery } from '../answer/coverage.ts';

/** Two words count as close when at most this many content words separate their positions. */
const maxDistance = 3;

/**
 * The weighted share (0..1) of consecutive question word pairs whose words both occur in `text` within `maxDistance`
 * content words of each other (in either order); each pair weighs the sum of its words' weights. 0 when the question
 * has fewer than two words.
 */
export function pairProximity(query: WeightedQuery, text: string, analyzer: TextAnalyzer): number {
  if (query.words.length < 2) return 0;
  const tokens = analyzer.analyzeWords?.(text) ?? analyzer.analyze(text).map((term) => ({ forms: [term], parts: [] }));
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    for (const form of new Set([...token.forms, ...token.parts])) positions.set(form, [...(positions.get(form) ?? []), index]);
  });
  const where = query.words.map((word) => word.forms.flatMap((form) => positions.get(form) ?? []));
  let total = 0;
  let close = 0;
  for (let index = 0; index + 1 < query.words.length; index++) {
    const weight = query.words[index]!.weight + query.words[index + 1]!.weight;
    total += weight;
    const [left, right] = [where[index]!, where[index + 1]!];
    if (left.some((a) => right.some((b) => a !== b && Math.abs(a - b) <= maxDistance))) close += weight;
  }
  return total > 0 ? close / total : 0;
}
