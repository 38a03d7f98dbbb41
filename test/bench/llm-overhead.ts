/**
 * `npm run bench:llm`: how much time lotse adds before the first streamed token reaches the web client
 * (against the OpenAI-compatible mock with a fixed delay, on a ~10,000-chunk index), and the cost of
 * citation verification. Writes `bench-results/llm-overhead.json`.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGermanAnalyzer } from '../../bot/adapters/search/german-analyzer.ts';
import { verifyCitations } from '../../bot/core/generation/verify-citations.ts';
import { startOpenAiMockServer } from '../support/openai-mock-server.ts';
import { startRealApp } from '../support/real-app.ts';
import { percentile } from './metrics.ts';
import { syntheticChunks } from './synthetic-corpus.ts';
import { hasEvalData, loadParagraphs } from './xquad.ts';

const root = resolve(import.meta.dirname, '../..');
const modelDelayMs = 150;

function corpusFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lotse-llm-bench-'));
  cpSync(join(root, 'knowledge/sources'), folder, { recursive: true });
  const sources = hasEvalData()
    ? loadParagraphs()
    : [{ text: 'Die Verwaltung arbeitet digital. Anträge werden online gestellt. Die E-Akte ersetzt Papier.' }];
  const chunks = syntheticChunks(9_900, sources);
  mkdirSync(join(folder, 'distractors'));
  for (let file = 0; file < 99; file += 1) {
    const text = chunks
      .slice(file * 100, file * 100 + 100)
      .map((chunk, index) => `## Abschnitt ${index + 1}\n\n${chunk.text}`)
      .join('\n\n');
    writeFileSync(join(folder, 'distractors', `doc-${file}.md`), `# Distraktor ${file}\n\n${text}\n`);
  }
  return folder;
}

async function firstDeltaMs(url: string, question: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ text: question }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended without a delta');
    seen += value;
    if (seen.includes('event: delta')) {
      const elapsed = performance.now() - started;
      await reader.cancel();
      return elapsed;
    }
  }
}

const mock = await startOpenAiMockServer();
mock.respondWith({
  kind: 'text',
  text: 'Die Kernarbeitszeit von 9:00 bis 13:00 Uhr gilt auch beim mobilen Arbeiten [1].',
  delayMs: modelDelayMs,
  chunkSize: 400,
});
const app = await startRealApp(corpusFolder(), {
  LLM_PROVIDER: 'openai',
  LLM_BASE_URL: mock.baseUrl,
  LLM_MODEL: 'mock',
  LLM_TIMEOUT_MS: '5000',
});
const chunks = app.lotse.knowledge.lexical.size;
const overheads: number[] = [];
for (let run = 0; run < 60; run += 1)
  overheads.push((await firstDeltaMs(app.url, 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?')) - modelDelayMs);
await app.close();
await mock.close();

const analyzer = createGermanAnalyzer();
const passages = loadParagraphs()
  .slice(0, 5)
  .map((paragraph, index) => ({ index: index + 1, text: paragraph.text }));
const answer = passages.map((passage) => `${passage.text.split('. ')[0]} [${passage.index}].`).join(' ');
const verification: number[] = [];
for (let run = 0; run < 500; run += 1) {
  const started = performance.now();
  verifyCitations(answer, passages, analyzer);
  verification.push(performance.now() - started);
}
const report = {
  measuredAt: new Date().toISOString(),
  chunks,
  modelDelayMs,
  firstTokenOverheadMs: { p50: percentile(overheads, 50), p95: percentile(overheads, 95) },
  verificationMs: { p50: percentile(verification, 50), p95: percentile(verification, 95) },
};
console.log(JSON.stringify(report, null, 2));
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/llm-overhead.json'), JSON.stringify(report, null, 2));
