import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../../bot/adapters/storage/sqlite-database.ts';
import { SqliteFeedbackQueue } from '../../../../bot/adapters/storage/sqlite-feedback-queue.ts';

describe('SqliteFeedbackQueue', () => {
  it('keeps one state per document, overwritten by the latest change, and survives a second migration', () => {
    const database = openMemoryDatabase();
    const store = new SqliteFeedbackQueue(database);
    store.set({ document: 'a.md', state: 'in_progress', updatedAt: '2026-12-01T10:00:00Z', by: 'pseudonym-1' });
    store.set({ document: 'a.md', state: 'source_changed', updatedAt: '2026-12-02T10:00:00Z', by: 'pseudonym-1' });
    store.set({ document: 'b.md', state: 'discarded', updatedAt: '2026-12-02T11:00:00Z', by: 'pseudonym-2' });
    expect(new SqliteFeedbackQueue(database).list()).toEqual([
      { document: 'a.md', state: 'source_changed', updatedAt: '2026-12-02T10:00:00Z' },
      { document: 'b.md', state: 'discarded', updatedAt: '2026-12-02T11:00:00Z' },
    ]);
  });

  it('skips rows with a state it does not know', () => {
    const database = openMemoryDatabase();
    const store = new SqliteFeedbackQueue(database);
    database.prepare("INSERT INTO feedback_queue (document, state, updated_at, updated_by) VALUES ('x.md', 'unknown', '2026-12-01', 'p')").run();
    expect(store.list()).toEqual([]);
  });
});
