/** Versions of the shared directory and the pointer to the current one (formerly created by the directory versions store's constructor). */
import type { StoreMigration } from './migration.ts';

export const directoryVersionsMigration: StoreMigration = {
  name: '0009-directory-versions',
  legacyStore: 'directory-versions',
  steps: [
    [
      'CREATE TABLE IF NOT EXISTS directory_versions (version TEXT PRIMARY KEY, data TEXT NOT NULL, source TEXT NOT NULL, published_at TEXT NOT NULL)',
      'CREATE TABLE IF NOT EXISTS directory_current (name TEXT PRIMARY KEY, version TEXT NOT NULL, published_at TEXT NOT NULL)',
    ],
  ],
};
