/**
 * The durable per-recipient outbox of HR news and survey invitations in SQLite. The primary key
 * (job, person) makes a second enqueue a no-op; a row is claimed (`in_flight`) before it is sent and marked
 * `sent`/`failed` afterwards, so a restart resumes exactly where the last process stopped. Claims run as
 * IMMEDIATE transactions, so two processes (serve and `lotse hr broadcast send`) never claim the same row.
 */
import type { OutboundMessage } from '../../ports/channel-sender.ts';
import type { DeliveryReport } from '../../ports/hr-types.ts';
import type { Outbox, OutboxEntry } from '../../ports/hr-store.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE hr_jobs (job TEXT PRIMARY KEY, message TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE hr_outbox (
     job TEXT NOT NULL REFERENCES hr_jobs (job), person_id TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, reason TEXT, acknowledged_on TEXT,
     PRIMARY KEY (job, person_id));
   CREATE INDEX hr_outbox_due ON hr_outbox (state, next_at);`,
  // Portable instead of json_extract (PostgreSQL): whether the job's message asks for an acknowledgement.
  `ALTER TABLE hr_jobs ADD COLUMN acknowledgeable INTEGER NOT NULL DEFAULT 0;
   UPDATE hr_jobs SET acknowledgeable = 1 WHERE message LIKE '%"acknowledgeJob"%';`,
];

interface Row {
  job: string;
  person_id: string;
  attempts: number;
  message: string;
}

/** The outbox in the lotse database. */
export class SqliteHrOutbox implements Outbox {
  private readonly messages = new Map<string, OutboundMessage>();

  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'hr-outbox', migrations);
  }

  /** A write transaction that takes the lock at once (SQLite `BEGIN IMMEDIATE`), so two processes never claim the same rows. */
  private immediately<T>(work: () => T): T {
    const transaction = this.database.transaction(work) as (() => T) & { immediate?: () => T };
    return transaction.immediate ? transaction.immediate() : transaction();
  }

  enqueue(job: string, message: OutboundMessage, personIds: readonly string[], at: string): boolean {
    return this.immediately(() => {
      if (this.database.prepare('INSERT OR IGNORE INTO hr_jobs (job, message, created_at, acknowledgeable) VALUES (?, ?, ?, ?)').run(job, JSON.stringify(message), at, message.acknowledgeJob ? 1 : 0).changes === 0) return false;
      const insert = this.database.prepare("INSERT OR IGNORE INTO hr_outbox (job, person_id, state, next_at) VALUES (?, ?, 'pending', ?)");
      for (const personId of personIds) insert.run(job, personId, at);
      return true;
    });
  }

  /** Rows still to deliver (pending or in flight), for the queue gauge. */
  pendingCount(): number {
    return this.database.prepare<[], { count: number }>("SELECT COUNT(*) AS count FROM hr_outbox WHERE state IN ('pending', 'in_flight')").get()?.count ?? 0;
  }

  hasJob(job: string): boolean {
    return this.database.prepare('SELECT 1 FROM hr_jobs WHERE job = ?').get(job) !== undefined;
  }

  claim(now: string, limit: number): readonly OutboxEntry[] {
    return this.immediately(() => {
      const rows = this.database.prepare<[string, number], Row>(
        `SELECT o.job, o.person_id, o.attempts, j.message FROM hr_outbox o JOIN hr_jobs j ON j.job = o.job
         WHERE o.state = 'pending' AND o.next_at <= ? ORDER BY o.next_at, o.job, o.person_id LIMIT ?`,
      ).all(now, limit);
      const mark = this.database.prepare("UPDATE hr_outbox SET state = 'in_flight', attempts = attempts + 1, next_at = ? WHERE job = ? AND person_id = ? AND state = 'pending'");
      return rows.filter((row) => mark.run(now, row.job, row.person_id).changes === 1).map((row) => ({
        job: row.job, personId: row.person_id, attempts: row.attempts + 1, message: this.messageOf(row.job, row.message),
      }));
    });
  }

  private messageOf(job: string, json: string): OutboundMessage {
    const cached = this.messages.get(job);
    if (cached) return cached;
    const message = JSON.parse(json) as OutboundMessage;
    this.messages.set(job, message);
    return message;
  }

  markSent(job: string, personId: string, _at: string): void {
    this.database.prepare("UPDATE hr_outbox SET state = 'sent', reason = NULL WHERE job = ? AND person_id = ?").run(job, personId);
  }

  markRetry(job: string, personId: string, nextAt: string, reason: string): void {
    this.database.prepare("UPDATE hr_outbox SET state = 'pending', next_at = ?, reason = ? WHERE job = ? AND person_id = ?").run(nextAt, reason, job, personId);
  }

  markFailed(job: string, personId: string, reason: string): void {
    this.database.prepare("UPDATE hr_outbox SET state = 'failed', reason = ? WHERE job = ? AND person_id = ?").run(reason, job, personId);
  }

  recover(claimedBefore: string): number {
    return this.database.prepare("UPDATE hr_outbox SET state = 'pending' WHERE state = 'in_flight' AND next_at < ?").run(claimedBefore).changes;
  }

  open(job: string): boolean {
    return this.database.prepare("SELECT 1 FROM hr_outbox WHERE job = ? AND state IN ('pending', 'in_flight') LIMIT 1").get(job) !== undefined;
  }

  report(job: string): DeliveryReport {
    const counts = this.database.prepare<[string], { state: string; count: number; acknowledged: number }>(
      'SELECT state, COUNT(*) AS count, COUNT(acknowledged_on) AS acknowledged FROM hr_outbox WHERE job = ? GROUP BY state',
    ).all(job);
    const of = (state: string): number => counts.find((row) => row.state === state)?.count ?? 0;
    const failures = this.database.prepare<[string], { reason: string; count: number }>(
      "SELECT reason, COUNT(*) AS count FROM hr_outbox WHERE job = ? AND state = 'failed' GROUP BY reason ORDER BY count DESC",
    ).all(job);
    return {
      recipients: counts.reduce((sum, row) => sum + row.count, 0),
      pending: of('pending') + of('in_flight'), sent: of('sent'), failed: of('failed'),
      acknowledged: counts.reduce((sum, row) => sum + row.acknowledged, 0),
      failures: failures.map((row) => ({ reason: row.reason ?? '', count: row.count })),
    };
  }

  unacknowledged(personId: string): readonly string[] {
    return this.database.prepare<[string], { job: string }>(
      `SELECT o.job FROM hr_outbox o JOIN hr_jobs j ON j.job = o.job
       WHERE o.person_id = ? AND o.state = 'sent' AND o.acknowledged_on IS NULL AND j.acknowledgeable = 1
       ORDER BY j.created_at DESC, j.job DESC`,
    ).all(personId).map((row) => row.job);
  }

  acknowledge(job: string, personId: string, on: string): boolean {
    return this.database.prepare('UPDATE hr_outbox SET acknowledged_on = COALESCE(acknowledged_on, ?) WHERE job = ? AND person_id = ?').run(on, job, personId).changes === 1;
  }
}
