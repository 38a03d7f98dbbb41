/**
 * Who someone is and what they may do: a principal (from OIDC login, a channel identity or the
 * development login) with roles, kept in server-side sessions. lotse stores no passwords.
 */
import type { Role } from './directory.ts';

/** An authenticated person as the HTTP layer and console see them. */
export interface Principal {
  /** Stable id used for conversations and tickets: the directory person id, or a pseudonym of the IdP subject. */
  readonly userId: string;
  /** The directory person, when the login could be matched to one. */
  readonly personId?: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly source: 'oidc' | 'dev';
}

/** A server-side session; the browser only holds a random id whose hash is the key. */
export interface Session {
  readonly idHash: string;
  readonly principal: Principal;
  /** Token that state-changing requests must echo (header `x-csrf-token` or form field `_csrf`). */
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end of the session (ISO), independent of activity. */
  readonly expiresAt: string;
}

/** A login in progress (between the redirect to the IdP and its callback). */
export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  readonly expiresAt: string;
}

/** Persistence of sessions (SQLite by default, shared by replicas on PostgreSQL); asynchronous (issue #20). */
export interface SessionStore {
  create(session: Session): Promise<void>;
  /** The session; undefined when unknown or when its stored principal cannot be read. */
  get(idHash: string): Promise<Session | undefined>;
  touch(idHash: string, at: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Removes sessions whose absolute or idle lifetime has passed; returns how many. */
  purgeExpired(now: string, idleBefore: string): Promise<number>;
}

/** Group → role mapping and session lifetimes (from `policies/roles.yaml`). */
export interface RolePolicy {
  readonly version: string;
  readonly groupClaim: string;
  /** `email` (only when the IdP marks it verified), `sub` (directory id) or `oid` (Entra object id, `aadObjectId`). */
  readonly personClaim: 'email' | 'sub' | 'oid';
  readonly defaultRoles: readonly Role[];
  readonly groups: Readonly<Record<string, readonly Role[]>>;
  readonly directoryRoles: boolean;
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}
