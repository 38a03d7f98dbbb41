/**
 * The FAQ drafts contract (issue #7, asynchronous since issue #20) on the in-memory fake, SQLite and
 * PostgreSQL: drafts numbered across replicas, each decided once, revalidations recorded for approved
 * entries only, each notice sent once; tables the old constructor created keep their rows.
 */
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { SqlFaqDrafts } from '../../bot/adapters/storage/sql-faq-drafts.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import type { FaqDraftStore } from '../../bot/ports/faq-drafts.ts';
import { InMemoryFaqDrafts } from '../fakes/in-memory-faq-drafts.ts';
import { useBackends } from './backends.ts';

/** `open()` gives two stores on the same data (two replicas; the fake: one). */
function faqDraftsContract(name: string, available: boolean, open: () => Promise<{ a: FaqDraftStore; b: FaqDraftStore }>): void {
  describe.skipIf(!available)(`FAQ drafts contract on ${name}`, () => {
    it('numbers FAQ drafts, decides each once and sends each notice once', async () => {
      const { a, b } = await open();
      const first = await a.create({ ticketId: 't-1', question: 'Wie?', answer: 'So.', draftedBy: 'p-aylin', at: 't0' });
      const other = await b.create({ ticketId: 't-2', question: 'Wo?', answer: 'Dort.', draftedBy: 'p-aylin', at: 't1' });
      expect(first).toEqual({
        id: 1,
        ticketId: 't-1',
        question: 'Wie?',
        answer: 'So.',
        draftedBy: 'p-aylin',
        state: 'draft',
        createdAt: 't0',
      });
      expect(other.id).toBe(2);
      expect(await b.decide(1, 'approved', 'p-dana', 't2')).toBe(true);
      expect(await a.decide(1, 'rejected', 'p-dana', 't3')).toBe(false);
      expect(await a.decide(99, 'rejected', 'p-dana', 't3')).toBe(false);
      expect((await a.list('approved')).map((draft) => draft.id)).toEqual([1]);
      expect((await a.list()).map((draft) => draft.state)).toEqual(['approved', 'draft']);
      expect(await a.markNotice(1, 'owner', 't2')).toBe(true);
      expect(await b.markNotice(1, 'owner', 't3')).toBe(false);
      expect(await b.markNotice(1, 'revalidate:2027-12-01', 't3')).toBe(true);
    });

    it('records revalidations of approved entries only', async () => {
      const { a, b } = await open();
      await a.create({ ticketId: 't-1', question: 'Wie?', answer: 'So.', draftedBy: 'p-aylin', at: 't0' });
      await a.create({ ticketId: 't-2', question: 'Wo?', answer: 'Dort.', draftedBy: 'p-aylin', at: 't1' });
      await a.decide(1, 'approved', 'p-dana', 't2');
      await b.markRevalidated(1, 'p-dana', 't4');
      await b.markRevalidated(2, 'p-dana', 't4');
      expect(await a.get(1)).toMatchObject({
        state: 'approved',
        decidedBy: 'p-dana',
        decidedAt: 't2',
        revalidatedBy: 'p-dana',
        revalidatedAt: 't4',
      });
      expect(await a.get(2)).not.toHaveProperty('revalidatedBy');
      expect(await a.get(3)).toBeUndefined();
      expect(await a.get(Number.NaN)).toBeUndefined();
    });
  });
}

faqDraftsContract('the in-memory fake', true, async () => {
  const store = new InMemoryFaqDrafts();
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  faqDraftsContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlFaqDrafts(store), b: new SqlFaqDrafts(await secondStore()) };
  });
}

describe('FAQ drafts of an older lotse', () => {
  it('keeps the tables and rows its constructor created (legacy steps are skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'faq-drafts', [
      `CREATE TABLE faq_drafts (id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,
         drafted_by TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT);`,
      'CREATE TABLE faq_notices (draft_id INTEGER NOT NULL, step TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (draft_id, step));',
    ]);
    database
      .prepare(
        "INSERT INTO faq_drafts (ticket_id, question, answer, drafted_by, state, created_at) VALUES ('t-1', 'Wie?', 'So.', 'p-aylin', 'approved', 't0')",
      )
      .run();
    database.prepare("INSERT INTO faq_notices (draft_id, step, sent_at) VALUES (1, 'owner', 't1')").run();
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toContain('0012-faq-drafts');
    const drafts = new SqlFaqDrafts(store);
    await drafts.markRevalidated(1, 'p-dana', 't2'); // the third step (revalidation columns) was applied now
    expect(await drafts.get(1)).toMatchObject({ id: 1, state: 'approved', revalidatedBy: 'p-dana' });
    expect(await drafts.markNotice(1, 'owner', 't3')).toBe(false);
    expect((await drafts.create({ ticketId: 't-2', question: 'Wo?', answer: 'Dort.', draftedBy: 'p-aylin', at: 't4' })).id).toBe(2);
    database.close();
  });
});
