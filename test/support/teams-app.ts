/**
 * Starts the real lotse with the Teams channel on loopback (SQLite, index, restify, `/api/messages`) over the
 * sample knowledge base, with a directory in which Sabine (asker), Tobias (Lotse of A36) and Jonas (deputy)
 * have Entra object ids. Activities are the captured fixtures in `test/fixtures/teams/` with `serviceUrl`
 * pointed at the mock connector.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { createTeamsChannel, type TeamsChannel } from '../../bot/adapters/channels/teams/teams-channel.ts';
import { channelHostOf } from '../../bot/app/channels.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createHttpServer, startHttpServer } from '../../bot/http/create-server.ts';
import type { ChatModel } from '../../bot/ports/chat-model.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { repoRoot } from './real-app.ts';

/** Entra object ids used by the fixtures. */
export const aad = {
  sabine: '7d8f0a3e-1111-4c2b-9a1e-000000000001',
  tobias: '7d8f0a3e-1111-4c2b-9a1e-000000000002',
  jonas: '7d8f0a3e-1111-4c2b-9a1e-000000000003',
} as const;

/** A running app with the Teams channel. */
export interface TeamsApp {
  readonly url: string;
  readonly lotse: Lotse;
  readonly teams: TeamsChannel;
  readonly dataDir: string;
  /** POSTs an activity to `/api/messages`. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Stops the server; `keepData` leaves the data dir for a restart. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Options of the harness. */
export interface TeamsAppOptions {
  readonly env?: Record<string, string>;
  readonly dataDir?: string;
  readonly chatModel?: ChatModel;
  /** Start the outbox pump (default true). */
  readonly startOutbox?: boolean;
}

/** Writes the sample directory with Entra object ids for Tobias and Jonas. */
function directoryFile(dataDir: string): string {
  const source = readFileSync(join(repoRoot, 'knowledge/directory/musterland.yaml'), 'utf8');
  const text = source
    .replace('jid: tobias@musterland.example,', `jid: tobias@musterland.example, aadObjectId: ${aad.tobias},`)
    .replace('jid: jonas@musterland.example,', `jid: jonas@musterland.example, aadObjectId: ${aad.jonas},`);
  const file = join(dataDir, 'directory.yaml');
  writeFileSync(file, text);
  return file;
}

/** Loads a fixture activity with `serviceUrl` replaced and `changes` merged in. */
export function fixture(name: string, serviceUrl: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const activity = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/teams', `${name}.json`), 'utf8')) as Record<string, unknown>;
  return { ...activity, serviceUrl, ...changes };
}

/** Starts lotse + Teams on an ephemeral port. */
export async function startTeamsApp(options: TeamsAppOptions = {}): Promise<TeamsApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lotse-teams-'));
  const env = {
    LOTSE_TODAY: '2026-11-22',
    TEAMS_ENABLED: 'true',
    TEAMS_STREAM_DELAY_MS: '0',
    TEAMS_CONVERSATION_RATE_PER_SECOND: '20',
    TEAMS_CONVERSATION_BURST: '10',
    DIRECTORY_FILE: directoryFile(dataDir),
    ...options.env,
  };
  const config = loadConfig(env, { dataDir }, repoRoot);
  const lotse = await createLotse(config, silentLogger, options.chatModel ? { chatModel: options.chatModel } : {});
  await ingestKnowledge(lotse.knowledge, { folder: join(repoRoot, 'knowledge/sources'), dataDir });
  const server = createHttpServer({
    chat: lotse.chat,
    logger: silentLogger,
    tickets: { escalation: lotse.escalation, messagesOf: lotse.messagesOf },
  });
  const teams = createTeamsChannel(channelHostOf(lotse, silentLogger), config.teams, { cardRefreshMs: 200 });
  teams.registerRoutes(server);
  if (options.startOutbox !== false) teams.start();
  const running = await startHttpServer(server, { port: 0, host: '127.0.0.1' });
  return {
    url: running.url,
    lotse,
    teams,
    dataDir,
    async post(activity, headers = {}) {
      const response = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      return { status: response.status, body };
    },
    async close(closeOptions = {}) {
      await teams.stop();
      await running.close();
      await lotse.close();
      if (!closeOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
