/**
 * Benign training rows for the intent check from the development question sets of `npm run eval`
 * (`test/eval/questions/sample.yaml`, `seeds.yaml`, `seeds-own.json`): ordinary staff questions in staff style, so that
 * the benign class covers more than the hand-written families. Only items expected to be answered or to have no
 * answer are taken; refused items, `seeds-fresh.json` (held out) and `../shared/eval-data` are never read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CorpusRow } from './expand-corpus.ts';

const yamlItem = z.object({ question: z.string().min(1), expect: z.string() });
const jsonItem = z.object({ question: z.string().min(1), kind: z.string() });

/** The development sets read, relative to the repository root. */
export const staffQuestionFiles = [
  'test/eval/questions/sample.yaml',
  'test/eval/questions/seeds.yaml',
  'test/eval/questions/seeds-own.json',
] as const;

/** Benign rows from the development question sets; the family is the file. */
export function staffQuestionRows(root: string): CorpusRow[] {
  return staffQuestionFiles.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const questions = file.endsWith('.json')
      ? z
          .array(jsonItem)
          .parse(JSON.parse(text))
          .filter((item) => item.kind === 'answerable' || item.kind === 'unanswerable')
          .map((item) => item.question)
      : z
          .array(yamlItem)
          .parse(parse(text))
          .filter((item) => item.expect === 'answered' || item.expect === 'no_answer')
          .map((item) => item.question);
    return questions.map((question) => ({ text: question, intent: 'benign' as const, family: `questions:${file}` }));
  });
}
