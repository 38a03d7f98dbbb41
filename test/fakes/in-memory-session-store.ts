import { roles } from '../../bot/ports/directory.ts';
import type { Principal, Session, SessionStore } from '../../bot/ports/identity.ts';

/** A stored session as the database holds it: the principal as JSON text. */
interface StoredSession extends Omit<Session, 'principal'> {
  principal: string;
}

/** Sessions in a map, the principal kept as JSON like the real store; asynchronous like it. */
export class InMemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, StoredSession>();

  async create(session: Session): Promise<void> {
    if (this.sessions.has(session.idHash)) throw new Error(`session ${session.idHash} exists`);
    this.sessions.set(session.idHash, { ...session, principal: JSON.stringify(session.principal) });
  }
  async get(idHash: string): Promise<Session | undefined> {
    const stored = this.sessions.get(idHash);
    if (!stored) return undefined;
    let principal: Principal;
    try {
      principal = JSON.parse(stored.principal) as Principal;
    } catch {
      return undefined;
    }
    const valid =
      typeof principal?.userId === 'string' &&
      Array.isArray(principal.roles) &&
      principal.roles.every((role) => roles.includes(role)) &&
      (principal.source === 'oidc' || principal.source === 'dev');
    return valid ? { ...stored, principal } : undefined;
  }
  async touch(idHash: string, at: string): Promise<void> {
    const stored = this.sessions.get(idHash);
    if (stored) this.sessions.set(idHash, { ...stored, lastSeenAt: at });
  }
  async delete(idHash: string): Promise<void> {
    this.sessions.delete(idHash);
  }
  async purgeExpired(now: string, idleBefore: string): Promise<number> {
    let removed = 0;
    for (const [idHash, stored] of this.sessions) {
      if (stored.expiresAt <= now || stored.lastSeenAt <= idleBefore) {
        this.sessions.delete(idHash);
        removed += 1;
      }
    }
    return removed;
  }
  /** Overwrites a session's stored principal with `text` (a row written by another version, or damaged). */
  corruptPrincipal(idHash: string, text: string): void {
    const stored = this.sessions.get(idHash);
    if (stored) this.sessions.set(idHash, { ...stored, principal: text });
  }
}
