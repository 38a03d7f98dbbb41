/** Leases of work that runs on exactly one replica (formerly created by the job-leases store's constructor). */
import type { StoreMigration } from './migration.ts';

export const jobLeasesMigration: StoreMigration = {
  name: '0005-job-leases',
  legacyStore: 'job-leases',
  steps: [['CREATE TABLE IF NOT EXISTS job_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until TEXT NOT NULL)']],
};
