/**
 * A real lotse (sample knowledge base, SQLite in a temp dir) with its Jabber channel logged in to a
 * real Prosody, plus helpers to log test users in. Used by the XMPP integration test and benchmark.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startXmppChannel, type RunningXmppChannel } from '../../bot/adapters/channels/xmpp/start-xmpp-channel.ts';
import { channelHostOf } from '../../bot/app/channels.ts';
import { parseXmppConfig, type XmppConfig } from '../../bot/config/xmpp-config.ts';
import { silentLogger, type Logger } from '../../bot/shared/logger.ts';
import { startProsody, type ProsodyServer, type XmppAccount } from './prosody.ts';
import { repoRoot, startRealApp, type RunningApp } from './real-app.ts';
import { connectTestClient, type XmppTestClient } from './xmpp-test-client.ts';

/** Password of every test user (the bot has its own). */
export const userPassword = 'pw-user';
export const botAccount: XmppAccount = { username: 'lotse', password: 'pw-lotse-bot' };

/** `user01` … `userNN`, staff of the Zulassungsstelle, added to a copy of the sample directory. */
export function extraUsers(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `user${String(index + 1).padStart(2, '0')}`);
}

function writeDirectory(dir: string, extra: readonly string[], domain: string): string {
  const directory = parse(readFileSync(join(repoRoot, 'knowledge/directory/musterland.yaml'), 'utf8')) as {
    people: Record<string, unknown>[];
  };
  for (const name of extra)
    directory.people.push({
      id: `p-${name}`,
      name: `Test Person ${name}`,
      unit: 'A36-1',
      roles: ['staff'],
      jid: `${name}@${domain}`,
      kiTrained: true,
    });
  const file = join(dir, 'directory.yaml');
  writeFileSync(file, stringify(directory));
  return file;
}

/** Everything a test needs. */
export interface XmppWorld {
  readonly prosody: ProsodyServer;
  readonly app: RunningApp;
  readonly xmpp: RunningXmppChannel;
  readonly botJid: string;
  readonly config: (overrides?: Record<string, string>) => XmppConfig;
  login(username: string, password?: string, options?: { noDelay?: boolean }): Promise<XmppTestClient>;
  close(): Promise<void>;
}

/** Starts Prosody with the directory's users, `extra` test users and `unregistered` accounts, then lotse with its channel. */
export async function startXmppWorld(
  options: {
    extra?: number;
    strangers?: readonly string[];
    logger?: Logger;
    xmppEnv?: Record<string, string>;
    appEnv?: Record<string, string>;
    nagle?: boolean;
  } = {},
): Promise<XmppWorld> {
  const domain = 'musterland.example';
  const dir = mkdtempSync(join(tmpdir(), 'lotse-xmpp-world-'));
  const extra = extraUsers(options.extra ?? 0);
  const staff = ['erika', 'jonas', 'aylin', 'marek', 'sabine', 'tobias', 'frank'];
  const accounts = [
    botAccount,
    ...[...staff, ...extra, ...(options.strangers ?? [])].map((username) => ({ username, password: userPassword })),
  ];
  const prosody = await startProsody({ domain, accounts, ...(options.nagle === false ? { nagle: false } : {}) });
  const config = (overrides: Record<string, string> = {}): XmppConfig =>
    parseXmppConfig({
      XMPP_SERVICE: prosody.service,
      XMPP_DOMAIN: domain,
      XMPP_USERNAME: botAccount.username,
      XMPP_PASSWORD: botAccount.password,
      XMPP_ALLOW_PLAIN: 'true',
      ...overrides,
    })!;
  let app: RunningApp | undefined;
  let xmpp: RunningXmppChannel;
  try {
    const channelConfig = config(options.xmppEnv);
    app = await startRealApp(undefined, { DIRECTORY_FILE: writeDirectory(dir, extra, domain), ...options.appEnv });
    xmpp = await startXmppChannel(channelHostOf(app.lotse, options.logger ?? silentLogger), channelConfig);
  } catch (error) {
    await app?.close();
    await prosody.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    prosody,
    app,
    xmpp,
    config,
    botJid: `${botAccount.username}@${domain}`,
    login: (username, password = userPassword, loginOptions = {}) =>
      connectTestClient({ service: prosody.service, domain, username, password, ...loginOptions }),
    close: async () => {
      await xmpp.stop();
      await app.close();
      await prosody.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
