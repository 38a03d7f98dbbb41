/**
 * Published index versions on the in-memory fake, SQLite and a real PostgreSQL (issue #20): files split
 * into parts come back byte for byte (a payload larger than the default 4 MB part too), a reader on another
 * handle sees the newest complete version only, old versions are pruned, a refused publication changes
 * nothing, and re-index requests are queued and marked handled once. A database made by an earlier lotse
 * keeps its versions.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SqlIndexPublication } from '../../bot/adapters/storage/sql-index-publication.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import type { IndexPublication, Publication } from '../../bot/ports/index-publication.ts';
import { InMemoryIndexPublication } from '../fakes/in-memory-index-publication.ts';
import { useBackends } from './backends.ts';

const publication = (version: string, files: Publication['files']): Publication => ({
  version,
  manifest: JSON.stringify({ version }),
  createdAt: '2026-12-03T08:00:00.000Z',
  publisher: 'replica-a',
  files,
});

/**
 * Two replicas' views of one store; `partBytes` is the SQL stores' part size and `readSliceBytes` what they read
 * per statement (the fake keeps files whole).
 * `racer` publishes against `a` at the same time: `b` where two writers really run in parallel (PostgreSQL);
 * on SQLite one process has one connection, whose transactions Kysely serialises, so it is `a` itself.
 */
type Open = (
  partBytes?: number,
  readSliceBytes?: number,
) => Promise<{ readonly a: IndexPublication; readonly b: IndexPublication; readonly racer: IndexPublication }>;

/** The `IndexPublication` contract. */
function indexPublicationContract(name: string, available: boolean, open: Open): void {
  describe.skipIf(!available)(`index publication contract on ${name}`, () => {
    it('stores files in parts and returns them byte for byte to another handle, read in slices', async () => {
      const { a: writer, b: reader } = await open(1000, 300);
      expect(await reader.latest()).toBeUndefined();
      const big = randomBytes(3500);
      const files = [
        { name: 'bm25.bin', bytes: big },
        { name: 'hashed/index.bin', bytes: Buffer.from('vektoren') },
        { name: 'empty', bytes: Buffer.alloc(0) },
      ];
      expect(await writer.publish(publication('v1', files))).toEqual({ kind: 'published' });
      expect(await reader.latest()).toMatchObject({
        version: 'v1',
        publisher: 'replica-a',
        manifest: '{"version":"v1"}',
        createdAt: '2026-12-03T08:00:00.000Z',
      });
      const fetched = (await reader.fetch('v1'))!;
      const byName = new Map(fetched.files.map((file) => [file.name, Buffer.from(file.bytes)]));
      expect(byName.get('bm25.bin')!.equals(big)).toBe(true);
      expect(byName.get('hashed/index.bin')!.toString()).toBe('vektoren');
      expect(byName.get('empty')!.length).toBe(0);
      expect(await reader.fetch('unknown')).toBeUndefined();
    });

    it('carries a payload larger than one default part (bytea / blob) unchanged', async () => {
      const { a: writer, b: reader } = await open();
      const large = randomBytes(5 * 1024 * 1024 + 17);
      expect(
        await writer.publish(
          publication('large', [
            { name: 'hnsw.bin', bytes: large },
            { name: 'plain', bytes: new Uint8Array([0, 1, 255]) },
          ]),
        ),
      ).toEqual({ kind: 'published' });
      const fetched = (await reader.fetch('large'))!;
      const byName = new Map(fetched.files.map((file) => [file.name, Buffer.from(file.bytes)]));
      expect(byName.get('hnsw.bin')!.equals(large)).toBe(true);
      expect([...byName.get('plain')!]).toEqual([0, 1, 255]);
    });

    it('keeps the newest versions only and refuses a version twice without changing anything', async () => {
      const { a: store, b: other } = await open();
      for (const version of ['v1', 'v2', 'v3', 'v4'])
        await store.publish(publication(version, [{ name: 'f', bytes: Buffer.from(version) }]), 2);
      expect((await store.latest())?.version).toBe('v4');
      expect(await store.fetch('v2')).toBeUndefined();
      expect(Buffer.from((await store.fetch('v3'))!.files[0]!.bytes).toString()).toBe('v3');
      expect(await other.publish(publication('v3', [{ name: 'f', bytes: Buffer.from('other') }]))).toEqual({ kind: 'exists' });
      expect((await store.latest())?.version).toBe('v4');
      expect(Buffer.from((await store.fetch('v3'))!.files[0]!.bytes).toString()).toBe('v3');
    });

    it('lets one of two replicas publishing the same version at once win', async () => {
      const { a, b, racer } = await open();
      const results = await Promise.all(
        [a, racer].map((replica) => replica.publish(publication('race', [{ name: 'f', bytes: Buffer.from('x') }]))),
      );
      expect(results.map((result) => result.kind).sort()).toEqual(['exists', 'published']);
      expect((await b.fetch('race'))!.files).toHaveLength(1);
    });

    it('queues re-index requests and marks them handled once', async () => {
      const { a: replicaB, b: leader } = await open();
      const first = await replicaB.requestReindex('replica-b', '2026-12-03T08:00:00.000Z');
      const next = await replicaB.requestReindex('replica-b', '2026-12-03T08:00:01.000Z');
      expect(typeof first).toBe('number');
      expect((await leader.pendingRequests()).map((request) => request.id)).toEqual([first, next]);
      await leader.markHandled([first, next], '2026-12-03T08:00:05.000Z', '{"added":1}');
      await leader.markHandled([first], '2026-12-03T08:00:09.000Z', '{"added":0}');
      await leader.markHandled([], '2026-12-03T08:00:09.000Z', '{}');
      expect(await leader.pendingRequests()).toEqual([]);
      expect(await replicaB.request(first)).toEqual({
        id: first,
        requestedBy: 'replica-b',
        requestedAt: '2026-12-03T08:00:00.000Z',
        handledAt: '2026-12-03T08:00:05.000Z',
        report: '{"added":1}',
      });
      expect(await replicaB.request(next + 100)).toBeUndefined();
    });
  });
}

indexPublicationContract('the in-memory fake', true, async () => {
  const shared = new InMemoryIndexPublication();
  return { a: shared, b: shared, racer: shared };
});

for (const backend of useBackends()) {
  indexPublicationContract(backend.name, backend.available, async (partBytes, readSliceBytes) => {
    const { store, secondStore } = await backend.fresh();
    const a = new SqlIndexPublication(store, partBytes, readSliceBytes);
    const b = new SqlIndexPublication(await secondStore(), partBytes, readSliceBytes);
    return { a, b, racer: backend.name === 'postgres' ? b : a };
  });
}

describe('index publication in a database made by an earlier lotse', () => {
  it('keeps the versions and requests its constructor created (the legacy step is skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'index-publication', [
      `CREATE TABLE index_versions (id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, manifest TEXT NOT NULL,
         created_at TEXT NOT NULL, publisher TEXT NOT NULL);
       CREATE TABLE index_version_parts (version_id INTEGER NOT NULL, file TEXT NOT NULL, part INTEGER NOT NULL,
         bytes BYTEA NOT NULL, PRIMARY KEY (version_id, file, part));
       CREATE TABLE index_reindex_requests (id INTEGER PRIMARY KEY, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,
         handled_at TEXT, report TEXT);`,
    ]);
    database
      .prepare('INSERT INTO index_versions (version, manifest, created_at, publisher) VALUES (?, ?, ?, ?)')
      .run('old', '{}', '2026-12-01T08:00:00.000Z', 'old-replica');
    database.prepare('INSERT INTO index_version_parts (version_id, file, part, bytes) VALUES (1, ?, 0, ?)').run('f', Buffer.from('alt'));
    database
      .prepare('INSERT INTO index_reindex_requests (requested_by, requested_at) VALUES (?, ?)')
      .run('old-replica', '2026-12-01T08:00:00.000Z');
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toContain('0008-index-publication');
    const publication = new SqlIndexPublication(store);
    expect((await publication.latest())?.publisher).toBe('old-replica');
    expect(Buffer.from((await publication.fetch('old'))!.files[0]!.bytes).toString()).toBe('alt');
    expect((await publication.pendingRequests()).map((request) => request.requestedBy)).toEqual(['old-replica']);
    expect(await publication.requestReindex('new-replica', '2026-12-07T08:00:00.000Z')).toBe(2);
    database.close();
  });
});
