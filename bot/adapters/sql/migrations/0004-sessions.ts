/** Browser sessions and the pending logins older versions wrote (formerly created by the session store's constructor). */
import type { StoreMigration } from './migration.ts';

export const sessionsMigration: StoreMigration = {
  name: '0004-sessions',
  legacyStore: 'sessions',
  steps: [
    [
      `CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, principal TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at TEXT NOT NULL,
         last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS pending_logins (state TEXT PRIMARY KEY, nonce TEXT NOT NULL, code_verifier TEXT NOT NULL, return_to TEXT NOT NULL,
         expires_at TEXT NOT NULL)`,
    ],
  ],
};
