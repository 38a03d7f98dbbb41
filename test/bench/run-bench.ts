/**
 * `npm run bench`: retrieval quality on XQuAD-de (hybrid vs plain BM25), abstention AUROC on the
 * abstention split, ask latency and ingest throughput at 10,000 chunks, RSS at 100,000 chunks.
 * Prints a report and writes `bench-results/retrieval.json`. Skips when `../shared/eval-data` is absent.
 * `--quick` leaves out the 100,000-chunk run; `--quality` stops after retrieval quality and abstention.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auroc, mrrAt, percentile, recallAt } from './metrics.ts';
import { buildPlainBm25, buildStack } from './retrieval-stack.ts';
import { syntheticChunks } from './synthetic-corpus.ts';
import { measureIngest } from './reingest.ts';
import { hasEvalData, loadAbstentionSplit, loadParagraphs, type Paragraph } from './xquad.ts';

const root = resolve(import.meta.dirname, '../..');
const round = (value: number): number => Math.round(value * 1000) / 1000;

async function retrievalQuality(paragraphs: readonly Paragraph[]) {
  const stack = await buildStack(paragraphs);
  const plain = buildPlainBm25(paragraphs);
  const hybridRanks: number[] = [];
  const plainRanks: number[] = [];
  for (const paragraph of paragraphs) {
    for (const { question } of paragraph.questions) {
      hybridRanks.push((await stack.retrieve(question, 10)).findIndex((hit) => hit.id === paragraph.id));
      plainRanks.push(plain.search(question, 10).findIndex((hit) => hit.id === paragraph.id));
    }
  }
  const summary = (ranks: number[]) => ({
    r1: round(recallAt(ranks, 1)),
    r5: round(recallAt(ranks, 5)),
    r10: round(recallAt(ranks, 10)),
    mrr10: round(mrrAt(ranks, 10)),
  });
  return { questions: hybridRanks.length, hybrid: summary(hybridRanks), plainBm25: summary(plainRanks) };
}

async function abstention(paragraphs: readonly Paragraph[]) {
  const split = loadAbstentionSplit();
  const corpusIds = new Set(split.corpus_paragraphs);
  const stack = await buildStack(paragraphs.filter((paragraph) => corpusIds.has(paragraph.id)));
  const questionText = new Map(paragraphs.flatMap((paragraph) => paragraph.questions.map((qa) => [qa.id, qa.question] as const)));
  const scores = async (ids: readonly string[]) => {
    const result: number[] = [];
    for (const id of ids) {
      const question = questionText.get(id) ?? '';
      result.push(stack.confidence(question, await stack.retrieve(question, 10)));
    }
    return result;
  };
  const answerable = await scores(split.questions.answerable);
  const nearMiss = await scores(split.questions.near_miss);
  const outOfCorpus = await scores(split.questions.out_of_corpus);
  return {
    aurocNearMiss: round(auroc(answerable, nearMiss)),
    aurocOutOfCorpus: round(auroc(answerable, outOfCorpus)),
    counts: { answerable: answerable.length, nearMiss: nearMiss.length, outOfCorpus: outOfCorpus.length },
  };
}

async function latencyAndThroughput(paragraphs: readonly Paragraph[], size: number) {
  const corpus = [...paragraphs, ...syntheticChunks(size - paragraphs.length, paragraphs)];
  const started = performance.now();
  const stack = await buildStack(corpus);
  const seconds = (performance.now() - started) / 1000;
  const questions = paragraphs.flatMap((paragraph) => paragraph.questions.map((qa) => qa.question)).slice(0, 400);
  const latencies: number[] = [];
  for (const question of questions) {
    const start = performance.now();
    stack.confidence(question, await stack.retrieve(question, 10));
    latencies.push(performance.now() - start);
  }
  return {
    chunks: corpus.length,
    indexSeconds: round(seconds),
    chunksPerSecond: Math.round(corpus.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
  };
}

if (!hasEvalData()) {
  console.log('bench: ../shared/eval-data not found – skipping the retrieval benchmark.');
} else {
  const paragraphs = loadParagraphs();
  const quality = await retrievalQuality(paragraphs);
  console.log('XQuAD-de passage retrieval', JSON.stringify(quality));
  const abstain = await abstention(paragraphs);
  console.log('abstention', JSON.stringify(abstain));
  // `--quality`: only the two deterministic sections above (for quick A/B runs of retrieval changes).
  if (process.argv.includes('--quality')) process.exit(0);
  const at10k = await latencyAndThroughput(paragraphs, 10_000);
  console.log('10k chunks', JSON.stringify(at10k));
  const ingest = await measureIngest(paragraphs, 10_000);
  console.log('ingest through the knowledge base', JSON.stringify(ingest));
  const at100k = process.argv.includes('--quick') ? undefined : await latencyAndThroughput(paragraphs, 100_000);
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  if (at100k) console.log('100k chunks', JSON.stringify(at100k), `RSS ${rssMb} MB`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results/retrieval.json'),
    JSON.stringify({ measuredAt: new Date().toISOString(), quality, abstention: abstain, at10k, ingest, at100k, rssMb }, null, 2),
  );
}
