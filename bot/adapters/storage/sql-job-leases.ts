/**
 * `JobLeases` on the shared SQL store (SQLite or PostgreSQL, issue #20): one row per lease in `job_leases`
 * (migration `0005-job-leases`). Taking or renewing is one conditional upsert, atomic on both engines, so of
 * two replicas racing for a free or expired lease exactly one wins.
 */
import { sql } from 'kysely';
import type { JobLeases, LeaseResult } from '../../ports/job-lease.ts';
import { first, run, withRetry, type StoreDatabase } from '../sql/store-database.ts';

interface Row {
  holder: string;
  until: string;
}

/** Leases in the `job_leases` table. */
export class SqlJobLeases implements JobLeases {
  constructor(private readonly database: StoreDatabase) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<LeaseResult> {
    const until = new Date(now.getTime() + ttlMs).toISOString();
    const at = now.toISOString();
    // Taking or renewing is idempotent for one holder: the whole attempt may be repeated after a dropped connection.
    return withRetry(async () => {
      const won = await first(
        this.database.db,
        sql<{ until: string }>`
        INSERT INTO job_leases (name, holder, until) VALUES (${name}, ${holder}, ${until})
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
        WHERE job_leases.holder = excluded.holder OR job_leases.until <= ${at}
        RETURNING until`,
      );
      if (won) return { kind: 'held', until };
      const row = await first(this.database.db, sql<Row>`SELECT holder, until FROM job_leases WHERE name = ${name}`);
      return { kind: 'taken', holder: row?.holder ?? '', until: row?.until ?? at };
    });
  }

  async release(name: string, holder: string): Promise<void> {
    await run(
      this.database.db,
      sql`UPDATE job_leases SET holder = '', until = ${new Date(0).toISOString()} WHERE name = ${name} AND holder = ${holder}`,
    );
  }

  async holderOf(name: string, now: Date): Promise<string | undefined> {
    const row = await first(this.database.db, sql<Row>`SELECT holder, until FROM job_leases WHERE name = ${name}`);
    return row && row.holder !== '' && row.until > now.toISOString() ? row.holder : undefined;
  }
}
