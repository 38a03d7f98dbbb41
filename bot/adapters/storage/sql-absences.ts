/**
 * Absences of Digitallotsen on the asynchronous store database (SQLite or PostgreSQL, issue #20): one row
 * per person with the last absent day (no reason). Ended absences are deleted whenever someone sets or
 * clears one. The table comes from migration `0010-absences`.
 */
import { sql } from 'kysely';
import type { Absence, AbsenceStore } from '../../ports/absences.ts';
import { first, rows, run, type StoreDatabase } from '../sql/store-database.ts';

interface Row {
  person_id: string;
  until: string;
  set_at: string;
}

const toAbsence = (row: Row): Absence => ({ personId: row.person_id, until: row.until, setAt: row.set_at });

/** SQL implementation of the absence store. */
export class SqlAbsenceStore implements AbsenceStore {
  constructor(private readonly database: StoreDatabase) {}

  async set(absence: Absence): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO lotse_absences (person_id, until, set_at) VALUES (${absence.personId}, ${absence.until}, ${absence.setAt})
      ON CONFLICT (person_id) DO UPDATE SET until = excluded.until, set_at = excluded.set_at`,
    );
  }

  async clear(personId: string): Promise<boolean> {
    return (await run(this.database.db, sql`DELETE FROM lotse_absences WHERE person_id = ${personId}`)) > 0;
  }

  async get(personId: string): Promise<Absence | undefined> {
    const row = await first(this.database.db, sql<Row>`SELECT person_id, until, set_at FROM lotse_absences WHERE person_id = ${personId}`);
    return row ? toAbsence(row) : undefined;
  }

  async currentOn(date: string): Promise<Absence[]> {
    return (
      await rows(this.database.db, sql<Row>`SELECT person_id, until, set_at FROM lotse_absences WHERE until >= ${date} ORDER BY person_id`)
    ).map(toAbsence);
  }

  async removeEndedBefore(date: string): Promise<number> {
    return run(this.database.db, sql`DELETE FROM lotse_absences WHERE until < ${date}`);
  }
}
