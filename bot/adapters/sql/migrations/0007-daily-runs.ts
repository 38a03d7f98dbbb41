/** The day each daily job last ran (formerly created by the daily-runs store's constructor). */
import type { StoreMigration } from './migration.ts';

export const dailyRunsMigration: StoreMigration = {
  name: '0007-daily-runs',
  legacyStore: 'daily-runs',
  steps: [['CREATE TABLE IF NOT EXISTS daily_runs (job TEXT PRIMARY KEY, day TEXT NOT NULL, at TEXT NOT NULL)']],
};
