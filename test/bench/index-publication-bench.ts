/**
 * Publish and follower-load time of a published index version on a throw-away PostgreSQL (issue #11):
 * the sample knowledge base, then a synthetic corpus of N extra chunks (argument, default 10 000) built
 * from its sentences. Publish = save the work copy's snapshot + pack + one transaction; load = fetch +
 * verify + write local snapshot + load indexes + swap. Usage: `npx tsx test/bench/index-publication-bench.ts [N]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestFolder } from '../../knowledge/ingest/ingest-folder.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { postgresStoreDatabase } from '../../bot/adapters/sql/postgres-store-database.ts';
import { createGermanAnalyzer } from '../../bot/adapters/search/german-analyzer.ts';
import { SqlIndexPublication } from '../../bot/adapters/storage/sql-index-publication.ts';
import { openSqliteDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { KnowledgeBase } from '../../bot/app/knowledge-base.ts';
import { loadPublished, packSnapshot } from '../../bot/app/published-snapshot.ts';
import type { IngestedDocument } from '../../bot/ports/knowledge.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { findPostgresBinaries, startTestPostgres } from '../support/postgres.ts';
import { syntheticChunks } from './synthetic-corpus.ts';

const extra = Number(process.argv[2] ?? 10_000);
const analyzer = createGermanAnalyzer({ logger: silentLogger });
const dirs: string[] = [];

function knowledgeBase(): KnowledgeBase {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-pubbench-'));
  dirs.push(dir);
  return new KnowledgeBase({ dataDir: dir, database: openSqliteDatabase(dir), analyzer, logger: silentLogger });
}

function syntheticDocuments(chunks: readonly { id: string; text: string }[]): IngestedDocument[] {
  const documents: IngestedDocument[] = [];
  for (let offset = 0; offset < chunks.length; offset += 50) {
    const id = `synthetic/doc-${offset / 50}.md`;
    const part = chunks.slice(offset, offset + 50);
    documents.push({
      meta: { id, title: `Synthetisch ${offset / 50}`, type: 'sonstiges', supersedes: [], visibility: [], checksum: `synthetic-${offset}` },
      text: part.map((chunk) => chunk.text).join('\n'),
      chunks: part.map((chunk, ordinal) => ({
        id: `${id}#${ordinal}`,
        documentId: id,
        ordinal,
        section: '',
        text: chunk.text,
        start: 0,
        end: chunk.text.length,
        kind: 'text' as const,
      })),
    });
  }
  return documents;
}

async function measure(label: string, work: KnowledgeBase, publication: SqlIndexPublication, round: number): Promise<void> {
  const t0 = performance.now();
  work.save();
  const t1 = performance.now();
  const packed = packSnapshot(work, 'bench', new Date(Date.UTC(2026, 11, 3, 8, 0, round)))!;
  const t2 = performance.now();
  await publication.publish(packed);
  const t3 = performance.now();
  const follower = knowledgeBase();
  const t4 = performance.now();
  const fetched = (await publication.fetch(packed.version))!;
  const t5 = performance.now();
  const outcome = await loadPublished(follower, fetched.version, fetched.files);
  const t6 = performance.now();
  if (outcome.kind !== 'loaded') throw new Error(outcome.reason);
  const mb = (outcome.bytes / 1024 / 1024).toFixed(2);
  const ms = (from: number, to: number): string => (to - from).toFixed(0);
  console.log(
    `${label} round ${round}: ${outcome.chunks} chunks, ${mb} MB; publish ${ms(t0, t3)} ms (save ${ms(t0, t1)}, pack ${ms(t1, t2)}, transaction ${ms(t2, t3)}); follower load ${ms(t4, t6)} ms (fetch ${ms(t4, t5)}, write+load+swap ${ms(t5, t6)})`,
  );
}

const bin = findPostgresBinaries();
if (!bin) {
  console.log('index-publication-bench: no PostgreSQL binaries – skipping.');
} else {
  const server = await startTestPostgres(bin);
  const database = postgresStoreDatabase(await server.createDatabase('publication_bench'));
  try {
    await runMigrations(database);
    const publication = new SqlIndexPublication(database);
    const work = knowledgeBase();
    await work.open();
    await ingestFolder({ folder: resolve(import.meta.dirname, '../../knowledge/sources'), sink: work });
    for (const round of [1, 2, 3]) await measure('sample', work, publication, round);
    if (extra > 0) {
      const sources = [...work.store.allChunks()].map((chunk) => ({ text: chunk.text }));
      const started = performance.now();
      for (const document of syntheticDocuments(syntheticChunks(extra, sources))) await work.put(document);
      console.log(`indexed ${extra} synthetic chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const round of [4, 5, 6]) await measure(`sample+${extra}`, work, publication, round);
    }
  } finally {
    await database.close();
    server.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
