/**
 * Server-side access control for every console and API route: who may call it (public, the chat's
 * users, any logged-in person, or named roles), CSRF on state-changing requests, and the same German
 * answers everywhere (401 → login, 403 → not permitted).
 */
import type { Request, Response } from 'restify';
import type { Role } from '../../ports/directory.ts';
import type { Principal, Session } from '../../ports/identity.ts';
import { sendError } from '../../adapters/http-kit/send-error.ts';
import { webUserId } from '../web-user.ts';
import { readLimitedBody } from '../../adapters/http-kit/read-limited-body.ts';
import type { SessionManager } from './session-manager.ts';

/** Who may call a route: everyone, chat users (anonymous only in development mode), anyone logged in, or roles. */
export type Access = 'public' | 'chat' | 'authenticated' | readonly Role[];

/** What a protected handler learns about the caller. */
export interface Caller {
  /** Id for conversations and tickets (directory person id, IdP pseudonym, or the anonymous web cookie id). */
  readonly userId: string;
  readonly principal?: Principal;
  readonly session?: Session;
  /** The parsed form of an `application/x-www-form-urlencoded` request (its CSRF field already checked). */
  readonly form?: URLSearchParams;
}

/** A handler behind the guard. */
export type ProtectedHandler = (request: Request, response: Response, caller: Caller) => Promise<void>;

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function wantsHtml(request: Request): boolean {
  return request.method === 'GET' && !request.url?.startsWith('/api/') && /text\/html/.test(request.headers.accept ?? '');
}

/** True when a browser says the request comes from another site (`Sec-Fetch-Site: cross-site`, or an `Origin` of another host). */
export function foreignOrigin(request: Request): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  // "null" is sent for privacy reasons (referrer policy, sandboxes); the CSRF token still decides.
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

const maxFormBytes = 64 * 1024;

/** Reads a URL-encoded form; null when it exceeds the limit. */
async function readForm(request: Request): Promise<URLSearchParams | null> {
  const bytes = await readLimitedBody(request, maxFormBytes);
  return bytes ? new URLSearchParams(bytes.toString('utf8')) : null;
}

/** Creates the guard; `anonymousChat` is true in development mode only. */
export function createAccessGuard(deps: { sessions: SessionManager; anonymousChat: boolean }) {
  const denyAnonymous = (request: Request, response: Response): void => {
    if (wantsHtml(request)) {
      response.setHeader('Location', `/login?returnTo=${encodeURIComponent(request.url ?? '/')}`);
      response.setHeader('Cache-Control', 'no-store');
      return void response.send(302);
    }
    sendError(response, 401, 'unauthenticated', 'Bitte melden Sie sich an.');
  };

  return function protect(access: Access, handler: ProtectedHandler) {
    return async (request: Request, response: Response): Promise<void> => {
      const session = await deps.sessions.resolve(request);
      if (stateChanging.has(request.method ?? '') && foreignOrigin(request)) {
        return sendError(response, 403, 'foreign_origin', 'Diese Anfrage kam von einer fremden Seite und wurde abgelehnt.');
      }
      if (!session) {
        if (access === 'public') return handler(request, response, { userId: '' });
        if (access === 'chat' && deps.anonymousChat) return handler(request, response, { userId: webUserId(request, response) });
        return denyAnonymous(request, response);
      }
      const caller: Caller = { userId: session.principal.userId, principal: session.principal, session };
      if (Array.isArray(access) && !access.some((role) => session.principal.roles.includes(role))) {
        return sendError(response, 403, 'forbidden', 'Für diese Seite fehlt Ihnen die Berechtigung.');
      }
      if (!stateChanging.has(request.method ?? '')) return handler(request, response, caller);
      // Forms carry the token in the field `_csrf`, scripts in the header `x-csrf-token`.
      const form = /^application\/x-www-form-urlencoded/.test(request.headers['content-type'] ?? '') ? await readForm(request) : undefined;
      if (form === null) return sendError(response, 413, 'payload_too_large', 'Das Formular ist zu groß.');
      if (!deps.sessions.csrfValid(request, session, form?.get('_csrf') ?? undefined)) {
        return sendError(response, 403, 'csrf_invalid', 'Die Sicherheitsprüfung ist fehlgeschlagen. Bitte laden Sie die Seite neu.');
      }
      return handler(request, response, form ? { ...caller, form } : caller);
    };
  };
}

/** The guard function. */
export type Protect = ReturnType<typeof createAccessGuard>;

/** The guard without any login (servers built without identity, e.g. unit tests): chat users are anonymous, everything else is 401. */
export const anonymousOnlyGuard: Protect = (access, handler) => async (request, response) => {
  if (access === 'public') return handler(request, response, { userId: '' });
  if (access === 'chat') return handler(request, response, { userId: webUserId(request, response) });
  sendError(response, 401, 'unauthenticated', 'Bitte melden Sie sich an.');
};

/**
 * The path as the router will see it: percent-decoding repeated until stable, dot segments resolved, empty
 * segments dropped, lower-case (issue #18, item 5: `/api/%68r/` must not slip past a raw prefix check).
 * Undefined when the path cannot be decoded.
 */
export function normalisedPath(url: string): string | undefined {
  let path = url.split(/[?#]/)[0] ?? '';
  for (let round = 0; round < 4; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    if (decoded === path) break;
    path = decoded;
  }
  const segments: string[] = [];
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/** True when the decoded, normalised path of `url` is one of `prefixes` or below it (undecodable paths count as inside). */
export function pathUnder(url: string, prefixes: readonly string[]): boolean {
  const path = normalisedPath(url);
  if (path === undefined) return true;
  return prefixes.some((prefix) => {
    const base = prefix.toLowerCase().replace(/\/+$/, '');
    return path === base || path.startsWith(`${base}/`);
  });
}

/**
 * A `server.pre` hook: state-changing requests under `prefixes` with a session must be same-site and carry the CSRF token.
 * Callback-style (restify's async handlers cannot stop the chain); a failing session lookup passes the error on.
 */
export function csrfGuardFor(sessions: SessionManager, prefixes: readonly string[]) {
  return (request: Request, response: Response, next: (proceed?: boolean | Error) => void): void => {
    if (!stateChanging.has(request.method ?? '') || !pathUnder(request.url ?? '', prefixes)) return next();
    sessions.resolve(request).then(
      (session) => {
        if (session && (foreignOrigin(request) || !sessions.csrfValid(request, session))) {
          sendError(response, 403, 'csrf_invalid', 'Die Sicherheitsprüfung ist fehlgeschlagen. Bitte laden Sie die Seite neu.');
          return next(false);
        }
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  };
}
