/**
 * Issue #18, item 13 (rest): `/readyz` and `/login` are unauthenticated and touched the database on every
 * request: `/readyz` pinged PostgreSQL (a blocking call while it is down) and listed all documents, `/login`
 * wrote a pending-login row (anyone could fill the table; without the database the login page was a 500).
 * Now `/readyz` probes at most once per 2 s and answers 503 when the database is down; `/login` keeps the
 * pending login in a sealed cookie and works without the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify, { type Server } from 'restify';
import { afterAll, describe, it } from 'vitest';
import type { OidcLogin } from '../../../bot/adapters/auth/oidc-login.ts';
import { loadDirectory } from '../../../bot/adapters/directory/load-directory.ts';
import { SqlSessionStore } from '../../../bot/adapters/storage/sql-session-store.ts';
import { createLotse } from '../../../bot/app/create-lotse.ts';
import type { Lotse } from '../../../bot/app/lotse.ts';
import { loadConfig } from '../../../bot/config/config.ts';
import { createAccessGuard } from '../../../bot/http/auth/access.ts';
import { registerAuthRoutes } from '../../../bot/http/auth/auth-routes.ts';
import { createPendingLoginSeal } from '../../../bot/http/auth/pending-login-cookie.ts';
import { createSessionManager } from '../../../bot/http/auth/session-manager.ts';
import { loadConsoleTexts } from '../../../bot/http/console/console-texts.ts';
import { createHttpServer, startHttpServer } from '../../../bot/http/create-server.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { loadRolePolicy } from '../../../policies/load-roles.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { findPostgresBinaries, startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { repoRoot } from '../../support/real-app.ts';
import { memoryStore } from '../../support/store-database.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('/readyz and /login without the database (issue #18, item 13)');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function serveLotse(env: Record<string, string>, clock: FixedClock): Promise<{ url: string; lotse: Lotse }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-nodb-'));
  const lotse = await createLotse(
    loadConfig({ LOTSE_TODAY: '2026-11-22', AUTH_MODE: 'dev', ...env }, { dataDir }, repoRoot),
    silentLogger,
    { clock },
  );
  const running = await startHttpServer(createHttpServer({ chat: lotse.chat, logger: silentLogger, transparency: lotse.transparency }), {
    port: 0,
    host: '127.0.0.1',
  });
  cleanups.push(async () => {
    await running.close();
    await lotse.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { url: running.url, lotse };
}

const readyz = async (url: string): Promise<number> => (await rawRequest(`${url}/readyz`)).status;

describe('/readyz', () => {
  it('lists the documents at most once per probe period, whatever the request rate (SQLite)', async () => {
    const clock = new FixedClock();
    const { url, lotse } = await serveLotse({}, clock);
    const store = lotse.knowledge.store;
    const list = store.listDocuments.bind(store);
    let reads = 0;
    store.listDocuments = () => {
      reads += 1;
      return list();
    };
    const statuses = new Set<number>();
    for (let request = 0; request < 50; request += 1) statuses.add(await readyz(url));
    table.record('50 × GET /readyz within 2 s → document listings', 1, reads);
    table.record('their statuses', '200', [...statuses].join(','));
    clock.advance(2_000);
    await readyz(url);
    table.record('GET /readyz 2 s later → document listings', 2, reads);
  });

  const bin = findPostgresBinaries();
  it.skipIf(!bin)(
    'answers 503 while PostgreSQL is down and pings it at most once per probe period',
    async () => {
      const postgres: TestPostgres = await startTestPostgres(bin);
      cleanups.push(() => postgres.destroy());
      const clock = new FixedClock();
      const { url, lotse } = await serveLotse({ DATABASE_URL: await postgres.createDatabase('readyz') }, clock);
      // No index leader runs in this test: count the (unpublished) index as loaded, so only the database decides.
      if (lotse.index) Object.assign(lotse.index.follower, { ready: () => true });
      // The readiness ping goes through the asynchronous pool (issue #20): count those pings.
      const store = lotse.store as { ping(): Promise<void> };
      const ping = store.ping.bind(store);
      let pings = 0;
      store.ping = async () => {
        pings += 1;
        await ping();
      };
      table.record('GET /readyz, PostgreSQL up (control)', 200, await readyz(url));
      postgres.stop();
      clock.advance(2_000);
      const statuses = new Set<number>();
      for (let request = 0; request < 20; request += 1) statuses.add(await readyz(url));
      table.record('20 × GET /readyz, PostgreSQL stopped → statuses', '503', [...statuses].join(','));
      table.record('pings for 1 + 20 requests in two probe periods', 2, pings);
      postgres.start();
      clock.advance(2_000);
      table.record('GET /readyz 2 s after PostgreSQL is back', 200, await readyz(url));
    },
    60_000,
  );
});

describe('/login', () => {
  const fakeOidc: OidcLogin = {
    async start(returnTo, now) {
      const state = randomBytes(24).toString('base64url');
      return {
        url: new URL(`https://idp.kreis.example/authorize?state=${state}`),
        pending: {
          state,
          nonce: randomBytes(24).toString('base64url'),
          codeVerifier: randomBytes(32).toString('base64url'),
          returnTo,
          expiresAt: new Date(now.getTime() + 600_000).toISOString(),
        },
      };
    },
    finish: async () => ({ ok: true, claims: { sub: 'erika' } }),
    endSessionUrl: () => undefined,
  };

  async function serveLogin(): Promise<{ base: string; rows: () => number; closeDatabase: () => void }> {
    const { database, store: storeDatabase } = await memoryStore();
    const store = new SqlSessionStore(storeDatabase);
    const policy = loadRolePolicy(join(repoRoot, 'policies'));
    const clock = { now: () => new Date() };
    const sessions = createSessionManager({ store, policy, clock, secureCookies: false });
    const server: Server = restify.createServer();
    registerAuthRoutes(server, {
      mode: 'oidc',
      oidc: () => fakeOidc,
      redirectUrl: new URL('http://127.0.0.1/auth/callback'),
      sessions,
      store,
      policy,
      directory: loadDirectory(join(repoRoot, 'knowledge/directory/musterland.yaml')),
      pseudonym: (sub) => `oidc-${sub}`,
      clock,
      logger: silentLogger,
      texts: loadConsoleTexts(),
      protect: createAccessGuard({ sessions, anonymousChat: false }),
      pendingSeal: createPendingLoginSeal(randomBytes(32)),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const rows = (): number => database.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM pending_logins').get()!.count;
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rows, closeDatabase: () => database.close() };
  }

  it('writes no row per anonymous request and still redirects without the database', async () => {
    const { base, rows, closeDatabase } = await serveLogin();
    for (let request = 0; request < 30; request += 1) await rawRequest(`${base}/login`);
    table.record('30 × anonymous GET /login → rows in pending_logins', 0, rows());
    closeDatabase();
    const response = await rawRequest(`${base}/login`);
    table.record(
      'GET /login with the database closed',
      '302 idp.kreis.example',
      `${response.status} ${response.headers.location ? new URL(String(response.headers.location)).host : 'none'}`,
    );
    const forged = await rawRequest(`${base}/auth/callback?state=x&code=c`, {
      headers: { cookie: `lotse_login=${randomBytes(200).toString('base64url')}` },
    });
    table.record('callback with a forged login cookie', 400, forged.status);
  });
});
