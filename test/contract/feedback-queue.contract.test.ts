/**
 * The owners' feedback queue contract (issue #22, asynchronous since issue #20) on the in-memory fake,
 * SQLite and PostgreSQL: one state per document, the latest change wins, shared between replicas; rows
 * with an unknown state are skipped; a table the old constructor created keeps its rows.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { run } from '../../bot/adapters/sql/store-database.ts';
import { SqlFeedbackQueue } from '../../bot/adapters/storage/sql-feedback-queue.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import type { FeedbackQueueStore } from '../../bot/ports/feedback-queue.ts';
import { InMemoryFeedbackQueue } from '../fakes/in-memory-feedback-queue.ts';
import { useBackends } from './backends.ts';

/** `open()` gives two stores on the same data (two replicas; the fake: one). */
function feedbackQueueContract(
  name: string,
  available: boolean,
  open: () => Promise<{ a: FeedbackQueueStore; b: FeedbackQueueStore }>,
): void {
  describe.skipIf(!available)(`feedback queue contract on ${name}`, () => {
    it('keeps one state per document, overwritten by the latest change', async () => {
      const { a, b } = await open();
      expect(await a.list()).toEqual([]);
      await a.set({ document: 'b.md', state: 'in_progress', updatedAt: '2026-12-01T10:00:00Z', by: 'pseudonym-1' });
      await b.set({ document: 'b.md', state: 'source_changed', updatedAt: '2026-12-02T10:00:00Z', by: 'pseudonym-1' });
      await a.set({ document: 'a.md', state: 'discarded', updatedAt: '2026-12-02T11:00:00Z', by: 'pseudonym-2' });
      expect(await b.list()).toEqual([
        { document: 'a.md', state: 'discarded', updatedAt: '2026-12-02T11:00:00Z' },
        { document: 'b.md', state: 'source_changed', updatedAt: '2026-12-02T10:00:00Z' },
      ]);
    });
  });
}

feedbackQueueContract('the in-memory fake', true, async () => {
  const store = new InMemoryFeedbackQueue();
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  feedbackQueueContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlFeedbackQueue(store), b: new SqlFeedbackQueue(await secondStore()) };
  });

  describe.skipIf(!backend.available)(`feedback queue rows on ${backend.name}`, () => {
    it('skips rows with a state it does not know', async () => {
      const { store } = await backend.fresh();
      await run(
        store.db,
        sql`INSERT INTO feedback_queue (document, state, updated_at, updated_by) VALUES ('x.md', 'unknown', '2026-12-01', 'p')`,
      );
      expect(await new SqlFeedbackQueue(store).list()).toEqual([]);
    });
  });
}

describe('feedback queue of an older lotse', () => {
  it('keeps the table and rows its constructor created (the legacy step is skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'feedback-queue', [
      'CREATE TABLE feedback_queue (document TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);',
    ]);
    database
      .prepare('INSERT INTO feedback_queue (document, state, updated_at, updated_by) VALUES (?, ?, ?, ?)')
      .run('a.md', 'in_progress', '2026-12-01', 'p');
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toContain('0011-feedback-queue');
    expect(await new SqlFeedbackQueue(store).list()).toEqual([{ document: 'a.md', state: 'in_progress', updatedAt: '2026-12-01' }]);
    database.close();
  });
});
