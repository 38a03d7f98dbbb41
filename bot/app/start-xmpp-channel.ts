/**
 * Starts the Jabber/XMPP channel for a running lotse (`serve` calls it when `XMPP_SERVICE` is set):
 * logs the bot in, registers it with the channel router for proactive messages and returns a stop
 * function for shutdown. A rejected login throws `XmppLoginError` with an operator-facing message.
 */
import { SqlXmppStore } from '../adapters/channels/xmpp/sql-xmpp-store.ts';
import { createXmppChannel, type XmppChannel } from '../adapters/channels/xmpp/xmpp-channel.ts';
import type { XmppConfig } from '../config/xmpp-config.ts';
import type { Logger } from '../shared/logger.ts';
import { loadXmppTexts } from '../../prompts/channels/load-xmpp-texts.ts';
import type { Lotse } from './create-lotse.ts';

/** A started channel. */
export interface RunningXmppChannel {
  readonly channel: XmppChannel;
  /** `online`, or `retrying` when the server was unreachable at start (it keeps reconnecting). */
  readonly state: 'online' | 'retrying';
  stop(): Promise<void>;
}

/** Builds the channel over lotse's stores and services (not connected yet). */
export function createLotseXmppChannel(lotse: Lotse, config: XmppConfig, logger: Logger, options: { now?: () => Date } = {}): XmppChannel {
  return createXmppChannel({
    config,
    logger,
    directory: lotse.directory,
    store: new SqlXmppStore(lotse.store),
    texts: loadXmppTexts(),
    conversation: {
      chat: lotse.chat,
      escalation: lotse.escalation,
      linkOf: (document) => lotse.knowledge.store.getDocument(document)?.url,
      ...(lotse.config.publicUrl ? { publicUrl: lotse.config.publicUrl } : {}),
      now: options.now ?? (() => new Date()),
      hrChat: (personId, text) => lotse.hr.chat.handle(personId, text),
      availability: lotse.availability,
      trace: (event, fields) => logger.info(event, fields),
      pseudonymOf: lotse.pseudonymOf,
    },
    ticket: (ticketId) => lotse.escalation.get(ticketId),
  });
}

/** Logs the bot in and registers the channel as `xmpp` (one process; several replicas use `xmpp-leader.ts`). */
export async function startXmppChannel(lotse: Lotse, config: XmppConfig, logger: Logger, options: { now?: () => Date } = {}): Promise<RunningXmppChannel> {
  const channel = createLotseXmppChannel(lotse, config, logger, options);
  const state = await channel.start();
  const unregister = lotse.channels.register('xmpp', channel.endpoint);
  logger.info('xmpp-channel-started', { jid: channel.connection.jid, state });
  return {
    channel,
    state,
    async stop() {
      unregister();
      await channel.stop();
    },
  };
}
