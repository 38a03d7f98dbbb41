/** Absences of Digitallotsen (formerly created by the absence store's constructor). */
import type { StoreMigration } from './migration.ts';

export const absencesMigration: StoreMigration = {
  name: '0010-absences',
  legacyStore: 'lotse-absences',
  steps: [['CREATE TABLE IF NOT EXISTS lotse_absences (person_id TEXT PRIMARY KEY, until TEXT NOT NULL, set_at TEXT NOT NULL)']],
};
