/**
 * Loading a published version while the replica keeps answering (issue #20): the work is spaced out in
 * steps, between which other work runs and still sees the served version completely (rows, indexes,
 * version); the swap waits for an in-flight retrieval; a row found unreadable midway, or leftovers of a load
 * interrupted by a crash, leave no staging tables, and the swapped tables keep their foreign key.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../bot/adapters/search/german-analyzer.ts';
import { HashedNgramEmbedder } from '../../../bot/adapters/search/hashed-ngram-embedder.ts';
import { openSqliteDatabase } from '../../../bot/adapters/storage/sqlite-database.ts';
import { KnowledgeBase } from '../../../bot/app/knowledge-base.ts';
import { knowledgeFile, loadPublished, packSnapshot } from '../../../bot/app/published-snapshot.ts';
import type { Publication } from '../../../bot/ports/index-publication.ts';
import type { IngestedDocument } from '../../../bot/ports/knowledge.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';

const analyzer = createGermanAnalyzer({ dictionaryPath: false });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function knowledgeBase(embedders?: ConstructorParameters<typeof KnowledgeBase>[0]['embedders']): KnowledgeBase {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-load-'));
  dirs.push(dataDir);
  return new KnowledgeBase({
    dataDir,
    database: openSqliteDatabase(dataDir),
    analyzer,
    logger: silentLogger,
    ...(embedders ? { embedders } : {}),
  });
}

function documentOf(id: string, texts: readonly string[]): IngestedDocument {
  return {
    meta: { id, title: id, type: 'faq', supersedes: [], visibility: [], checksum: `sum-${id}` },
    text: texts.join('\n'),
    chunks: texts.map((text, ordinal) => ({
      id: `${id}#${ordinal}`,
      documentId: id,
      ordinal,
      section: id,
      text,
      start: 0,
      end: text.length,
      kind: 'text' as const,
    })),
  };
}

/** A published version of these documents (built in a leader's work copy). */
async function published(documents: readonly IngestedDocument[], second = 0): Promise<Publication> {
  const work = knowledgeBase();
  await work.open();
  for (const document of documents) await work.put(document);
  work.save();
  return packSnapshot(work, 'leader', new Date(Date.UTC(2026, 11, 7, 9, 0, second)))!;
}

const kantine = documentOf('kantine.md', ['Die Kantine öffnet um halb zwölf.']);
const fuhrpark = documentOf('fuhrpark.md', [
  'Dienstwagen reserviert die Fahrbereitschaft.',
  'Fahrtenbuch liegt im Handschuhfach.',
  'Tankkarte beim Pförtner abholen.',
]);
const topDocument = (knowledge: KnowledgeBase, query: string): string | undefined => {
  const hit = knowledge.lexical.search(query, 1)[0];
  return hit ? knowledge.store.getChunk(hit.id)?.documentId : undefined;
};
const tablesOf = (knowledge: KnowledgeBase): string[] => {
  const database = openSqliteDatabase(knowledge.indexRoot.replace(/[\\/]index$/, ''));
  try {
    return database
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
  } finally {
    database.close();
  }
};

/** The version with the knowledge rows file replaced (manifest sizes and checksums updated, so it verifies). */
function withRows(version: Publication, rows: unknown): Publication {
  const bytes = gzipSync(JSON.stringify(rows));
  const manifest = JSON.parse(version.manifest) as { files: { name: string; bytes: number; sha256: string }[] };
  manifest.files = manifest.files.map((file) =>
    file.name === knowledgeFile ? { ...file, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') } : file,
  );
  return {
    ...version,
    manifest: JSON.stringify(manifest),
    files: version.files.map((file) => (file.name === knowledgeFile ? { ...file, bytes } : file)),
  };
}

describe('loading a published version step by step', () => {
  it('lets other work run between steps, which sees the served version completely until the swap', async () => {
    const served = knowledgeBase();
    const first = await published([kantine], 1);
    expect(await loadPublished(served, first, first.files)).toMatchObject({ kind: 'loaded' });
    const next = await published([kantine, fuhrpark], 2);
    const seen: string[] = [];
    const outcome = await loadPublished(served, next, next.files, {
      batch: 1,
      pause: async () => {
        seen.push(
          `${served.indexVersion()}|${topDocument(served, 'Dienstwagen Fahrbereitschaft') ?? '-'}|${served.store.getChunk('fuhrpark.md#0') ? 'new' : 'old'}|${served.store.listDocuments().length}`,
        );
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    expect(outcome).toMatchObject({ kind: 'loaded', chunks: 4 });
    const before = seen.slice(
      0,
      seen.findIndex((step) => step.startsWith(next.version)),
    );
    // 2 documents + 4 chunks staged one row per step, besides verifying, reading and writing
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(new Set(before)).toEqual(new Set([`${first.version}|-|old|1`]));
    expect(seen.at(-1)).toBe(`${next.version}|fuhrpark.md|new|2`);
    expect(topDocument(served, 'Tankkarte Pförtner')).toBe('fuhrpark.md');
    expect(tablesOf(served)).toEqual(['chunks', 'documents', 'schema_migrations']);
  });

  it('swaps only after a retrieval awaiting its embedder has finished on the served version', async () => {
    const hashed = new HashedNgramEmbedder();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((done) => (release = done));
    const slow = {
      id: hashed.id,
      dimensions: hashed.dimensions,
      embed: async (texts: readonly string[]) => (await gate, hashed.embed(texts)),
    };
    const served = knowledgeBase([{ embedder: slow, weight: 0.3 }]);
    const work = knowledgeBase([{ embedder: hashed, weight: 0.3 }]);
    await work.open();
    await work.put(fuhrpark);
    work.save();
    const next = packSnapshot(work, 'leader', new Date(Date.UTC(2026, 11, 7, 9, 0, 3)))!;
    const pending = served.retrieve('Dienstwagen', { k: 3 });
    let waits = 0;
    const loading = loadPublished(served, next, next.files, {
      idleWait: async () => {
        waits += 1;
        if (waits === 3) release();
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    expect(await loading).toMatchObject({ kind: 'loaded' });
    release(); // in case the load did not wait
    expect(waits).toBeGreaterThanOrEqual(3);
    expect(await pending).toEqual([]); // answered from the served (empty) state, not a mix
    expect(served.indexVersion()).toBe(next.version);
  });

  it('keeps the served version and leaves no staging tables when a row is unreadable midway', async () => {
    const served = knowledgeBase();
    const first = await published([kantine], 4);
    await loadPublished(served, first, first.files);
    const next = await published([kantine, fuhrpark], 5);
    const rows = served.store.exportRows();
    const broken = withRows(next, {
      documents: rows.documents,
      chunks: [...rows.chunks, { id: 'x#0', document_id: 'kantine.md', ordinal: 'eins', body: '{}' }],
    });
    expect(await loadPublished(served, broken, broken.files, { batch: 1 })).toEqual({
      kind: 'rejected',
      reason: 'unreadable knowledge rows',
    });
    expect(served.indexVersion()).toBe(first.version);
    expect(served.store.getChunk('kantine.md#0')?.text).toContain('Kantine');
    expect(tablesOf(served)).toEqual(['chunks', 'documents', 'schema_migrations']);
  });

  it('removes leftovers of a load interrupted by a crash; swapped tables keep their index and cascading foreign key', async () => {
    const served = knowledgeBase();
    served.store.beginStaging(); // a process died while staging
    served.store.stage({ documents: [{ id: 'halb.md', checksum: 'x', meta: '{}', text_length: 1 }] });
    for (const [second, documents] of [
      [6, [kantine]],
      [7, [kantine, fuhrpark]],
      [8, [fuhrpark]],
    ] as const) {
      const version = await published(documents, second);
      expect(await loadPublished(served, version, version.files)).toMatchObject({ kind: 'loaded', version: version.version });
    }
    expect(tablesOf(served)).toEqual(['chunks', 'documents', 'schema_migrations']);
    expect(served.store.listDocuments().map((meta) => meta.id)).toEqual(['fuhrpark.md']);
    expect(served.store.removeDocument('fuhrpark.md').removedChunkIds).toHaveLength(3);
    expect(served.store.chunkCount()).toBe(0); // ON DELETE CASCADE still points at the served documents table
  });
});
