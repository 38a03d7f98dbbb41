/**
 * Microsoft Teams as a `ChannelPlugin` (issue #20, item 4), the entry of the registration list
 * (`bot/app/channels.ts`): `POST /api/messages` on the web server, proactive messages through the durable outbox,
 * its pending count on `/metrics` and its drain at shutdown. `teamsPlugin.queueOnly` is the `teams` endpoint of a
 * process without a Bot Connector connection (the CLI): it only writes outbox rows, which `serve`'s pump sends.
 */
import { loadTeamsTexts } from '../../../../prompts/load-teams-texts.ts';
import type { DrainTarget } from '../../../ports/channel-plugin.ts';
import type { ChannelHost, ChannelPluginFactory } from '../channel-host.ts';
import type { ChannelEndpoint } from '../../../ports/channel-router.ts';
import { polledDrain } from '../polled-drain.ts';
import { createTeamsChannel, type TeamsChannel } from './teams-channel.ts';
import type { TeamsConnector } from './teams-connector.ts';
import { createTeamsEndpoint } from './teams-endpoint.ts';
import { TeamsOutbox } from './teams-outbox.ts';
import { SqlTeamsStore } from './teams-store.ts';

/** The Teams outbox as a drain target (its pump keeps sending until the channel is stopped). */
export function teamsDrain(outbox: {
  dueCount(): Promise<number>;
  pendingCount(): Promise<number>;
  readonly stats: { readonly sent: number };
}): DrainTarget {
  return polledDrain({
    name: 'teams',
    due: () => outbox.dueCount(),
    delivered: () => outbox.stats.sent,
    remaining: () => outbox.pendingCount(),
  });
}

/** This process never talks to the Bot Connector: opening a chat is left to `serve`. */
const noConnector: TeamsConnector = {
  send: async () => ({ kind: 'failed', reason: 'queue only (no Teams connection in this process)' }),
  update: async () => ({ kind: 'failed', reason: 'queue only (no Teams connection in this process)' }),
  createPersonal: async () => ({ kind: 'failed', reason: 'queue only (no Teams connection in this process)' }),
};

/**
 * The queue-only `teams` endpoint: a conversation that started on Teams always goes back there; a person is reached
 * only when this process's configuration enables Teams, like in `serve`.
 */
async function queuedTeams(host: ChannelHost): Promise<ChannelEndpoint> {
  const {
    config: { teams: config },
    logger,
  } = host;
  const store = new SqlTeamsStore(host.database);
  // Not started: rows are only written; the pump of `serve` sends them (and renders ticket cards then).
  const outbox = new TeamsOutbox({
    database: host.database,
    connector: noConnector,
    store,
    logger,
    renderTicketCard: async () => undefined,
    ratePerSecond: config.ratePerSecond,
    conversationRatePerSecond: config.conversationRatePerSecond,
    conversationBurst: config.conversationBurst,
    maxAttempts: config.maxAttempts,
  });
  const endpoint = createTeamsEndpoint({
    store,
    outbox,
    connector: noConnector,
    directory: host.directory,
    escalation: host.escalation,
    texts: loadTeamsTexts(),
    clock: { now: () => new Date() },
    logger,
  });
  // Who has a 1:1 chat is read before anything is routed (`reaches` answers synchronously from it).
  if (config.enabled) await endpoint.refreshReach();
  return {
    reaches: (personId) => config.enabled && endpoint.reachesByChat(personId),
    send: (recipient, message) => endpoint.send(recipient, message),
  };
}

const buildTeams: ChannelPluginFactory = (host) => {
  const config = host.config.teams;
  if (!config.enabled) return undefined;
  let teams: TeamsChannel | undefined;
  return {
    name: 'teams',
    start: async () => {
      teams = createTeamsChannel(host, config);
      teams.start();
    },
    registerRoutes: (server) => teams?.registerRoutes(server),
    gauges: () => ({ teams_outbox_pending: async () => (teams ? teams.outbox.pendingCount() : 0) }),
    drainTargets: () => (teams ? [teamsDrain(teams.outbox)] : []),
    purgeFinished: async (olderThanMs) => (teams ? teams.outbox.purgeFinished(olderThanMs) : 0),
    stop: async () => {
      await teams?.stop();
    },
  };
};

/** Microsoft Teams: `POST /api/messages` on the web server, proactive messages through its outbox. */
export const teamsPlugin: ChannelPluginFactory = Object.assign(buildTeams, {
  queueOnly: async (host: ChannelHost) => ({ name: 'teams', endpoint: await queuedTeams(host) }),
});
