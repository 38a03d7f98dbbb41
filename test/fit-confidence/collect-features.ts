/**
 * Collects labelled evidence features for fitting the answer/abstain model: every question of a labelled set
 * goes through the real pipeline (`createLotse` → conversation core → retrieval → confidence) over the corpus
 * it was written for, and the features the confidence model sees are recorded with the label
 * (1 = the documents answer it, 0 = they do not).
 *
 * Sets: the seed question sets of `test/eval/seed-question-sets.ts` over ../shared/seeds, and `xquad` (the XQuAD-de abstention split:
 * answerable vs near-miss and out-of-corpus questions over the 160 corpus paragraphs).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { featureNames, type EvidenceFeatures } from '../../bot/core/retrieval/confidence.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadAbstentionSplit, loadParagraphs } from '../bench/xquad.ts';
import { seedQuestionSets } from '../eval/seed-question-sets.ts';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared');

/** One labelled question with the features of its retrieval. */
export interface FeatureRow {
  readonly set: string;
  readonly id: string;
  /** 1 = answerable from the corpus, 0 = must abstain. */
  readonly label: 0 | 1;
  /** Sub-kind: answerable, near_miss, cross_county, out_of_scope, out_of_corpus … */
  readonly kind: string;
  readonly features: EvidenceFeatures;
  /** The pipeline abstained before asking the model (no passage in scope, cross-county trap): it counts as score 0. */
  readonly abstainedBefore?: boolean;
}

interface LabelledQuestion {
  readonly id: string;
  readonly question: string;
  readonly label: 0 | 1;
  readonly kind: string;
}

const seedQuestionSchema = z.array(z.looseObject({ id: z.string(), kind: z.string(), question: z.string(), trap: z.string().optional() }));

function seedQuestions(file: string): LabelledQuestion[] {
  return seedQuestionSchema
    .parse(JSON.parse(readFileSync(file, 'utf8')))
    .filter((item) => item.kind === 'answerable' || item.kind === 'unanswerable')
    .map((item) => ({
      id: item.id,
      question: item.question.replace(/\n/g, ' '),
      label: item.kind === 'answerable' ? 1 : 0,
      kind: item.kind === 'answerable' ? 'answerable' : (item.trap ?? 'unanswerable'),
    }));
}

function xquadCorpus(folder: string): LabelledQuestion[] {
  const split = loadAbstentionSplit();
  const paragraphs = loadParagraphs();
  const corpus = new Set(split.corpus_paragraphs);
  mkdirSync(folder, { recursive: true });
  for (const paragraph of paragraphs) {
    if (!corpus.has(paragraph.id)) continue;
    writeFileSync(join(folder, `${paragraph.id.replace(/[^\w]+/g, '_')}.txt`), `${paragraph.text}\n`);
  }
  const text = new Map(paragraphs.flatMap((paragraph) => paragraph.questions.map((qa) => [qa.id, qa.question] as const)));
  const of = (ids: readonly string[], label: 0 | 1, kind: string): LabelledQuestion[] =>
    ids.map((id) => ({ id, question: text.get(id) ?? '', label, kind }));
  return [
    ...of(split.questions.answerable, 1, 'answerable'),
    ...of(split.questions.near_miss, 0, 'near_miss'),
    ...of(split.questions.out_of_corpus, 0, 'out_of_corpus'),
  ];
}

const noFeatures = Object.fromEntries(featureNames.map((name) => [name, 0])) as unknown as EvidenceFeatures;

/** Runs the questions through the real pipeline over `folder` and returns their feature rows. */
export async function collect(set: string, folder: string, questions: readonly LabelledQuestion[]): Promise<FeatureRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), `lotse-fit-${set}-`));
  let seen: EvidenceFeatures | undefined;
  const config = loadConfig({ LOTSE_TODAY: '2026-12-06' }, { dataDir }, root);
  const lotse = await createLotse(config, silentLogger, { onConfidence: (observation) => (seen = observation.features) });
  await ingestKnowledge(lotse.knowledge, { folder, dataDir });
  const rows: FeatureRow[] = [];
  for (const item of questions) {
    seen = undefined;
    const result = await lotse.chat.handleTurn({ channel: 'cli', userId: 'fit', text: item.question });
    // Refused by a guardrail or small talk: the model never sees it and it is not counted. Abstained before the
    // model (no passage in scope, cross-county trap): not fitted on, but counted with score 0 when scoring.
    if (seen) rows.push({ set, id: item.id, label: item.label, kind: item.kind, features: seen });
    else if (result.outcome === 'no_answer')
      rows.push({ set, id: item.id, label: item.label, kind: item.kind, features: noFeatures, abstainedBefore: true });
  }
  await lotse.close();
  rmSync(dataDir, { recursive: true, force: true });
  return rows;
}

/** Collects all available sets and writes them to `file`. */
export async function collectAll(file: string): Promise<FeatureRow[]> {
  const rows: FeatureRow[] = [];
  const seeds = join(shared, 'seeds');
  // Held-out sets are collected only to be scored by the shipped model (fit-confidence.ts never fits on them).
  if (existsSync(seeds)) for (const set of seedQuestionSets(root)) rows.push(...(await collect(set.name, seeds, seedQuestions(set.file))));
  if (existsSync(join(shared, 'eval-data/xquad.de.json'))) {
    const folder = mkdtempSync(join(tmpdir(), 'lotse-fit-xquad-corpus-'));
    rows.push(...(await collect('xquad', folder, xquadCorpus(folder))));
    rmSync(folder, { recursive: true, force: true });
  }
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(rows));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? join(root, 'bench-results/confidence-features.json');
  const started = performance.now();
  const rows = await collectAll(file);
  const count = (set: string, label: number) => rows.filter((row) => row.set === set && row.label === label).length;
  for (const set of new Set(rows.map((row) => row.set))) console.log(`${set}: ${count(set, 1)} answerable, ${count(set, 0)} unanswerable`);
  console.log(`features written to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
