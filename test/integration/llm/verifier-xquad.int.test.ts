/**
 * Measures the citation verifier on the held-out German XQuAD data (`../shared/eval-data/xquad.de.json`,
 * never copied into the repository) with simulated model answers: faithful sentences must be kept,
 * invented numbers and answers cited against the wrong source must be dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../bot/adapters/search/german-analyzer.ts';
import { splitSentences } from '../../../bot/core/answer/sentences.ts';
import { verifyCitations } from '../../../bot/core/generation/verify-citations.ts';

const dataFile = join(import.meta.dirname, '../../../../shared/eval-data/xquad.de.json');
const available = existsSync(dataFile);
if (!available) console.warn(`verifier-xquad: ${dataFile} not found, skipping the measurement`);

interface Case {
  readonly context: string;
  readonly otherContext: string;
  /** A sentence from a sibling paragraph of the same article: same topic, other facts. */
  readonly siblingSentence: string;
  readonly question: string;
  readonly answer: string;
  readonly sentence: string;
}

interface XquadFile {
  data: { paragraphs: { context: string; qas: { question: string; answers: { text: string; answer_start: number }[] }[] }[] }[];
}

function loadCases(): Case[] {
  const file = JSON.parse(readFileSync(dataFile, 'utf8')) as XquadFile;
  return file.data.flatMap((article, articleIndex) => {
    const other = file.data[(articleIndex + 7) % file.data.length]!.paragraphs[0]!.context;
    return article.paragraphs.flatMap((paragraph, paragraphIndex) =>
      paragraph.qas.flatMap((qa) => {
        const sibling = article.paragraphs[(paragraphIndex + 1) % article.paragraphs.length]!.context;
        const siblingSentence = splitSentences(sibling).find((entry) => entry.text.length > 40)?.text ?? '';
        const answer = qa.answers[0];
        const sentence = splitSentences(paragraph.context).find(
          (entry) => answer && entry.start <= answer.answer_start && answer.answer_start < entry.end,
        );
        if (!answer || !sentence) return [];
        if (sibling === paragraph.context || siblingSentence === '') return [];
        return [
          {
            context: paragraph.context,
            otherContext: other,
            siblingSentence,
            question: qa.question,
            answer: answer.text,
            sentence: sentence.text,
          },
        ];
      }),
    );
  });
}

function cite(sentence: string): string {
  return `${sentence.replace(/[.!?:;]+$/, '')} [1].`;
}

function mutateNumber(text: string, context: string): string | null {
  const match = /\d+/.exec(text);
  if (!match) return null;
  let candidate = Number(match[0]) + 7;
  while (context.includes(String(candidate))) candidate += 7;
  return text.replace(match[0], String(candidate));
}

describe.skipIf(!available)('verifyCitations on German XQuAD (simulated answers)', () => {
  it('keeps faithful sentences and drops invented numbers and wrongly cited sources', () => {
    const analyzer = createGermanAnalyzer();
    const cases = loadCases();
    const keptCount = (answer: string, context: string): number =>
      verifyCitations(answer, [{ index: 1, text: context }], analyzer).kept.length;
    const started = performance.now();
    let verbatim = 0;
    let echo = 0;
    let mutated = 0;
    let mutatedCaught = 0;
    let wrongCaught = 0;
    let siblingCaught = 0;
    for (const entry of cases) {
      if (keptCount(cite(entry.sentence), entry.context) === 1) verbatim += 1;
      if (keptCount(cite(`${entry.question.replace(/\?$/, '')}: ${entry.answer}`), entry.context) === 1) echo += 1;
      const invented = mutateNumber(entry.sentence, entry.context);
      if (invented) {
        mutated += 1;
        if (keptCount(cite(invented), entry.context) === 0) mutatedCaught += 1;
      }
      if (keptCount(cite(entry.sentence), entry.otherContext) === 0) wrongCaught += 1;
      if (keptCount(cite(entry.siblingSentence), entry.context) === 0) siblingCaught += 1;
    }
    const perCaseMs = (performance.now() - started) / (cases.length * 5);
    const rate = (part: number, whole: number): string => `${part}/${whole} (${((100 * part) / whole).toFixed(1)} %)`;
    console.info(
      `verifier-xquad: ${cases.length} questions; faithful kept ${rate(verbatim, cases.length)}; ` +
        `question-echo answers kept ${rate(echo, cases.length)}; invented numbers dropped ${rate(mutatedCaught, mutated)}; ` +
        `wrong source dropped ${rate(wrongCaught, cases.length)}; ` +
        `same-topic sentence from another paragraph dropped ${rate(siblingCaught, cases.length)}; ${perCaseMs.toFixed(2)} ms per check`,
    );
    expect(cases.length).toBeGreaterThan(1000);
    expect(verbatim / cases.length).toBeGreaterThan(0.97);
    expect(mutatedCaught / mutated).toBeGreaterThan(0.97);
    expect(wrongCaught / cases.length).toBeGreaterThan(0.95);
    expect(siblingCaught / cases.length).toBeGreaterThan(0.9);
  });
});
