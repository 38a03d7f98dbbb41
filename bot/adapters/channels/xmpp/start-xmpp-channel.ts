/**
 * Builds the Jabber/XMPP channel over the running service (its `ChannelHost`) and, for one process, starts it:
 * logs the bot in, registers it with the channel router for proactive messages and returns a stop function for
 * shutdown. A rejected login throws `XmppLoginError` with an operator-facing message. `serve` runs Jabber through
 * the lease of `xmpp-leader.ts` (`xmpp-plugin.ts`).
 */
import type { XmppConfig } from '../../../config/xmpp-config.ts';
import type { ChannelHost } from '../channel-host.ts';
import { loadXmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { SqlXmppStore } from './sql-xmpp-store.ts';
import { createXmppChannel, type XmppChannel } from './xmpp-channel.ts';

/** A started channel. */
export interface RunningXmppChannel {
  readonly channel: XmppChannel;
  /** `online`, or `retrying` when the server was unreachable at start (it keeps reconnecting). */
  readonly state: 'online' | 'retrying';
  stop(): Promise<void>;
}

/** Builds the channel over the host's stores and services (not connected yet). */
export function createHostedXmppChannel(host: ChannelHost, config: XmppConfig, options: { now?: () => Date } = {}): XmppChannel {
  return createXmppChannel({
    config,
    logger: host.logger,
    directory: host.directory,
    store: new SqlXmppStore(host.database),
    texts: loadXmppTexts(),
    conversation: {
      chat: host.chat,
      escalation: host.escalation,
      linkOf: (document) => host.documentUrl(document),
      ...(host.config.publicUrl ? { publicUrl: host.config.publicUrl } : {}),
      now: options.now ?? (() => new Date()),
      hrChat: (personId, text) => host.hr.chat.handle(personId, text),
      availability: host.availability,
      trace: (event, fields) => host.logger.info(event, fields),
      pseudonymOf: host.pseudonymOf,
    },
    ticket: (ticketId) => host.escalation.get(ticketId),
  });
}

/** Logs the bot in and registers the channel as `xmpp` (one process; several replicas use `xmpp-leader.ts`). */
export async function startXmppChannel(
  host: ChannelHost,
  config: XmppConfig,
  options: { now?: () => Date } = {},
): Promise<RunningXmppChannel> {
  const channel = createHostedXmppChannel(host, config, options);
  const state = await channel.start();
  const unregister = host.channels.register('xmpp', channel.endpoint);
  host.logger.info('xmpp-channel-started', { jid: channel.connection.jid, state });
  return {
    channel,
    state,
    async stop() {
      unregister();
      await channel.stop();
    },
  };
}
