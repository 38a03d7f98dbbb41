/** The hash-chained audit trail and its purge anchor (formerly created by the audit log's constructor). */
import type { StoreMigration } from './migration.ts';

export const auditMigration: StoreMigration = {
  name: '0003-audit',
  legacyStore: 'audit',
  steps: [
    [
      {
        sqlite:
          'CREATE TABLE IF NOT EXISTS audit_records (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)',
        postgres:
          'CREATE TABLE IF NOT EXISTS audit_records (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)',
      },
      {
        sqlite:
          'CREATE TABLE IF NOT EXISTS audit_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL, purged_at TEXT NOT NULL)',
        postgres:
          'CREATE TABLE IF NOT EXISTS audit_anchor (id BIGINT PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL, purged_at TEXT NOT NULL)',
      },
    ],
  ],
};
