/**
 * One real lotse with every channel as `serve` wires them: the web chat and console (dev login) on a
 * loopback HTTP server, Teams on `/api/messages` with its outbox pump talking to a mock Bot Connector, and
 * Jabber through `startXmppReplica` (outbox poll) logged in to a real Prosody. For the cross-channel matrix
 * of issue #19, item 2: askers on each channel, Lotsen answering from the CLI, the console, Teams and Jabber.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createIdentity } from '../../bot/app/create-identity.ts';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { createTeamsChannel, type TeamsChannel } from '../../bot/adapters/channels/teams/teams-channel.ts';
import { channelHostOf } from '../../bot/app/channels.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { startXmppReplica, type RunningXmppReplica } from '../../bot/adapters/channels/xmpp/xmpp-leader.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createHttpServer, startHttpServer } from '../../bot/http/create-server.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { startMockBotConnector, type MockBotConnector } from './mock-bot-connector.ts';
import { startProsody, type ProsodyServer } from './prosody.ts';
import { repoRoot } from './real-app.ts';
import { aad } from './teams-app.ts';
import { botAccount, userPassword } from './xmpp-app.ts';
import { connectTestClient, type XmppTestClient } from './xmpp-test-client.ts';

const domain = 'musterland.example';

type DirectoryFile = { people: Record<string, unknown>[]; lotsen: Record<string, unknown>[] };

/**
 * The sample directory with Helga (web), Sabine (Teams) and Marek (Jabber) asking from the Zulassungsstelle,
 * whose Lotsen are Tobias (Teams only: no JID), Aylin (Jabber) and Erika (console, CLI).
 */
function writeDirectory(dir: string): string {
  const directory = parse(readFileSync(join(repoRoot, 'knowledge/directory/musterland.yaml'), 'utf8')) as DirectoryFile;
  for (const person of directory.people) {
    if (['p-helga', 'p-sabine', 'p-marek'].includes(String(person.id))) person.unit = 'A36-1';
    if (person.id === 'p-tobias') {
      delete person.jid;
      person.aadObjectId = aad.tobias;
    }
  }
  directory.lotsen = directory.lotsen.map((entry) =>
    entry.unit === 'A36' ? { unit: 'A36', lotsen: ['p-tobias', 'p-aylin', 'p-erika'], deputies: ['p-jonas'] } : entry,
  );
  const file = join(dir, 'directory.yaml');
  writeFileSync(file, stringify(directory));
  return file;
}

/** The running world. */
export interface AllChannelsApp {
  readonly url: string;
  readonly lotse: Lotse;
  readonly teams: TeamsChannel;
  readonly xmpp: RunningXmppReplica;
  readonly connector: MockBotConnector;
  readonly prosody: ProsodyServer;
  readonly botJid: string;
  /** The environment `serve` ran with (the CLI gets the same, as from one `.env`). */
  readonly env: Record<string, string>;
  readonly dataDir: string;
  /** POSTs an activity to `/api/messages`. */
  postActivity(activity: unknown): Promise<{ status: number; body: unknown }>;
  loginJabber(username: string): Promise<XmppTestClient>;
  close(): Promise<void>;
}

/** Starts Prosody, the mock connector and lotse with all channels. */
export async function startAllChannelsApp(): Promise<AllChannelsApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-all-channels-'));
  const connector = await startMockBotConnector();
  const accounts = [botAccount, ...['marek', 'aylin', 'erika', 'sabine'].map((username) => ({ username, password: userPassword }))];
  const prosody = await startProsody({ domain, accounts });
  const env: Record<string, string> = {
    LOTSE_TODAY: '2026-11-22',
    AUTH_MODE: 'dev',
    DIRECTORY_FILE: writeDirectory(dataDir),
    TEAMS_ENABLED: 'true',
    TEAMS_STREAM_DELAY_MS: '0',
    TEAMS_CONVERSATION_RATE_PER_SECOND: '20',
    TEAMS_CONVERSATION_BURST: '10',
    XMPP_SERVICE: prosody.service,
    XMPP_DOMAIN: domain,
    XMPP_USERNAME: botAccount.username,
    XMPP_PASSWORD: botAccount.password,
    XMPP_ALLOW_PLAIN: 'true',
    // Twelve hand-overs in a few seconds: more than the default burst of 5 messages per person.
    XMPP_RATE_BURST: '50',
  };
  const config = loadConfig(env, { dataDir }, repoRoot);
  const lotse = await createLotse(config, silentLogger);
  await ingestKnowledge(lotse.knowledge, { folder: join(repoRoot, 'knowledge/sources'), dataDir });
  const xmpp = await startXmppReplica(channelHostOf(lotse, silentLogger), config.xmpp!, { outboxPollMs: 200 });
  const identity = createIdentity(lotse, silentLogger, { retryMs: 200 });
  await identity.ready;
  const server = createHttpServer({
    chat: lotse.chat,
    logger: silentLogger,
    transparency: lotse.transparency,
    tickets: { escalation: lotse.escalation, messagesOf: lotse.messagesOf },
    identity,
    hr: { hr: lotse.hr, resolveActor: (request) => identity.resolveActor(request) },
  });
  const teams = createTeamsChannel(channelHostOf(lotse, silentLogger), config.teams, { cardRefreshMs: 200 });
  teams.registerRoutes(server);
  teams.start();
  const running = await startHttpServer(server, { port: 0, host: '127.0.0.1' });
  return {
    url: running.url,
    lotse,
    teams,
    xmpp,
    connector,
    prosody,
    env,
    dataDir,
    botJid: `${botAccount.username}@${domain}`,
    async postActivity(activity) {
      const response = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    loginJabber: (username) => connectTestClient({ service: prosody.service, domain, username, password: userPassword }),
    async close() {
      await teams.stop();
      await xmpp.stop();
      await running.close();
      identity.close();
      await lotse.close();
      await prosody.close();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
