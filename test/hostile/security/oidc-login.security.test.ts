/**
 * Issue #18, item 7: OIDC login hardening. People are matched by e-mail only when the IdP marks it verified
 * (or by `oid`), `state` is bound to the browser that started the login, and a new login revokes the previous
 * session. The relying party is a fake `OidcLogin` (code exchange is the openid-client's job, tested elsewhere).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import restify, { type Server } from 'restify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { OidcLogin } from '../../../bot/adapters/auth/oidc-login.ts';
import { loadDirectory } from '../../../bot/adapters/directory/load-directory.ts';
import { SqlSessionStore } from '../../../bot/adapters/storage/sql-session-store.ts';
import { principalFromClaims } from '../../../bot/core/identity/principal-from-claims.ts';
import { createAccessGuard } from '../../../bot/http/auth/access.ts';
import { registerAuthRoutes } from '../../../bot/http/auth/auth-routes.ts';
import { createPendingLoginSeal } from '../../../bot/http/auth/pending-login-cookie.ts';
import { createSessionManager } from '../../../bot/http/auth/session-manager.ts';
import { loadConsoleTexts } from '../../../bot/http/console/console-texts.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { loadRolePolicy } from '../../../policies/load-roles.ts';
import { repoRoot } from '../../support/real-app.ts';
import { memoryStore } from '../../support/store-database.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('OIDC login (issue #18, item 7)');
const policy = loadRolePolicy(join(repoRoot, 'policies'));
const directory = loadDirectory(join(repoRoot, 'knowledge/directory/musterland.yaml'));
const pseudonym = (sub: string): string => `oidc-${sub}`;
let server: Server;
let base: string;
let claims: { sub: string; [claim: string]: unknown } = { sub: 'attacker', name: 'Angreifer' };

const fakeOidc: OidcLogin = {
  async start(returnTo, now) {
    const state = randomBytes(24).toString('base64url');
    return {
      url: new URL(`https://idp.kreis.example/authorize?state=${state}`),
      pending: { state, nonce: 'n', codeVerifier: 'v', returnTo, expiresAt: new Date(now.getTime() + 600_000).toISOString() },
    };
  },
  finish: async () => ({ ok: true, claims }),
  endSessionUrl: () => undefined,
};

beforeAll(async () => {
  const store = new SqlSessionStore((await memoryStore()).store);
  const clock = { now: () => new Date() };
  const sessions = createSessionManager({ store, policy, clock, secureCookies: false });
  const protect = createAccessGuard({ sessions, anonymousChat: false });
  server = restify.createServer();
  registerAuthRoutes(server, {
    mode: 'oidc',
    oidc: () => fakeOidc,
    redirectUrl: new URL('http://127.0.0.1/auth/callback'),
    sessions,
    store,
    policy,
    directory,
    pseudonym,
    clock,
    logger: silentLogger,
    texts: loadConsoleTexts(),
    protect,
    pendingSeal: createPendingLoginSeal(randomBytes(32)),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Cookies (name → value) a response sets. */
function cookiesOf(headers: Record<string, string | string[] | undefined>): Map<string, string> {
  return new Map(
    [headers['set-cookie'] ?? []]
      .flat()
      .map((line) => line.split(';')[0]!.split('=') as [string, string])
      .map(([name, ...value]) => [name, value.join('=')]),
  );
}

/** `/login` in a browser with `cookie`: the state and the cookies it got. */
async function startLogin(cookie = ''): Promise<{ state: string; cookies: Map<string, string> }> {
  const response = await rawRequest(`${base}/login`, { headers: cookie ? { cookie } : {} });
  return { state: new URL(String(response.headers.location)).searchParams.get('state') ?? '', cookies: cookiesOf(response.headers) };
}

async function callback(state: string, cookie: string): Promise<{ status: number; session?: string }> {
  const response = await rawRequest(`${base}/auth/callback?state=${state}&code=c`, { headers: cookie ? { cookie } : {} });
  const session = cookiesOf(response.headers).get('lotse_session');
  return { status: response.status, ...(session ? { session } : {}) };
}

async function authenticated(session: string): Promise<boolean> {
  const response = await rawRequest(`${base}/api/session`, { headers: { cookie: `lotse_session=${session}` } });
  return (JSON.parse(response.body) as { authenticated: boolean }).authenticated;
}

describe('OIDC login', () => {
  it('maps a person by e-mail only when the address is verified', () => {
    const personOf = (extra: Record<string, unknown>): string =>
      principalFromClaims({ sub: 's', email: 'frank.wagner@musterland.example', ...extra }, { policy, directory, pseudonym }).personId ??
      'none';
    table.record('claims email of Frank, no email_verified', 'none', personOf({}));
    table.record('claims email of Frank, email_verified: false', 'none', personOf({ email_verified: false }));
    table.record('claims email of Frank, email_verified: true', 'p-frank', personOf({ email_verified: true }));
  });

  it('refuses a callback whose state was started in another browser (login CSRF)', async () => {
    claims = { sub: 'attacker', name: 'Angreifer' };
    const attacker = await startLogin();
    const victim = await callback(attacker.state, '');
    table.record(
      "victim opens the attacker's callback URL (no login cookie)",
      '400 none',
      `${victim.status} ${victim.session ? 'session' : 'none'}`,
    );
    const wrongCookie = await callback(attacker.state, `lotse_login=${randomBytes(24).toString('base64url')}`);
    table.record('callback with another login cookie', '400 none', `${wrongCookie.status} ${wrongCookie.session ? 'session' : 'none'}`);
    const own = await callback(attacker.state, `lotse_login=${attacker.cookies.get('lotse_login') ?? ''}`);
    table.record(
      'callback in the browser that started the login (control)',
      '302 session',
      `${own.status} ${own.session ? 'session' : 'none'}`,
    );
  });

  it('revokes the previous session on a new login', async () => {
    claims = { sub: 'erika', name: 'Erika', email: 'erika.mustermann@musterland.example', email_verified: true };
    const first = await startLogin();
    const one = await callback(first.state, `lotse_login=${first.cookies.get('lotse_login') ?? ''}`);
    const second = await startLogin(`lotse_session=${one.session ?? ''}`);
    const two = await callback(second.state, `lotse_login=${second.cookies.get('lotse_login') ?? ''}; lotse_session=${one.session ?? ''}`);
    table.record(
      'old session id after a new login in the same browser',
      'revoked',
      (await authenticated(one.session ?? '')) ? 'still valid' : 'revoked',
    );
    table.record('new session id', 'valid', (await authenticated(two.session ?? '')) ? 'valid' : 'invalid');
  });
});
