/**
 * The durable per-recipient HR outbox (issue #10, formerly created by the outbox's constructor): jobs with their
 * message and one row per (job, person), so nobody gets a job twice.
 */
import type { StoreMigration } from './migration.ts';

export const hrOutboxMigration: StoreMigration = {
  name: '0018-hr-outbox',
  legacyStore: 'hr-outbox',
  steps: [
    [
      'CREATE TABLE IF NOT EXISTS hr_jobs (job TEXT PRIMARY KEY, message TEXT NOT NULL, created_at TEXT NOT NULL)',
      `CREATE TABLE IF NOT EXISTS hr_outbox (
        job TEXT NOT NULL REFERENCES hr_jobs (job), person_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, reason TEXT, acknowledged_on TEXT,
        PRIMARY KEY (job, person_id))`,
      'CREATE INDEX IF NOT EXISTS hr_outbox_due ON hr_outbox (state, next_at)',
    ],
    // Portable instead of json_extract: whether the job's message asks for an acknowledgement.
    [
      'ALTER TABLE hr_jobs ADD COLUMN acknowledgeable INTEGER NOT NULL DEFAULT 0',
      `UPDATE hr_jobs SET acknowledgeable = 1 WHERE message LIKE '%"acknowledgeJob"%'`,
    ],
  ],
};
