/**
 * `SessionStore` on SQLite: sessions keyed by the hash of the browser's random id (a stolen database
 * does not reveal usable cookies) and one-use pending logins (state, nonce, PKCE verifier).
 */
import { z } from 'zod';
import type { Principal, Session, SessionStore } from '../../ports/identity.ts';
import { roles } from '../../ports/directory.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, principal TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL);
   CREATE TABLE pending_logins (state TEXT PRIMARY KEY, nonce TEXT NOT NULL, code_verifier TEXT NOT NULL, return_to TEXT NOT NULL,
     expires_at TEXT NOT NULL);`,
];

const principalSchema = z.object({
  userId: z.string().min(1),
  personId: z.string().min(1).optional(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  source: z.enum(['oidc', 'dev']),
});

interface SessionRow {
  id_hash: string;
  principal: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

function toSession(row: SessionRow): Session | undefined {
  const principal = principalSchema.safeParse(JSON.parse(row.principal));
  if (!principal.success) return undefined;
  const value: Principal = { ...principal.data, ...(principal.data.personId ? { personId: principal.data.personId } : {}) };
  return { idHash: row.id_hash, principal: value, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
}

/** Sessions and pending logins in the lotse database. */
export class SqliteSessionStore implements SessionStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'sessions', migrations);
  }

  create(session: Session): void {
    this.database
      .prepare('INSERT INTO sessions (id_hash, principal, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(session.idHash, JSON.stringify(session.principal), session.csrfToken, session.createdAt, session.lastSeenAt, session.expiresAt);
  }

  get(idHash: string): Session | undefined {
    const row = this.database.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?').get(idHash);
    return row ? toSession(row) : undefined;
  }

  touch(idHash: string, at: string): void {
    this.database.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
  }

  delete(idHash: string): void {
    this.database.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  purgeExpired(now: string, idleBefore: string): number {
    // Pending logins travel in a sealed cookie now (issue #18, item 13); this clears rows older versions wrote.
    this.database.prepare('DELETE FROM pending_logins WHERE expires_at <= ?').run(now);
    return this.database.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, idleBefore).changes;
  }
}
