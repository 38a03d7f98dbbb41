/**
 * Login and logout: `/login` sends the browser to the identity provider (or, in development mode, to the
 * demo-user picker), the callback checks state, nonce and PKCE and starts a session, `/logout` ends it.
 */
import type { Request, Response, Server } from 'restify';
import { principalFromClaims } from '../../core/identity/principal-from-claims.ts';
import { renderConsolePage } from '../console/console-layout.ts';
export type { AuthRouteDeps };
import { escapeHtml } from '../pages.ts';
import { redirect, safeReturnTo, sendPage, type AuthRouteDeps } from './auth-deps.ts';
import { registerDevLogin } from './dev-login.ts';
import { setCookie } from './cookies.ts';
import { readSealedCookie } from './pending-login-cookie.ts';
import { cookieName } from './session-manager.ts';

/**
 * Binds a login to the browser that started it: `/login` sets this cookie to the sealed pending login, the
 * callback requires its `state` (login CSRF: an attacker's callback URL must not log a victim into the
 * attacker's account). No database row: `/login` works, and costs nothing, without the database (item 13).
 */
const loginCookie = 'lotse_login';

function failurePage(deps: AuthRouteDeps, message: string): string {
  return renderConsolePage(deps.texts, {
    title: deps.texts.loginTitle,
    body: `<p role="alert">${escapeHtml(message)}</p><p><a href="/login">${escapeHtml(deps.texts.loginAgain)}</a></p>`,
  });
}

async function startLogin(deps: AuthRouteDeps, request: Request, response: Response): Promise<void> {
  const requested = safeReturnTo(new URL(request.url ?? '/', 'http://local').searchParams.get('returnTo'));
  const returnTo = requested.length <= 512 ? requested : '/konsole'; // keeps the sealed cookie small
  if (deps.mode === 'dev') return redirect(response, `/dev-login?returnTo=${encodeURIComponent(returnTo)}`);
  const oidc = deps.oidc();
  if (!oidc) return sendPage(response, 503, failurePage(deps, deps.texts.loginUnavailable));
  const { url, pending } = await oidc.start(returnTo, deps.clock.now());
  const secure = deps.redirectUrl?.protocol === 'https:';
  setCookie(response, cookieName(loginCookie, secure), deps.pendingSeal.seal(pending), { httpOnly: true, secure, maxAge: 600 });
  redirect(response, url.href);
}

async function finishLogin(deps: AuthRouteDeps, request: Request, response: Response): Promise<void> {
  const oidc = deps.oidc();
  if (!oidc || !deps.redirectUrl) return sendPage(response, 503, failurePage(deps, deps.texts.loginUnavailable));
  const callbackUrl = new URL(request.url ?? '/', deps.redirectUrl);
  const state = callbackUrl.searchParams.get('state') ?? '';
  const secure = deps.redirectUrl.protocol === 'https:';
  const sealed = readSealedCookie(request, cookieName(loginCookie, secure));
  const pending = sealed ? deps.pendingSeal.open(sealed) : undefined;
  if (!state || !pending || pending.state !== state) {
    deps.logger.warn('login-rejected', { reason: 'state not bound to this browser' });
    return sendPage(response, 400, failurePage(deps, deps.texts.loginFailed));
  }
  if (pending.expiresAt <= deps.clock.now().toISOString()) {
    deps.logger.warn('login-rejected', { reason: 'expired state' });
    return sendPage(response, 400, failurePage(deps, deps.texts.loginFailed));
  }
  const result = await oidc.finish(callbackUrl, pending);
  if (!result.ok) {
    deps.logger.warn('login-rejected', { reason: result.reason });
    return sendPage(response, 400, failurePage(deps, deps.texts.loginFailed));
  }
  const principal = principalFromClaims(result.claims, { policy: deps.policy, directory: deps.directory, pseudonym: deps.pseudonym });
  // A new login replaces the browser's previous session everywhere (no second valid id left behind).
  const previous = await deps.sessions.resolve(request);
  if (previous) await deps.store.delete(previous.idHash);
  setCookie(response, cookieName(loginCookie, secure), '', { httpOnly: true, secure, maxAge: 0 });
  await deps.sessions.start(response, principal);
  deps.logger.info('login', { source: 'oidc', roles: principal.roles.join(',') });
  redirect(response, safeReturnTo(pending.returnTo));
}

/** Registers `/login`, the OIDC callback, `/logout`, `/abgemeldet`, `/api/session` and (dev mode) `/dev-login`. */
export function registerAuthRoutes(server: Server, deps: AuthRouteDeps): void {
  const guard =
    (handler: (request: Request, response: Response) => Promise<void>) =>
    async (request: Request, response: Response): Promise<void> => {
      try {
        await handler(request, response);
      } catch (error) {
        deps.logger.error('login-route-failed', { error: String(error) });
        if (!response.headersSent) sendPage(response, 500, failurePage(deps, deps.texts.loginFailed));
      }
    };
  server.get(
    '/login',
    guard((request, response) => startLogin(deps, request, response)),
  );
  if (deps.redirectUrl)
    server.get(
      deps.redirectUrl.pathname,
      guard((request, response) => finishLogin(deps, request, response)),
    );
  server.post(
    '/logout',
    deps.protect('authenticated', async (_request, response, caller) => {
      await deps.sessions.end(response, caller.session);
      redirect(response, '/abgemeldet');
    }),
  );
  server.get(
    '/abgemeldet',
    guard(async (_request, response) => {
      const endSession = deps.redirectUrl ? deps.oidc()?.endSessionUrl(new URL('/', deps.redirectUrl)) : undefined;
      const link = endSession ? `<p><a href="${escapeHtml(endSession.href)}">${escapeHtml(deps.texts.logoutAtProvider)}</a></p>` : '';
      sendPage(
        response,
        200,
        renderConsolePage(deps.texts, {
          title: deps.texts.loggedOutTitle,
          body: `<p>${escapeHtml(deps.texts.loggedOut)}</p>${link}<p><a href="/login">${escapeHtml(deps.texts.loginAgain)}</a></p>`,
        }),
      );
    }),
  );
  server.get(
    '/api/session',
    deps.protect('public', async (_request, response, caller) => {
      response.setHeader('Cache-Control', 'no-store');
      response.send(
        200,
        caller.principal
          ? { authenticated: true, mode: deps.mode, displayName: caller.principal.displayName, roles: caller.principal.roles }
          : { authenticated: false, mode: deps.mode },
      );
    }),
  );
  if (deps.mode === 'dev') registerDevLogin(server, deps);
}
