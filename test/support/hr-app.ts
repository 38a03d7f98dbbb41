/**
 * Starts a real lotse (SQLite in a temp dir, no documents) with the HR test directory and the HR routes on
 * a loopback port; the actor of a request is the `x-test-person` header (a test shortcut: the real server takes
 * the actor from the login session).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createHttpServer, startHttpServer } from '../../bot/http/create-server.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { repoRoot } from './real-app.ts';
import { FakeChannelEndpoint } from '../fakes/fake-channel-endpoint.ts';

/** A running HR app. */
export interface HrApp {
  readonly url: string;
  readonly lotse: Lotse;
  readonly dataDir: string;
  /** JSON request as a person. */
  call(person: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Opens lotse over `dataDir` (a new temp dir by default) and serves the HR routes. */
export async function startHrApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<HrApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lotse-hr-'));
  const env = { DIRECTORY_FILE: join(repoRoot, 'test/fixtures/hr/directory.yaml'), ...options.env };
  const lotse = await createLotse(loadConfig(env, { dataDir }, repoRoot), silentLogger);
  const resolveActor = (request: { headers: Record<string, unknown> }) =>
    typeof request.headers['x-test-person'] === 'string' ? request.headers['x-test-person'] : undefined;
  const server = createHttpServer({ chat: lotse.chat, logger: silentLogger, hr: { hr: lotse.hr, resolveActor } });
  const running = await startHttpServer(server, { port: 0, host: '127.0.0.1' });
  return {
    url: running.url,
    lotse,
    dataDir,
    async call(person, method, path, body) {
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers: { 'x-test-person': person, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
    async close(closeOptions = {}) {
      await running.close();
      await lotse.close();
      if (!closeOptions.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `startHrApp` plus a fake Teams endpoint registered on the channel router: it reaches everybody with a
 * Jabber id in the test directory; the rest get the web inbox.
 */
export async function startHrAppWithTeams(): Promise<{ app: HrApp; teams: FakeChannelEndpoint }> {
  const app = await startHrApp();
  const teams = new FakeChannelEndpoint((personId) => Boolean(app.lotse.directory.person(personId)?.jid));
  app.lotse.channels.register('teams', teams);
  return { app, teams };
}
