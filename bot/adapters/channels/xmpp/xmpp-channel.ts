/**
 * The Jabber channel: inbound 1:1 chat → identity check (directory JID) → rate limit → the
 * conversation handler, one message per user at a time; every outbound message goes through the
 * durable outbox (store database) and leaves it only when the server acknowledged it (stream management) or,
 * without stream management, when it was written to the connection. Also the `ChannelEndpoint` for
 * proactive messages (ticket notifications, reminders, Lotse answers, HR notices).
 */
import { randomUUID } from 'node:crypto';
import { xml } from '@xmpp/client';
import type { Element } from '@xmpp/xml';
import type { XmppConfig } from '../../../config/xmpp-config.ts';
import type { Directory } from '../../../ports/directory.ts';
import type { Logger } from '../../../shared/logger.ts';
import { describeError } from '../../../shared/errors.ts';
import type { XmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createRateNotices } from './rate-notices.ts';
import { createRoster, fromServer } from './xmpp-roster.ts';
import { createXmppEndpoint, enqueueInStore, type XmppEndpoint, type XmppEndpointDeps } from './xmpp-endpoint.ts';
import type { XmppStore } from './sql-xmpp-store.ts';
import { handleXmppMessage, type XmppConversationDeps } from './xmpp-conversation.ts';
import { createXmppConnection, type XmppConnection } from './xmpp-connection.ts';
import { bareJid, chatMessage, composing, presenceTo, readMessage, receiptFor } from './xmpp-stanzas.ts';

/** Dependencies of the channel. */
export interface XmppChannelDeps {
  readonly config: XmppConfig;
  readonly logger: Logger;
  readonly directory: Directory;
  readonly store: XmppStore;
  readonly texts: XmppTexts;
  readonly conversation: Omit<XmppConversationDeps, 'store' | 'texts' | 'maxChars'>;
  /** A ticket (number for the command hints, the Lotse's answer for the asker). */
  readonly ticket?: XmppEndpointDeps['ticket'];
  readonly random?: () => number;
}

/** The running channel. */
export interface XmppChannel {
  start(): Promise<'online' | 'retrying'>;
  stop(): Promise<void>;
  /** For the channel router: reaches everyone with a JID in the directory. */
  readonly endpoint: XmppEndpoint;
  readonly connection: XmppConnection;
  /** Messages not yet confirmed by the server (a database count; `/metrics` reads it in the background). */
  pending(): Promise<number>;
  /** Sends what waits in the outbox (e.g. queued by another replica), when online. */
  flush(): Promise<void>;
}

const composingAfterMs = 250;

/** Wires connection, outbox and conversation handler. */
export function createXmppChannel(deps: XmppChannelDeps): XmppChannel {
  const { config, logger, store, texts } = deps;
  const now = deps.conversation.now;
  const limiter = createRateLimiter({ perMinute: config.ratePerMinute, burst: config.rateBurst, now: () => now().getTime() });
  const conversation: XmppConversationDeps = { ...deps.conversation, store, texts, maxChars: config.maxMessageChars };
  const inFlight = new Set<string>();
  const roster = createRoster();
  const presenceSent = new Set<string>();
  let initialPresenceSent = false;
  const greeted = new Set<string>();
  const chains = new Map<string, Promise<void>>();
  let flushing = false;
  let again = false;

  const trySend = (stanza: Element): void => {
    if (connection.isOnline())
      connection.send(stanza).catch((error: unknown) => logger.debug('xmpp-send-failed', { error: describeError(error) }));
  };

  const flushOnce = async (): Promise<void> => {
    for (const entry of await store.pending()) {
      if (!connection.isOnline()) return;
      if (inFlight.has(entry.stanzaId)) continue;
      const confirmByAck = connection.streamManagement();
      if (confirmByAck) inFlight.add(entry.stanzaId);
      try {
        await store.markAttempt(entry.stanzaId);
        await connection.send(chatMessage(entry.to, entry.stanzaId, entry.body));
      } catch (error) {
        inFlight.delete(entry.stanzaId);
        logger.warn('xmpp-outbox-send-failed', { error: describeError(error) });
        // Stays in the outbox: sent again when the connection is back, or in a second if it never went away.
        setTimeout(() => void flush(), 1000).unref();
        return;
      }
      if (!confirmByAck) await store.remove(entry.stanzaId);
    }
  };

  const flush = async (): Promise<void> => {
    if (flushing) {
      again = true;
      return;
    }
    flushing = true;
    try {
      do {
        again = false;
        await flushOnce();
      } while (again && connection.isOnline());
    } catch (error) {
      logger.error('xmpp-outbox-flush-failed', { error: describeError(error) });
    } finally {
      flushing = false;
    }
  };

  const enqueue = async (to: string, bodies: readonly string[]): Promise<void> => {
    await enqueueInStore(store, to, bodies, now().toISOString());
    void flush();
  };
  // For callers that cannot wait (rate notices, greetings): a failed write is logged.
  const enqueueLater = (to: string, bodies: readonly string[]): void => {
    enqueue(to, bodies).catch((error: unknown) => logger.error('xmpp-enqueue-failed', { error: describeError(error) }));
  };
  const notices = createRateNotices({ send: (jid, text) => enqueueLater(jid, [text]), texts });

  const processMessage = async (jid: string, text: string): Promise<void> => {
    const person = deps.directory.personByChannelId('jid', jid);
    if (!person) return;
    // "lotse is typing" only when the answer takes a while (a model): a chat state right before a fast
    // reply adds nothing and, with Nagle's algorithm on the server's socket, delays the reply by ~40 ms.
    const typing = setTimeout(() => trySend(composing(jid)), composingAfterMs);
    try {
      await enqueue(jid, await handleXmppMessage({ person, jid }, text, conversation));
    } catch (error) {
      logger.error('xmpp-turn-failed', { error: describeError(error) });
      enqueueLater(jid, [texts.failure]);
    } finally {
      clearTimeout(typing);
    }
  };

  // Unknown senders are answered directly, never through the outbox: their JIDs are not stored (issue #19).
  const refuseStranger = (jid: string): void => trySend(chatMessage(jid, `lotse-${randomUUID()}`, texts.unknownSender));

  // A person who has not subscribed to the bot sees it offline; a directed presence to the full JID they
  // write from shows it online in that chat (sent once per resource and connection, issue #19).
  const showOnline = (fullJid: string, jid: string): void => {
    if (!fullJid.includes('/') || roster.seesBot(jid) || presenceSent.has(fullJid)) return;
    presenceSent.add(fullJid);
    trySend(xml('presence', { to: fullJid }));
  };

  const onChat = (jid: string, text: string, fullJid: string): void => {
    const known = deps.directory.personByChannelId('jid', jid) !== undefined;
    const decision = limiter.take(jid);
    if (!known) {
      // Nothing of the message is processed or stored; the refusal itself is rate-limited too.
      logger.info('xmpp-unknown-sender', {});
      if (decision.kind === 'allowed' || decision.firstRefusal) refuseStranger(jid);
      return;
    }
    if (decision.kind === 'limited') {
      logger.info('xmpp-rate-limited', {});
      notices.refused(jid, decision);
      return;
    }
    showOnline(fullJid, jid);
    const previous = chains.get(jid) ?? Promise.resolve();
    const next = previous.then(() => processMessage(jid, text));
    chains.set(jid, next);
    void next.finally(() => {
      if (chains.get(jid) === next) chains.delete(jid);
    });
  };

  const onPresence = (stanza: Element): void => {
    const type = String(stanza.attrs.type ?? '');
    const jid = bareJid(String(stanza.attrs.from ?? ''));
    if (type !== 'subscribe' || !jid.includes('@')) return;
    if (!deps.directory.personByChannelId('jid', jid)) {
      trySend(presenceTo(jid, 'unsubscribed'));
      return;
    }
    // Approving is idempotent; the bot never asks back (a pending request of the bot is re-sent by the server
    // after every reconnect, issue #19) and greets a contact once (the roster survives reconnects).
    const newContact = !roster.seesBot(jid) && !greeted.has(jid);
    trySend(presenceTo(jid, 'subscribed'));
    if (!newContact) return;
    greeted.add(jid);
    if (limiter.take(jid).kind === 'allowed') enqueueLater(jid, [texts.welcome]);
  };

  const sendInitialPresence = (): void => {
    if (initialPresenceSent || !connection.isOnline()) return;
    initialPresenceSent = true;
    trySend(xml('presence'));
  };

  // The bot needs nobody's presence. A request it sent earlier (versions before issue #19 asked back) would
  // be sent again by the server with every initial presence: withdraw it first, then go online.
  const onRosterLoaded = (): void => {
    for (const jid of roster.pendingRequests()) trySend(presenceTo(jid, 'unsubscribe'));
    sendInitialPresence();
  };

  const onStanza = (stanza: Element): void => {
    try {
      if (roster.apply(stanza, connection.jid)) {
        if (stanza.attrs.type === 'result' && fromServer(stanza, connection.jid)) onRosterLoaded();
        return;
      }
      if (stanza.is('presence')) return onPresence(stanza);
      if (!stanza.is('message')) return;
      const message = readMessage(stanza, connection.jid);
      if (message.kind === 'receipt') logger.debug('xmpp-receipt', { id: message.id });
      if (message.kind !== 'chat') return;
      if (message.wantsReceipt && message.id) trySend(receiptFor(message.from, message.id));
      onChat(message.bareFrom, message.body, message.from);
    } catch (error) {
      logger.error('xmpp-stanza-failed', { error: describeError(error) });
    }
  };

  const onOnline = async (resumed: boolean): Promise<void> => {
    // Stream management is enabled right after resource binding; wait for it so acks confirm what we send.
    for (let waited = 0; !resumed && !connection.streamManagement() && waited < 500; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    if (!resumed) {
      presenceSent.clear();
      // Fetching the roster marks the session "interested", so the server passes subscription requests on.
      // The initial presence follows the roster (see onRosterLoaded), or after a second without an answer.
      initialPresenceSent = false;
      trySend(xml('iq', { type: 'get', id: `roster-${randomUUID()}` }, xml('query', { xmlns: 'jabber:iq:roster' })));
      setTimeout(sendInitialPresence, 1000).unref();
    }
    await flush();
  };

  const connection = createXmppConnection(
    config,
    {
      stanza: onStanza,
      online: (resumed) => void onOnline(resumed),
      offline: () => undefined,
      acked: (id) => {
        inFlight.delete(id);
        store.remove(id).catch((error: unknown) => logger.warn('xmpp-outbox-remove-failed', { error: describeError(error) }));
      },
      failed: (id) => inFlight.delete(id),
    },
    { logger, ...(deps.random ? { random: deps.random } : {}) },
  );

  const endpoint: XmppChannel['endpoint'] = createXmppEndpoint({
    directory: deps.directory,
    texts,
    maxChars: config.maxMessageChars,
    enqueue,
    online: () => connection.isOnline(),
    ...(deps.ticket ? { ticket: deps.ticket } : {}),
  });

  const prune = setInterval(() => limiter.prune(), 10 * 60_000);
  prune.unref();
  return {
    start: () => connection.start(),
    async stop() {
      clearInterval(prune);
      notices.stop();
      await Promise.allSettled([...chains.values()]);
      await connection.stop();
    },
    endpoint,
    connection,
    pending: () => store.size(),
    flush,
  };
}
