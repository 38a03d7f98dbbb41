/**
 * Sessions in the browser: a random id in an httpOnly cookie (only its hash is stored), a CSRF token
 * that state-changing requests must echo, idle and absolute expiry from `policies/roles.yaml`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../ports/clock.ts';
import type { Principal, RolePolicy, Session, SessionStore } from '../../ports/identity.ts';
import { readCookie, setCookie } from './cookies.ts';

/** Name of the session cookie. */
export const sessionCookie = 'lotse_session';
/** Name of the CSRF cookie (readable by the page's script, echoed in `x-csrf-token`). */
export const csrfCookie = 'lotse_csrf';

/**
 * The cookie name on the wire: with https (`Secure`) the `__Host-` prefix, which browsers accept only from this
 * host with `Path=/` and no `Domain`, so a sibling subdomain cannot plant or overwrite it (issue #18, item 7).
 */
export function cookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

const hash = (id: string): string => createHash('sha256').update(id).digest('base64url');
const token = (): string => randomBytes(32).toString('base64url');

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Creates, resolves and ends sessions. */
export function createSessionManager(deps: { store: SessionStore; policy: RolePolicy; clock: Clock; secureCookies: boolean }) {
  const cookieOptions = { secure: deps.secureCookies };
  const sessionName = cookieName(sessionCookie, deps.secureCookies);
  const csrfName = cookieName(csrfCookie, deps.secureCookies);
  const idleMs = deps.policy.idleMinutes * 60_000;

  return {
    /** Starts a session for `principal` and sets both cookies. */
    async start(response: ServerResponse, principal: Principal): Promise<Session> {
      const id = token();
      const now = deps.clock.now();
      const session: Session = {
        idHash: hash(id),
        principal,
        csrfToken: token(),
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + deps.policy.absoluteHours * 3_600_000).toISOString(),
      };
      await deps.store.create(session);
      setCookie(response, sessionName, id, { ...cookieOptions, httpOnly: true });
      setCookie(response, csrfName, session.csrfToken, { ...cookieOptions, httpOnly: false });
      return session;
    },
    /** The live session of the request; expired or unknown sessions count as none (and are removed). */
    async resolve(request: IncomingMessage): Promise<Session | undefined> {
      const id = readCookie(request, sessionName);
      if (!id) return undefined;
      const session = await deps.store.get(hash(id));
      if (!session) return undefined;
      const now = deps.clock.now();
      if (session.expiresAt <= now.toISOString() || new Date(session.lastSeenAt).getTime() + idleMs <= now.getTime()) {
        await deps.store.delete(session.idHash);
        return undefined;
      }
      await deps.store.touch(session.idHash, now.toISOString());
      return session;
    },
    /** True when the request echoes the session's CSRF token (header or already-parsed form field). */
    csrfValid(request: IncomingMessage, session: Session, formToken?: string): boolean {
      const header = request.headers['x-csrf-token'];
      const sent = typeof header === 'string' ? header : formToken;
      return typeof sent === 'string' && sameToken(sent, session.csrfToken);
    },
    /** Ends the session and clears the cookies. */
    async end(response: ServerResponse, session: Session | undefined): Promise<void> {
      if (session) await deps.store.delete(session.idHash);
      setCookie(response, sessionName, '', { ...cookieOptions, httpOnly: true, maxAge: 0 });
      setCookie(response, csrfName, '', { ...cookieOptions, httpOnly: false, maxAge: 0 });
    },
    /** Removes expired and idle sessions; returns how many. */
    purge(): Promise<number> {
      const now = deps.clock.now();
      return deps.store.purgeExpired(now.toISOString(), new Date(now.getTime() - idleMs).toISOString());
    },
  };
}

/** The session API used by routes. */
export type SessionManager = ReturnType<typeof createSessionManager>;
