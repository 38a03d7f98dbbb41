/**
 * `npm run bench:scale`: ask latency (retrieval + sentence evidence + confidence) on a synthetic
 * 1,000,000-chunk corpus. The lexical side runs at full scale; the hashed n-gram vector list is left out
 * here (1M × 512-d vectors need about 2 GB and a long hnswlib build), see docs/measurements-history.md. Writes
 * `bench-results/scale.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGermanAnalyzer } from '../../bot/adapters/search/german-analyzer.ts';
import { Bm25Index } from '../../bot/adapters/search/bm25-index.ts';
import { estimateConfidence } from '../../bot/core/retrieval/confidence.ts';
import { HybridRetriever } from '../../bot/core/retrieval/hybrid-retriever.ts';
import { createSentenceEvidence } from '../../bot/core/retrieval/sentence-evidence.ts';
import { percentile } from './metrics.ts';
import { syntheticChunks } from './synthetic-corpus.ts';
import { hasEvalData, loadParagraphs } from './xquad.ts';

const root = resolve(import.meta.dirname, '../..');
const size = Number(process.argv[2] ?? 1_000_000);

if (!hasEvalData()) {
  console.log('bench:scale: ../shared/eval-data not found – skipping.');
} else {
  const paragraphs = loadParagraphs();
  const analyzer = createGermanAnalyzer();
  const bm25 = new Bm25Index(analyzer);
  const texts = new Map<string, string>();
  const started = performance.now();
  bm25.upsert(paragraphs);
  for (const paragraph of paragraphs) texts.set(paragraph.id, paragraph.text);
  for (let offset = 0; offset < size; offset += 50_000) {
    const batch = syntheticChunks(Math.min(50_000, size - offset), paragraphs, offset + 1).map((chunk, index) => ({
      id: `s-${offset + index}`,
      text: chunk.text,
    }));
    bm25.upsert(batch);
    for (const chunk of batch) texts.set(chunk.id, chunk.text);
  }
  const indexSeconds = (performance.now() - started) / 1000;
  const textOf = (id: string): string => texts.get(id) ?? '';
  const retriever = new HybridRetriever({
    lexical: bm25,
    vectors: [],
    evidence: createSentenceEvidence({ textOf, analyzer, lexical: bm25 }),
  });
  const questions = paragraphs
    .flatMap((paragraph) => paragraph.questions.map((qa) => ({ question: qa.question, gold: paragraph.id })))
    .slice(0, 300);
  const latencies: number[] = [];
  let hitsAt5 = 0;
  for (const { question, gold } of questions) {
    const start = performance.now();
    const hits = await retriever.retrieve(question, { k: 10 });
    estimateConfidence({ query: question, hits, textOf, analyzer, lexical: bm25 });
    latencies.push(performance.now() - start);
    if (hits.slice(0, 5).some((hit) => hit.id === gold)) hitsAt5 += 1;
  }
  const report = {
    measuredAt: new Date().toISOString(),
    chunks: bm25.size,
    indexSeconds: Math.round(indexSeconds),
    chunksPerSecond: Math.round(bm25.size / indexSeconds),
    askP50Ms: percentile(latencies, 50),
    askP95Ms: percentile(latencies, 95),
    recallAt5AmongDistractors: hitsAt5 / questions.length,
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/scale.json'), JSON.stringify(report, null, 2));
}
