/**
 * The one registration list of chat channels (issue #20, item 4) and what `serve` does with it: every factory
 * builds a `ChannelPlugin` from the configuration (undefined when the channel is not configured); `serve` starts
 * them in list order, adds their routes, gauges and drain targets, and stops them in reverse order. A new
 * channel is a folder with its plugin plus one entry here (tests pass extra factories, see
 * `test/fixtures/echo-channel/`). Web chat is the HTTP server itself and no plugin.
 *
 * The order matters: Jabber registers its endpoint before Teams, so the router asks Jabber first whom it
 * reaches (as `registerQueuedChannels` does for the CLI); shutdown stops Teams, then Jabber.
 */
import type { ChannelPlugin, DrainTarget } from '../ports/channel-plugin.ts';
import type { Logger } from '../shared/logger.ts';
import type { Lotse } from './create-lotse.ts';
import { createTeamsChannel, type TeamsChannel } from './create-teams-channel.ts';
import { teamsDrain, xmppDrain } from './drain-targets.ts';
import { startXmppReplica, type RunningXmppReplica } from './xmpp-leader.ts';

/** What a channel factory gets: the running lotse (configuration, chat, router, store) and the logger. */
export interface ChannelHost {
  readonly lotse: Lotse;
  readonly logger: Logger;
}

/** Builds a channel from the configuration, or undefined when it is not configured. Builds only; `start` connects. */
export type ChannelPluginFactory = (host: ChannelHost) => ChannelPlugin | undefined;

/** Jabber/XMPP: the `xmpp` endpoint on every replica, the connection on the holder of the lease `xmpp`. */
export const xmppPlugin: ChannelPluginFactory = ({ lotse, logger }) => {
  const config = lotse.config.xmpp;
  if (!config) return undefined;
  let running: RunningXmppReplica | undefined;
  return {
    name: 'xmpp',
    start: async () => {
      running = await startXmppReplica(lotse, config, logger);
    },
    gauges: () => ({ xmpp_outbox_pending: async () => (running ? running.channel.pending() : 0) }),
    drainTargets: () => (running ? [xmppDrain(running.channel)] : []),
    stop: async () => {
      await running?.stop();
    },
  };
};

/** Microsoft Teams: `POST /api/messages` on the web server, proactive messages through its outbox. */
export const teamsPlugin: ChannelPluginFactory = ({ lotse, logger }) => {
  const config = lotse.config.teams;
  if (!config.enabled) return undefined;
  let teams: TeamsChannel | undefined;
  return {
    name: 'teams',
    start: async () => {
      teams = createTeamsChannel(lotse, config, logger);
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

/** The channels `serve` runs, in start order. */
export const channelPlugins: readonly ChannelPluginFactory[] = [xmppPlugin, teamsPlugin];

/** The configured channels of the list (plus `extra` factories, e.g. a test's channel). */
export function createChannels(host: ChannelHost, factories: readonly ChannelPluginFactory[] = channelPlugins): readonly ChannelPlugin[] {
  return factories.map((factory) => factory(host)).filter((plugin): plugin is ChannelPlugin => plugin !== undefined);
}

/** Starts the channels in order; when one fails, the ones already started are stopped and the error is rethrown. */
export async function startChannels(channels: readonly ChannelPlugin[]): Promise<void> {
  const started: ChannelPlugin[] = [];
  try {
    for (const channel of channels) {
      await channel.start();
      started.push(channel);
    }
  } catch (error) {
    await stopChannels(started).catch(() => undefined);
    throw error;
  }
}

/** Stops the channels in reverse order (each one even when an earlier stop failed; the first failure is rethrown). */
export async function stopChannels(channels: readonly ChannelPlugin[]): Promise<void> {
  const failures: unknown[] = [];
  for (const channel of [...channels].reverse()) {
    await channel.stop().catch((error: unknown) => void failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
}

/** The channels' asynchronous counts for `/metrics`, by gauge name. */
export function channelGauges(channels: readonly ChannelPlugin[]): Readonly<Record<string, () => Promise<number>>> {
  return Object.assign({}, ...channels.map((channel) => channel.gauges?.() ?? {})) as Record<string, () => Promise<number>>;
}

/** The channels' outboxes for the drain phase (list order). */
export function channelDrains(channels: readonly ChannelPlugin[]): readonly DrainTarget[] {
  return channels.flatMap((channel) => channel.drainTargets?.() ?? []);
}
