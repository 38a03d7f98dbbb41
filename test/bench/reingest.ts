/**
 * Measures a full ingest and a re-ingest of an unchanged ~10,000-chunk folder through the real
 * knowledge base (SQLite store, BM25, n-gram vectors, snapshot save).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { syntheticChunks } from './synthetic-corpus.ts';

/** Writes `chunkCount` synthetic chunks as Markdown files of 100 sections (the texts are not kept in memory). */
function writeCorpus(dir: string, sources: readonly { text: string }[], chunkCount: number): void {
  mkdirSync(dir);
  const chunks = syntheticChunks(chunkCount, sources, 99);
  for (let file = 0; file * 100 < chunks.length; file += 1) {
    const body = chunks
      .slice(file * 100, file * 100 + 100)
      .map((chunk, index) => `## Abschnitt ${index + 1}\n\n${chunk.text}`)
      .join('\n\n');
    writeFileSync(join(dir, `dokument-${file}.md`), `# Dokument ${file}\n\n${body}\n`);
  }
}

/** Ingests a synthetic folder twice; returns chunks, seconds of the first and of the unchanged second run (`keepOpen` keeps the app in memory, for RSS). */
export async function measureIngest(sources: readonly { text: string }[], chunkCount: number, options: { keepOpen?: boolean } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'lotse-ingest-bench-'));
  const dataDir = join(folder, 'data');
  writeCorpus(join(folder, 'docs'), sources, chunkCount);
  const lotse = await createLotse(loadConfig({}, { dataDir }, resolve('.')), silentLogger);
  const first = await ingestKnowledge(lotse.knowledge, { folder: join(folder, 'docs'), dataDir });
  const started = performance.now();
  const second = await ingestKnowledge(lotse.knowledge, { folder: join(folder, 'docs'), dataDir });
  const reingestSeconds = (performance.now() - started) / 1000;
  if (!options.keepOpen) await lotse.close();
  rmSync(folder, { recursive: true, force: true });
  return {
    chunks: first.chunks,
    ingestSeconds: first.seconds,
    chunksPerSecond: Math.round(first.chunks / first.seconds),
    reingestSeconds,
    unchanged: second.unchanged,
  };
}
