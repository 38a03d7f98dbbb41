/**
 * Routes proactive messages to the channel that can reach the recipient: a conversation goes back to the
 * channel it was started in; a person gets it on the first registered channel that reaches them (Teams,
 * Jabber …), and in the web/CLI inbox otherwise. Channels register themselves when they start.
 * The `ChannelEndpoint`/`ChannelRouter` types live in `bot/ports/channel-router.ts` (re-exported here).
 */
import type { ChannelSender, DeliveryResult, OutboundMessage, Recipient } from '../ports/channel-sender.ts';
import type { ChannelEndpoint, ChannelRouter } from '../ports/channel-router.ts';
import type { ChannelName } from '../ports/turn.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';

/** The router's contract (in `bot/ports/`), re-exported for the composition root and tests. */
export type { ChannelEndpoint, ChannelRouter } from '../ports/channel-router.ts';

/** Names a recipient in logs by a pseudonym, never by id or name (issue #19, item 9). */
export type PseudonymOf = (id: string) => string;

/**
 * Creates a router that falls back to `fallback` (the web inbox). Every delivery is logged at info with the channel,
 * the message kind, the ticket, the recipient's pseudonym and the result (never the text), so that an operator can
 * trace why an answer did not arrive.
 */
export function createChannelRouter(fallback: ChannelSender, logger: Logger, pseudonymOf: PseudonymOf = () => 'unknown'): ChannelRouter {
  const endpoints = new Map<ChannelName, ChannelEndpoint>();

  const logged = (
    channel: ChannelName | 'inbox',
    recipient: Recipient,
    message: OutboundMessage,
    result: DeliveryResult,
  ): DeliveryResult => {
    const to = pseudonymOf(recipient.kind === 'person' ? recipient.personId : recipient.userId);
    logger.info('delivery', {
      channel,
      kind: message.kind,
      ...(message.ticketId ? { ticket: message.ticketId } : {}),
      to,
      result: result.kind,
      ...(result.kind === 'undeliverable' ? { reason: result.reason } : {}),
    });
    return result;
  };
  const toInbox = async (recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult> =>
    logged('inbox', recipient, message, await fallback.send(recipient, message));

  const attempt = async (
    channel: ChannelName,
    endpoint: ChannelSender,
    recipient: Recipient,
    message: OutboundMessage,
  ): Promise<DeliveryResult> => {
    try {
      return await endpoint.send(recipient, message);
    } catch (error) {
      logger.error('channel-send-failed', { channel, kind: message.kind, error: describeError(error) });
      return { kind: 'undeliverable', reason: `${channel}: ${describeError(error)}` };
    }
  };

  const sendToPerson = async (recipient: Recipient & { kind: 'person' }, message: OutboundMessage): Promise<DeliveryResult> => {
    for (const [channel, endpoint] of endpoints) {
      if (!endpoint.reaches(recipient.personId)) continue;
      const result = logged(channel, recipient, message, await attempt(channel, endpoint, recipient, message));
      if (result.kind !== 'undeliverable') return result;
    }
    return toInbox(recipient, message);
  };

  return {
    register(channel, endpoint) {
      endpoints.set(channel, endpoint);
      return () => {
        if (endpoints.get(channel) === endpoint) endpoints.delete(channel);
      };
    },
    channels: () => [...endpoints.keys()],
    channelFor: (personId) => [...endpoints].find(([, endpoint]) => endpoint.reaches(personId))?.[0],
    async send(recipient, message) {
      if (recipient.kind === 'person') return sendToPerson(recipient, message);
      const endpoint = endpoints.get(recipient.reference.channel);
      if (!endpoint) return toInbox(recipient, message);
      const result = logged(
        recipient.reference.channel,
        recipient,
        message,
        await attempt(recipient.reference.channel, endpoint, recipient, message),
      );
      // The asker always finds the answer in the conversation history as well (web chat, console).
      if (result.kind === 'undeliverable') return toInbox(recipient, message);
      return result;
    },
  };
}
