/**
 * Starts the real lotse (SQLite, indexes, web server) on an ephemeral loopback port over a folder of
 * documents (the sample knowledge base by default), for integration and browser tests.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createHttpServer, startHttpServer } from '../../bot/http/create-server.ts';
import { silentLogger, type Logger } from '../../bot/shared/logger.ts';
import { createIdentity } from '../../bot/app/create-identity.ts';
import type { Clock } from '../../bot/ports/clock.ts';
import { createTicketStatistics } from '../../bot/app/ticket-statistics.ts';
import { createLotseDataSubjectRequests } from '../../bot/app/create-data-subject-requests.ts';

/** Root of the repository. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** A running app with its URL. */
export interface RunningApp {
  readonly url: string;
  readonly lotse: Lotse;
  close(): Promise<void>;
}

/** Ingests `folder` into a temporary data dir and serves it; `env` adds configuration (e.g. `LLM_*`). */
export async function startRealApp(
  folder = join(repoRoot, 'knowledge/sources'),
  env: Record<string, string> = {},
  options: { clock?: Clock; port?: number; logger?: Logger } = {},
): Promise<RunningApp> {
  const logger = options.logger ?? silentLogger;
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-app-'));
  // The dev login must be chosen explicitly (issue #18); tests with OIDC_* or their own AUTH_MODE keep theirs.
  const login = env.AUTH_MODE || env.OIDC_ISSUER ? {} : { AUTH_MODE: 'dev' };
  const lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-22', ...login, ...env }, { dataDir }, repoRoot), logger);
  await ingestKnowledge(lotse.knowledge, { folder, dataDir });
  const identity = createIdentity(lotse, logger, { ...(options.clock ? { clock: options.clock } : {}), retryMs: 200 });
  await identity.ready;
  const server = createHttpServer({
    chat: lotse.chat,
    logger,
    transparency: lotse.transparency,
    ...(lotse.config.publicUrl ? { publicUrl: lotse.config.publicUrl } : {}),
    tickets: { escalation: lotse.escalation, messagesOf: lotse.messagesOf },
    identity,
    hr: { hr: lotse.hr, resolveActor: (request) => identity.resolveActor(request) },
    availability: { availability: lotse.availability, ticketStats: createTicketStatistics(lotse) },
    privacy: { requests: createLotseDataSubjectRequests(lotse) },
  });
  const running = await startHttpServer(server, { port: options.port ?? 0, host: '127.0.0.1' });
  return {
    url: running.url,
    lotse,
    close: async () => {
      await running.close();
      identity.close();
      await lotse.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Like `startRealApp`, over a temporary copy of the sample knowledge base (for tests that upload or change files). */
export async function startRealAppOnCopy(env: Record<string, string> = {}): Promise<RunningApp & { readonly folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'lotse-sources-'));
  cpSync(join(repoRoot, 'knowledge/sources'), folder, { recursive: true });
  const app = await startRealApp(folder, env);
  return {
    ...app,
    folder,
    close: async () => {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
