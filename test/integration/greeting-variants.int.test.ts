import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';
import { repoRoot } from '../support/real-app.ts';

// Issue 16: a greeting, a thanks or invisible characters must never change the outcome of the question they wrap.
// The questions come from ../shared/eval-data/seeds-dev.json at run time (never copied into the repository).
const seeds = join(repoRoot, '../shared/seeds');
const questionFile = join(repoRoot, '../shared/eval-data/seeds-dev.json');
const available = existsSync(seeds) && existsSync(questionFile);
if (!available) console.warn('greeting-variants: ../shared/seeds or ../shared/eval-data/seeds-dev.json is absent, skipping');

interface Answer {
  readonly question: string;
  readonly outcome: string;
  readonly answer: string;
  readonly citations: readonly { readonly document: string; readonly quote: string }[];
}

const handOver = /weitergeben\?|Digitallotse fragen|nichts Verlässliches/;

/** Inserts invisible characters in the middle of the three longest words (as pasted from Word or PDF). */
function withInvisibleCharacters(question: string): string {
  const longest = [...new Set(question.match(/\p{L}{6,}/gu) ?? [])].sort((a, b) => b.length - a.length).slice(0, 3);
  return longest.reduce((text, word, index) => {
    const middle = Math.floor(word.length / 2);
    return text.replace(word, word.slice(0, middle) + ['\u200B', '\u00AD', '\u200D'][index] + word.slice(middle));
  }, question);
}

const variants: readonly { readonly name: string; readonly wrap: (question: string) => string }[] = [
  { name: 'Hallo, … Danke!', wrap: (question) => `Hallo, ${question} Danke!` },
  { name: 'Moin, …', wrap: (question) => `Moin, ${question}` },
  { name: '… Viele Grüße, Marek', wrap: (question) => `${question} Viele Grüße, Marek` },
  { name: 'invisible characters inside words', wrap: withInvisibleCharacters },
];
const greetingsOnly = ['Hallo', 'Danke!', 'Moin', 'Vielen Dank, das hilft mir'];

let root: string;
let questions: string[] = [];
let answers: Answer[] = [];

describe.skipIf(!available)('greeting-wrapped questions over the five seed documents, through lotse ask --json', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'lotse-greetings-'));
    const all = JSON.parse(readFileSync(questionFile, 'utf8')) as { kind: string; question: string }[];
    questions = all
      .filter((entry) => entry.kind === 'answerable')
      .slice(0, 20)
      .map((entry) => entry.question.replace(/\s*\n\s*/g, ' '));
    expect(questions).toHaveLength(20);
    const ingest = await runCli(['ingest', seeds, '--data', join(root, 'data')]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const lines = [...questions, ...variants.flatMap((variant) => questions.map(variant.wrap)), ...greetingsOnly];
    const run = await runCli(['ask', '--json', '--data', join(root, 'data'), '--top', '10'], { stdin: lines.join('\n') + '\n' });
    expect(run.code, run.stderr).toBe(0);
    answers = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer);
    expect(answers).toHaveLength(lines.length);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(variants.map((variant, index) => [variant.name, index] as const))(
    '%s: same outcome and first citation as the bare question',
    (_name, index) => {
      const differences = questions.flatMap((question, number) => {
        const bare = answers[number]!;
        const wrapped = answers[questions.length * (index + 1) + number]!;
        const same =
          wrapped.outcome === bare.outcome &&
          wrapped.citations[0]?.document === bare.citations[0]?.document &&
          wrapped.citations[0]?.quote === bare.citations[0]?.quote;
        return same
          ? []
          : [{ question, bare: [bare.outcome, bare.citations[0]?.document], wrapped: [wrapped.outcome, wrapped.citations[0]?.document] }];
      });
      expect(differences).toEqual([]);
    },
  );

  it('echoes each wrapped question as it was received', () => {
    expect(answers[questions.length]?.question).toBe(`Hallo, ${questions[0]} Danke!`);
  });

  it.each(greetingsOnly)('%j alone gets a friendly reply: answered, no citations, no hand-over, no "nichts Verlässliches"', (text) => {
    const answer = answers.find((entry) => entry.question === text);
    expect(answer).toMatchObject({ outcome: 'answered', citations: [] });
    expect(answer?.answer).not.toMatch(handOver);
  });
});
