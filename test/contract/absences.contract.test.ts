/**
 * The absence store contract (issue #22, asynchronous since issue #20) on the in-memory fake, SQLite and
 * PostgreSQL: one absence per person, shared between replicas, ended ones forgotten; and a database whose
 * table the old constructor created keeps its rows.
 */
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { SqlAbsenceStore } from '../../bot/adapters/storage/sql-absences.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import type { AbsenceStore } from '../../bot/ports/absences.ts';
import { InMemoryAbsenceStore } from '../fakes/in-memory-absences.ts';
import { useBackends } from './backends.ts';

/** `open()` gives two stores on the same data (two replicas; the fake: one). */
function absenceStoreContract(name: string, available: boolean, open: () => Promise<{ a: AbsenceStore; b: AbsenceStore }>): void {
  describe.skipIf(!available)(`absence store contract on ${name}`, () => {
    it('keeps one absence per person and forgets ended ones', async () => {
      const { a, b } = await open();
      await a.set({ personId: 'p-aylin', until: '2026-11-30', setAt: '2026-11-22T10:00:00.000Z' });
      await b.set({ personId: 'p-aylin', until: '2026-12-24', setAt: '2026-11-23T10:00:00.000Z' });
      await a.set({ personId: 'p-erika', until: '2026-11-20', setAt: '2026-11-01T10:00:00.000Z' });
      await a.set({ personId: 'p-dana', until: '2026-11-22', setAt: '2026-11-01T10:00:00.000Z' });
      expect(await b.get('p-aylin')).toEqual({ personId: 'p-aylin', until: '2026-12-24', setAt: '2026-11-23T10:00:00.000Z' });
      expect(await b.get('p-x')).toBeUndefined();
      expect((await b.currentOn('2026-11-22')).map((absence) => absence.personId)).toEqual(['p-aylin', 'p-dana']);
      expect(await b.removeEndedBefore('2026-11-22')).toBe(1);
      expect(await a.get('p-erika')).toBeUndefined();
      expect(await b.clear('p-aylin')).toBe(true);
      expect(await b.clear('p-aylin')).toBe(false);
      expect(await a.get('p-aylin')).toBeUndefined();
      expect(await a.removeEndedBefore('2026-11-22')).toBe(0);
    });
  });
}

absenceStoreContract('the in-memory fake', true, async () => {
  const store = new InMemoryAbsenceStore();
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  absenceStoreContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlAbsenceStore(store), b: new SqlAbsenceStore(await secondStore()) };
  });
}

describe('absences of an older lotse', () => {
  it('keeps the table and rows its constructor created (the legacy step is skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'lotse-absences', [
      'CREATE TABLE lotse_absences (person_id TEXT PRIMARY KEY, until TEXT NOT NULL, set_at TEXT NOT NULL)',
    ]);
    database.prepare('INSERT INTO lotse_absences (person_id, until, set_at) VALUES (?, ?, ?)').run('p-aylin', '2026-12-24', 't0');
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toContain('0010-absences');
    expect(await new SqlAbsenceStore(store).get('p-aylin')).toMatchObject({ until: '2026-12-24' });
    database.close();
  });
});
