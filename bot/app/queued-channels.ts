/**
 * Channel endpoints for a process without channel connections (the CLI: `lotse tickets answer`, …): they
 * only write to the durable Teams and Jabber outboxes in the shared database, and the running `serve`
 * sends what they queued (its Teams pump and Jabber outbox poll read the tables). Without them an answer
 * given from the CLI went only into the web conversation, never to a Teams or Jabber asker (issue #19, item 2).
 *
 * A conversation that started on Teams or Jabber always goes back there (the reference proves the channel
 * is in use); a person is reached on a channel only when this process's configuration enables it, like in `serve`.
 */
import { createXmppEndpoint, enqueueInStore } from '../adapters/channels/xmpp/xmpp-endpoint.ts';
import { SqlXmppStore } from '../adapters/channels/xmpp/sql-xmpp-store.ts';
import { createTeamsEndpoint } from '../adapters/channels/teams/teams-endpoint.ts';
import { TeamsOutbox } from '../adapters/channels/teams/teams-outbox.ts';
import { SqlTeamsStore } from '../adapters/channels/teams/teams-store.ts';
import type { TeamsConnector } from '../adapters/channels/teams/teams-connector.ts';
import { loadXmppTexts } from '../../prompts/channels/load-xmpp-texts.ts';
import { loadTeamsTexts } from '../../prompts/load-teams-texts.ts';
import type { Logger } from '../shared/logger.ts';
import type { ChannelEndpoint } from './channel-router.ts';
import type { Lotse } from './create-lotse.ts';

/** This process never talks to the Bot Connector: opening a chat is left to `serve`. */
const noConnector: TeamsConnector = {
  send: async () => ({ kind: 'failed', reason: 'queue only (no Teams connection in this process)' }),
  update: async () => ({ kind: 'failed', reason: 'queue only (no Teams connection in this process)' }),
  createPersonal: async () => ({ kind: 'failed', reason: 'queue only (no Teams connection in this process)' }),
};

async function queuedTeams(lotse: Lotse, logger: Logger): Promise<ChannelEndpoint> {
  const config = lotse.config.teams;
  const store = new SqlTeamsStore(lotse.store);
  // Not started: rows are only written; the pump of `serve` sends them (and renders ticket cards then).
  const outbox = new TeamsOutbox({
    database: lotse.store, connector: noConnector, store, logger, renderTicketCard: async () => undefined,
    ratePerSecond: config.ratePerSecond, conversationRatePerSecond: config.conversationRatePerSecond, conversationBurst: config.conversationBurst, maxAttempts: config.maxAttempts,
  });
  const endpoint = createTeamsEndpoint({ store, outbox, connector: noConnector, directory: lotse.directory, escalation: lotse.escalation, texts: loadTeamsTexts(), clock: { now: () => new Date() }, logger });
  // Who has a 1:1 chat is read before anything is routed (`reaches` answers synchronously from it).
  if (config.enabled) await endpoint.refreshReach();
  return {
    reaches: (personId) => config.enabled && endpoint.reachesByChat(personId),
    send: (recipient, message) => endpoint.send(recipient, message),
  };
}

function queuedXmpp(lotse: Lotse): ChannelEndpoint {
  const store = new SqlXmppStore(lotse.store);
  return createXmppEndpoint({
    directory: lotse.directory,
    texts: loadXmppTexts(),
    maxChars: lotse.config.xmpp?.maxMessageChars ?? 2000,
    ticket: (ticketId) => lotse.escalation.get(ticketId),
    enqueue: (to, bodies) => enqueueInStore(store, to, bodies, new Date().toISOString()),
    online: () => false,
    reachesPeople: lotse.config.xmpp !== undefined,
  });
}

/** Registers queue-only `xmpp` and `teams` endpoints (in `serve`'s order); returns the unregister function. */
export async function registerQueuedChannels(lotse: Lotse, logger: Logger): Promise<() => void> {
  const teams = await queuedTeams(lotse, logger);
  const unregister = [lotse.channels.register('xmpp', queuedXmpp(lotse)), lotse.channels.register('teams', teams)];
  return () => unregister.forEach((done) => done());
}
