/**
 * The durable per-recipient outbox of HR news and survey invitations on the asynchronous store database (SQLite
 * or PostgreSQL; tables from migration `0018-hr-outbox`). The primary key (job, person) makes a second enqueue a
 * no-op; a row is claimed (`in_flight`) before it is sent and marked `sent`/`failed` afterwards, so a restart
 * resumes exactly where the last process stopped. A claim is one conditional `UPDATE … RETURNING` in a
 * transaction (on PostgreSQL its candidates are locked with `FOR UPDATE SKIP LOCKED`), so two processes or
 * replicas never claim the same row.
 *
 * A job's message is written and read with `storedOutboundMessage` (`stored-documents.ts`: versioned,
 * zod-checked). Rows of a job whose message this lotse cannot read are not handed out: in the claiming transaction
 * they go back to `pending` (attempt not counted) for `newerJobDelayMs` when the message was written by a newer
 * lotse (a newer replica will deliver them), or are marked `failed` with reason `stored message unreadable` when it
 * is invalid (shown in the delivery report). Both are logged once per job and reason (`stored-json-refused`).
 */
import { sql } from 'kysely';
import type { OutboundMessage } from '../../ports/channel-sender.ts';
import type { DeliveryReport } from '../../ports/hr-types.ts';
import type { Outbox, OutboxEntry } from '../../ports/hr-store.ts';
import { first, rows, run, type SqlExecutor, type StoreDatabase } from '../sql/store-database.ts';
import { refusedRowReporter } from '../sql/stored-json.ts';
import { storedOutboundMessage } from './stored-documents.ts';

/** Rows per multi-row INSERT (well below SQLite's bound-parameter limit). */
const chunkSize = 500;

/** How long rows of a job written by a newer lotse are left for a newer replica before this one looks again. */
export const newerJobDelayMs = 10 * 60_000;

/** The failure reason of rows whose job message is invalid. */
export const unreadableMessageReason = 'stored message unreadable';

/** The outbox in the lotse database. */
export class SqlHrOutbox implements Outbox {
  private readonly messages = new Map<string, OutboundMessage>();
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly database: StoreDatabase) {
    this.refused = refusedRowReporter('hr-outbox', database.logger);
  }

  async enqueue(job: string, message: OutboundMessage, personIds: readonly string[], at: string): Promise<boolean> {
    const people = [...new Set(personIds)].sort();
    return this.database.transaction(async (tx) => {
      const created = await run(
        tx,
        sql`INSERT INTO hr_jobs (job, message, created_at, acknowledgeable)
        VALUES (${job}, ${storedOutboundMessage.encode(message)}, ${at}, ${message.acknowledgeJob ? 1 : 0}) ON CONFLICT (job) DO NOTHING`,
      );
      if (created === 0) return false;
      for (let start = 0; start < people.length; start += chunkSize) {
        const values = people.slice(start, start + chunkSize).map((personId) => sql`(${job}, ${personId}, 'pending', ${at})`);
        await run(
          tx,
          sql`INSERT INTO hr_outbox (job, person_id, state, next_at) VALUES ${sql.join(values)} ON CONFLICT (job, person_id) DO NOTHING`,
        );
      }
      return true;
    });
  }

  /** Rows still to deliver (pending or in flight), for the queue gauge. */
  async pendingCount(): Promise<number> {
    return Number(
      (
        await first(
          this.database.db,
          sql<{ count: number }>`SELECT COUNT(*) AS count FROM hr_outbox WHERE state IN ('pending', 'in_flight')`,
        )
      )?.count ?? 0,
    );
  }

  async hasJob(job: string): Promise<boolean> {
    return (await first(this.database.db, sql`SELECT 1 AS found FROM hr_jobs WHERE job = ${job}`)) !== undefined;
  }

  async claim(now: string, limit: number): Promise<readonly OutboxEntry[]> {
    const lock = this.database.dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
    const claimed = await this.database.transaction(async (tx) => {
      const taken = await rows(
        tx,
        sql<{ job: string; person_id: string; attempts: number }>`
        UPDATE hr_outbox SET state = 'in_flight', attempts = attempts + 1, next_at = ${now}
        WHERE state = 'pending' AND (job, person_id) IN (
          SELECT job, person_id FROM hr_outbox WHERE state = 'pending' AND next_at <= ${now} ORDER BY next_at, job, person_id LIMIT ${limit}${lock})
        RETURNING job, person_id, attempts`,
      );
      const jobs = [...new Set(taken.map((row) => row.job))].filter((job) => !this.messages.has(job));
      const found =
        jobs.length === 0
          ? []
          : await rows(tx, sql<{ job: string; message: string }>`SELECT job, message FROM hr_jobs WHERE job IN (${sql.join(jobs)})`);
      const read = new Map<string, OutboundMessage>();
      const unreadable = new Set<string>();
      for (const row of found) {
        const decoded = storedOutboundMessage.decode(row.message);
        if (decoded.ok) {
          read.set(row.job, decoded.value);
          continue;
        }
        unreadable.add(row.job);
        this.refused(row.job, decoded.reason);
        await this.release(
          tx,
          row.job,
          taken.filter((entry) => entry.job === row.job).map((entry) => entry.person_id),
          decoded.newer,
          now,
        );
      }
      return { taken: taken.filter((entry) => !unreadable.has(entry.job)), read };
    });
    for (const [job, message] of claimed.read) this.messages.set(job, message);
    return claimed.taken
      .sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.person_id < b.person_id ? -1 : a.person_id > b.person_id ? 1 : 0))
      .map((row) => ({ job: row.job, personId: row.person_id, attempts: Number(row.attempts), message: this.messages.get(row.job)! }));
  }

  /** Rows just claimed whose job message cannot be read: back to pending for a newer replica, or failed. */
  private async release(tx: SqlExecutor, job: string, personIds: readonly string[], newer: boolean, now: string): Promise<void> {
    const later = Number.isNaN(Date.parse(now)) ? now : new Date(Date.parse(now) + newerJobDelayMs).toISOString();
    for (let start = 0; start < personIds.length; start += chunkSize) {
      const people = sql.join(personIds.slice(start, start + chunkSize));
      await run(
        tx,
        newer
          ? sql`UPDATE hr_outbox SET state = 'pending', attempts = attempts - 1, next_at = ${later} WHERE job = ${job} AND state = 'in_flight' AND person_id IN (${people})`
          : sql`UPDATE hr_outbox SET state = 'failed', reason = ${unreadableMessageReason} WHERE job = ${job} AND state = 'in_flight' AND person_id IN (${people})`,
      );
    }
  }

  async markSent(job: string, personId: string, _at: string): Promise<void> {
    await run(this.database.db, sql`UPDATE hr_outbox SET state = 'sent', reason = NULL WHERE job = ${job} AND person_id = ${personId}`);
  }

  async markRetry(job: string, personId: string, nextAt: string, reason: string): Promise<void> {
    await run(
      this.database.db,
      sql`UPDATE hr_outbox SET state = 'pending', next_at = ${nextAt}, reason = ${reason} WHERE job = ${job} AND person_id = ${personId}`,
    );
  }

  async markFailed(job: string, personId: string, reason: string): Promise<void> {
    await run(
      this.database.db,
      sql`UPDATE hr_outbox SET state = 'failed', reason = ${reason} WHERE job = ${job} AND person_id = ${personId}`,
    );
  }

  async recover(claimedBefore: string): Promise<number> {
    return run(this.database.db, sql`UPDATE hr_outbox SET state = 'pending' WHERE state = 'in_flight' AND next_at < ${claimedBefore}`);
  }

  async open(job: string): Promise<boolean> {
    return (
      (await first(
        this.database.db,
        sql`SELECT 1 AS found FROM hr_outbox WHERE job = ${job} AND state IN ('pending', 'in_flight') LIMIT 1`,
      )) !== undefined
    );
  }

  async report(job: string): Promise<DeliveryReport> {
    const counts = (
      await rows(
        this.database.db,
        sql<{ state: string; count: number; acknowledged: number }>`
      SELECT state, COUNT(*) AS count, COUNT(acknowledged_on) AS acknowledged FROM hr_outbox WHERE job = ${job} GROUP BY state`,
      )
    ).map((row) => ({ state: row.state, count: Number(row.count), acknowledged: Number(row.acknowledged) }));
    const of = (state: string): number => counts.find((row) => row.state === state)?.count ?? 0;
    const failures = await rows(
      this.database.db,
      sql<{ reason: string | null; count: number }>`
      SELECT reason, COUNT(*) AS count FROM hr_outbox WHERE job = ${job} AND state = 'failed' GROUP BY reason ORDER BY count DESC, reason`,
    );
    return {
      recipients: counts.reduce((sum, row) => sum + row.count, 0),
      pending: of('pending') + of('in_flight'),
      sent: of('sent'),
      failed: of('failed'),
      acknowledged: counts.reduce((sum, row) => sum + row.acknowledged, 0),
      failures: failures.map((row) => ({ reason: row.reason ?? '', count: Number(row.count) })),
    };
  }

  async unacknowledged(personId: string): Promise<readonly string[]> {
    return (
      await rows(
        this.database.db,
        sql<{ job: string }>`
      SELECT o.job FROM hr_outbox o JOIN hr_jobs j ON j.job = o.job
      WHERE o.person_id = ${personId} AND o.state = 'sent' AND o.acknowledged_on IS NULL AND j.acknowledgeable = 1
      ORDER BY j.created_at DESC, j.job DESC`,
      )
    ).map((row) => row.job);
  }

  /** The first acknowledgement's day is kept; a repeat still answers `true` for a recipient. */
  async acknowledge(job: string, personId: string, on: string): Promise<boolean> {
    return (
      (await run(
        this.database.db,
        sql`UPDATE hr_outbox SET acknowledged_on = COALESCE(acknowledged_on, ${on}) WHERE job = ${job} AND person_id = ${personId}`,
      )) === 1
    );
  }
}
