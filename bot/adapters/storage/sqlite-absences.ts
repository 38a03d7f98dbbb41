/**
 * Absences of Digitallotsen on SQLite (or PostgreSQL through the same handle): one row per person with the
 * last absent day (no reason). Ended absences are deleted whenever someone sets or clears one.
 */
import type { Absence, AbsenceStore } from '../../ports/absences.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [`CREATE TABLE lotse_absences (person_id TEXT PRIMARY KEY, until TEXT NOT NULL, set_at TEXT NOT NULL)`];

interface Row {
  person_id: string;
  until: string;
  set_at: string;
}

const toAbsence = (row: Row): Absence => ({ personId: row.person_id, until: row.until, setAt: row.set_at });

/** SQL implementation of the absence store. */
export class SqliteAbsenceStore implements AbsenceStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'lotse-absences', migrations);
  }

  set(absence: Absence): void {
    this.database
      .prepare('INSERT INTO lotse_absences (person_id, until, set_at) VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET until = excluded.until, set_at = excluded.set_at')
      .run(absence.personId, absence.until, absence.setAt);
  }

  clear(personId: string): boolean {
    return this.database.prepare('DELETE FROM lotse_absences WHERE person_id = ?').run(personId).changes > 0;
  }

  get(personId: string): Absence | undefined {
    const row = this.database.prepare<[string], Row>('SELECT * FROM lotse_absences WHERE person_id = ?').get(personId);
    return row ? toAbsence(row) : undefined;
  }

  currentOn(date: string): Absence[] {
    return this.database.prepare<[string], Row>('SELECT * FROM lotse_absences WHERE until >= ? ORDER BY person_id').all(date).map(toAbsence);
  }

  removeEndedBefore(date: string): number {
    return this.database.prepare('DELETE FROM lotse_absences WHERE until < ?').run(date).changes;
  }
}
