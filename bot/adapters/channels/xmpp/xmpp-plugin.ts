/**
 * Jabber/XMPP as a `ChannelPlugin` (issue #20, item 4), the entry of the registration list (`bot/app/channels.ts`):
 * the `xmpp` endpoint on every replica, the connection on the holder of the lease `xmpp` (`xmpp-leader.ts`), its
 * outbox count on `/metrics` and its drain at shutdown. `xmppPlugin.queueOnly` is the `xmpp` endpoint of a process
 * without a connection (the CLI): it only writes to the shared outbox, which `serve`'s outbox poll sends.
 */
import { loadXmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import type { DrainTarget } from '../../../ports/channel-plugin.ts';
import type { ChannelHost, ChannelPluginFactory } from '../channel-host.ts';
import type { ChannelEndpoint } from '../../../ports/channel-router.ts';
import { polledDrain } from '../polled-drain.ts';
import { SqlXmppStore } from './sql-xmpp-store.ts';
import { startXmppReplica, type RunningXmppReplica } from './xmpp-leader.ts';
import { createXmppEndpoint, enqueueInStore } from './xmpp-endpoint.ts';

/** The Jabber outbox as a drain target (flushed while the connection is online). */
export function xmppDrain(channel: { pending(): Promise<number>; readonly connection: { isOnline(): boolean } }): DrainTarget {
  return polledDrain({
    name: 'xmpp',
    due: async () => (channel.connection.isOnline() ? channel.pending() : 0),
    remaining: () => channel.pending(),
  });
}

/**
 * The queue-only `xmpp` endpoint: a conversation that started on Jabber always goes back there; a person is reached
 * only when this process's configuration enables Jabber, like in `serve`.
 */
async function queuedXmpp(host: ChannelHost): Promise<ChannelEndpoint> {
  const store = new SqlXmppStore(host.database);
  return createXmppEndpoint({
    directory: host.directory,
    texts: loadXmppTexts(),
    maxChars: host.config.xmpp?.maxMessageChars ?? 2000,
    ticket: (ticketId) => host.escalation.get(ticketId),
    enqueue: (to, bodies) => enqueueInStore(store, to, bodies, new Date().toISOString()),
    online: () => false,
    reachesPeople: host.config.xmpp !== undefined,
  });
}

const buildXmpp: ChannelPluginFactory = (host) => {
  const config = host.config.xmpp;
  if (!config) return undefined;
  let running: RunningXmppReplica | undefined;
  return {
    name: 'xmpp',
    start: async () => {
      running = await startXmppReplica(host, config);
    },
    gauges: () => ({ xmpp_outbox_pending: async () => (running ? running.channel.pending() : 0) }),
    drainTargets: () => (running ? [xmppDrain(running.channel)] : []),
    stop: async () => {
      await running?.stop();
    },
  };
};

/** Jabber/XMPP: the `xmpp` endpoint on every replica, the connection on the holder of the lease `xmpp`. */
export const xmppPlugin: ChannelPluginFactory = Object.assign(buildXmpp, {
  queueOnly: async (host: ChannelHost) => ({ name: 'xmpp', endpoint: await queuedXmpp(host) }),
});
