/**
 * Loads XQuAD-de and its abstention split from `../shared/eval-data/` (never copied into the repo).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The eval-data folder beside the project. */
export const evalDataDir = resolve(import.meta.dirname, '../../../shared/eval-data');

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(z.object({ context: z.string(), qas: z.array(z.object({ id: z.string(), question: z.string() })) })),
    }),
  ),
});

const splitSchema = z.object({
  corpus_paragraphs: z.array(z.string()),
  questions: z.object({ answerable: z.array(z.string()), near_miss: z.array(z.string()), out_of_corpus: z.array(z.string()) }),
});

/** A paragraph with its questions. */
export interface Paragraph {
  readonly id: string;
  readonly text: string;
  readonly questions: readonly { id: string; question: string }[];
}

/** Whether the data is present. */
export function hasEvalData(): boolean {
  return existsSync(join(evalDataDir, 'xquad.de.json'));
}

/** All 240 paragraphs, ids `<title>#<index>`. */
export function loadParagraphs(): Paragraph[] {
  const data = squadSchema.parse(JSON.parse(readFileSync(join(evalDataDir, 'xquad.de.json'), 'utf8')));
  return data.data.flatMap((article) =>
    article.paragraphs.map((paragraph, index) => ({ id: `${article.title}#${index}`, text: paragraph.context, questions: paragraph.qas })),
  );
}

/** The abstention split: corpus paragraph ids and question ids per class. */
export function loadAbstentionSplit(): z.infer<typeof splitSchema> {
  const raw: unknown = JSON.parse(readFileSync(join(evalDataDir, 'xquad-de.abstention-split.json'), 'utf8'));
  return splitSchema.parse(raw);
}
