/**
 * Composes login, sessions, roles and the console for the HTTP server: OIDC (with discovery retried
 * while the issuer is unreachable) or the loopback-only development login.
 */
import { createHash } from 'node:crypto';
import { discoverOidc, type OidcLogin } from '../adapters/auth/oidc-login.ts';
import { SqlSessionStore } from '../adapters/storage/sql-session-store.ts';
import type { IncomingMessage } from 'node:http';
import { createAccessGuard, csrfGuardFor } from '../http/auth/access.ts';
import { registerAuthRoutes } from '../http/auth/auth-routes.ts';
import { createPendingLoginSeal, pendingLoginKey } from '../http/auth/pending-login-cookie.ts';
import { createSessionManager } from '../http/auth/session-manager.ts';
import { loadConsoleTexts } from '../http/console/console-texts.ts';
import { registerConsole } from '../http/console/register-console.ts';
import type { IdentityWiring } from '../http/create-server.ts';
import type { Clock } from '../ports/clock.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { loadRolePolicy } from '../../policies/load-roles.ts';
import { auditKey } from './audit-trail.ts';
import { consoleDataOf } from './console-wiring.ts';
import { personContext } from '../core/identity/person-context.ts';
import type { Lotse } from './lotse.ts';

/** The identity layer of one process. */
export interface Identity extends IdentityWiring {
  /** The directory person of the request's session (HR routes); undefined without a session. */
  resolveActor(request: IncomingMessage): Promise<string | undefined>;
  /** Resolves once the first discovery attempt finished (successful or not). */
  readonly ready: Promise<void>;
  close(): void;
}

/** Operator message when neither `AUTH_MODE` nor `OIDC_ISSUER` is set (issue #18: no silent dev login). */
export const noLoginConfigured =
  'No login configured: set AUTH_MODE=oidc with OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URL, or AUTH_MODE=dev for the loopback-only demo login (npm start does this on a fresh checkout).';

const systemClock: Clock = { now: () => new Date() };

/** Builds the identity layer; an invalid `roles.yaml` throws (start-up stops). */
export function createIdentity(lotse: Lotse, logger: Logger, options: { clock?: Clock; retryMs?: number } = {}): Identity {
  const auth = lotse.config.auth;
  if (auth.mode === 'none') throw new Error(noLoginConfigured);
  const clock = options.clock ?? systemClock;
  const policy = loadRolePolicy(lotse.config.policiesDir);
  const store = new SqlSessionStore(lotse.store);
  const sessions = createSessionManager({
    store,
    policy,
    clock,
    secureCookies: auth.mode === 'oidc' && auth.redirectUrl.protocol === 'https:',
  });
  const protect = createAccessGuard({ sessions, anonymousChat: auth.mode === 'dev' });
  let oidc: OidcLogin | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (attempt: number): Promise<void> => {
    if (auth.mode !== 'oidc') return;
    try {
      oidc = await discoverOidc(auth);
      logger.info('oidc-ready', { issuer: auth.issuer.href });
    } catch (error) {
      const delay = Math.min(60_000, (options.retryMs ?? 5_000) * 2 ** Math.min(attempt, 4));
      logger.error('oidc-issuer-unreachable', {
        issuer: auth.issuer.href,
        error: describeError(error),
        retryInMs: delay,
        hint: 'Login is unavailable until the identity provider answers; the web chat shows a German notice meanwhile.',
      });
      retry = setTimeout(() => void connect(attempt + 1), delay);
      retry.unref();
    }
  };
  if (auth.mode === 'dev')
    logger.warn('auth-dev-mode', {
      hint: 'AUTH_MODE=dev: demo login without an identity provider, loopback only. Configure OIDC_ISSUER for production.',
    });
  const purge = setInterval(() => {
    sessions.purge().catch((error: unknown) => logger.warn('session-purge-failed', { error: describeError(error) }));
  }, 10 * 60_000);
  purge.unref();
  const texts = loadConsoleTexts();
  // The login cookie must open on every replica: a shared AUDIT_HMAC_KEY, else (PostgreSQL) the OIDC client secret.
  const sharedSecret = lotse.config.databaseUrl && auth.mode === 'oidc' ? auth.clientSecret : undefined;
  const sealMaterial = lotse.config.auditKey ?? (sharedSecret ? `oidc-client:${sharedSecret}` : auditKey(lotse.config.dataDir));
  if (lotse.config.databaseUrl && !lotse.config.auditKey && !sharedSecret && auth.mode === 'oidc')
    logger.warn('login-cookie-per-replica', {
      hint: 'DATABASE_URL without AUDIT_HMAC_KEY or OIDC_CLIENT_SECRET: a login must finish on the replica that started it. Set the same AUDIT_HMAC_KEY on every replica.',
    });
  const pseudonym = (sub: string): string =>
    `oidc-${createHash('sha256')
      .update(`${auth.mode === 'oidc' ? auth.issuer.href : ''}|${sub}`)
      .digest('hex')
      .slice(0, 20)}`;
  return {
    ready: connect(0),
    protect,
    // A logged-in person missing from the directory has no recorded KI training: extractive only, as in Teams and
    // Jabber (issue #18, item 8). Only the anonymous chat of the loopback dev mode stays ungated.
    contextOf: (caller) =>
      caller.principal ? personContext(caller.principal.personId ? lotse.directory.person(caller.principal.personId) : undefined) : {},
    resolveActor: async (request) => (await sessions.resolve(request))?.principal.personId,
    register(server) {
      // Routes outside the console table (HR API) get the same CSRF and origin checks for state-changing requests.
      server.pre(csrfGuardFor(sessions, ['/api/hr']));
      registerAuthRoutes(server, {
        mode: auth.mode,
        oidc: () => oidc,
        ...(auth.mode === 'oidc' ? { redirectUrl: auth.redirectUrl } : {}),
        sessions,
        store,
        policy,
        directory: lotse.directory,
        pseudonym,
        clock,
        logger,
        texts,
        protect,
        pendingSeal: createPendingLoginSeal(pendingLoginKey(sealMaterial)),
      });
      registerConsole(server, { ...consoleDataOf(lotse), texts, protect, logger });
    },
    close() {
      clearInterval(purge);
      if (retry) clearTimeout(retry);
    },
  };
}
