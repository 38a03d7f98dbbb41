/**
 * The one registration list of chat channels (issue #20, item 4) and what `serve` does with it: every factory
 * (exported by its channel's folder under `bot/adapters/channels/`) builds a `ChannelPlugin` from the one
 * `ChannelHost` built here from the running lotse (undefined when the channel is not configured); `serve` starts
 * them in list order, adds their routes, gauges and drain targets, and stops them in reverse order; the CLI
 * registers their queue-only endpoints. A new channel is a folder with its plugin plus one entry here (tests pass
 * extra factories, see `test/fixtures/echo-channel/`). Web chat is the HTTP server itself and no plugin.
 *
 * The order matters: Jabber registers its endpoint before Teams, so the router asks Jabber first whom it
 * reaches (as `registerQueuedChannels` does for the CLI); shutdown stops Teams, then Jabber.
 */
import type { ChannelPlugin, DrainTarget } from '../ports/channel-plugin.ts';
import type { ChannelHost, ChannelPluginFactory, QueueOnlyEndpoint } from '../adapters/channels/channel-host.ts';
import type { Logger } from '../shared/logger.ts';
import { teamsPlugin } from '../adapters/channels/teams/teams-plugin.ts';
import { xmppPlugin } from '../adapters/channels/xmpp/xmpp-plugin.ts';
import type { Lotse } from './lotse.ts';

export type { ChannelHost, ChannelPluginFactory } from '../adapters/channels/channel-host.ts';

/** The channels `serve` runs, in start order. */
export const channelPlugins: readonly ChannelPluginFactory[] = [xmppPlugin, teamsPlugin];

/** The one place the running lotse becomes the host every channel is built from (`bot/adapters/channels/channel-host.ts`). */
export function channelHostOf(lotse: Lotse, logger: Logger): ChannelHost {
  return {
    config: lotse.config,
    logger,
    chat: lotse.chat,
    channels: lotse.channels,
    database: lotse.store,
    directory: lotse.directory,
    escalation: lotse.escalation,
    availability: lotse.availability,
    inbox: lotse.inbox,
    hr: { chat: lotse.hr.chat, surveys: lotse.hr.surveys, broadcasts: lotse.hr.broadcasts },
    documentUrl: (documentId) => lotse.knowledge.store.getDocument(documentId)?.url,
    pseudonymOf: lotse.pseudonymOf,
    leases: lotse.leases,
    replicaId: lotse.replicaId,
  };
}

/**
 * Registers the queue-only endpoints of the list's channels (in list order, like `serve`) for a process without
 * channel connections (the CLI: `lotse tickets answer`, …); returns the unregister function. Without them an answer
 * given from the CLI went only into the web conversation, never to a Teams or Jabber asker (issue #19, item 2).
 */
export async function registerQueuedChannels(
  host: ChannelHost,
  factories: readonly ChannelPluginFactory[] = channelPlugins,
): Promise<() => void> {
  const endpoints: QueueOnlyEndpoint[] = [];
  for (const factory of factories) {
    if (factory.queueOnly) endpoints.push(await factory.queueOnly(host));
  }
  const unregister = endpoints.map(({ name, endpoint }) => host.channels.register(name, endpoint));
  return () => unregister.forEach((done) => done());
}

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
