/**
 * `SessionStore` on the asynchronous store database (SQLite or PostgreSQL): sessions keyed by the hash of the
 * browser's random id (a stolen database does not reveal usable cookies). The tables come from migration
 * `0004-sessions`; `pending_logins` only holds rows older versions wrote (logins travel in a sealed cookie now).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal, Session, SessionStore } from '../../ports/identity.ts';
import { roles } from '../../ports/directory.ts';
import { first, run, type StoreDatabase } from '../sql/store-database.ts';

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

/** The stored principal, or undefined when it is not valid JSON or not a principal (written by another version). */
function principalOf(text: string): Principal | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const principal = principalSchema.safeParse(value);
  if (!principal.success) return undefined;
  return { ...principal.data, ...(principal.data.personId ? { personId: principal.data.personId } : {}) };
}

function toSession(row: SessionRow): Session | undefined {
  const principal = principalOf(row.principal);
  if (!principal) return undefined;
  return {
    idHash: row.id_hash,
    principal,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** Sessions in the lotse database, shared by replicas on PostgreSQL. */
export class SqlSessionStore implements SessionStore {
  constructor(private readonly database: StoreDatabase) {}

  async create(session: Session): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO sessions (id_hash, principal, csrf_token, created_at, last_seen_at, expires_at)
      VALUES (${session.idHash}, ${JSON.stringify(session.principal)}, ${session.csrfToken}, ${session.createdAt}, ${session.lastSeenAt}, ${session.expiresAt})`,
    );
  }

  async get(idHash: string): Promise<Session | undefined> {
    const row = await first(
      this.database.db,
      sql<SessionRow>`SELECT id_hash, principal, csrf_token, created_at, last_seen_at, expires_at
      FROM sessions WHERE id_hash = ${idHash}`,
    );
    return row ? toSession(row) : undefined;
  }

  async touch(idHash: string, at: string): Promise<void> {
    await run(this.database.db, sql`UPDATE sessions SET last_seen_at = ${at} WHERE id_hash = ${idHash}`);
  }

  async delete(idHash: string): Promise<void> {
    await run(this.database.db, sql`DELETE FROM sessions WHERE id_hash = ${idHash}`);
  }

  async purgeExpired(now: string, idleBefore: string): Promise<number> {
    // Pending logins travel in a sealed cookie now (issue #18, item 13); this clears rows older versions wrote.
    await run(this.database.db, sql`DELETE FROM pending_logins WHERE expires_at <= ${now}`);
    return run(this.database.db, sql`DELETE FROM sessions WHERE expires_at <= ${now} OR last_seen_at <= ${idleBefore}`);
  }
}
