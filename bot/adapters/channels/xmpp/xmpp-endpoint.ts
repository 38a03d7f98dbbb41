/**
 * The Jabber `ChannelEndpoint` for the channel router: a proactive message (ticket notification, reminder,
 * Lotse answer, notice) becomes plain-text chat messages in the durable outbox. The connected channel sends
 * them at once; a process without a connection (the CLI, a standby replica) only queues them, and the
 * process holding the connection sends them (issue #19, item 2: answers from `lotse tickets answer`).
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryResult, OutboundMessage, Recipient } from '../../../ports/channel-sender.ts';
import type { Directory } from '../../../ports/directory.ts';
import type { Ticket } from '../../../ports/tickets.ts';
import { fillText, type XmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { splitMessage } from './render-turn.ts';
import type { XmppStore } from './sql-xmpp-store.ts';

/** What the endpoint needs. */
export interface XmppEndpointDeps {
  readonly directory: Directory;
  readonly texts: XmppTexts;
  readonly maxChars: number;
  /** A ticket: its number for the command hints, its answer for the asker. */
  readonly ticket?: (ticketId: string) => Promise<Pick<Ticket, 'number' | 'answer'> | undefined>;
  /** Writes the messages to the outbox (and sends them when connected). */
  readonly enqueue: (to: string, bodies: readonly string[]) => Promise<void>;
  readonly online: () => boolean;
  /** Whether people (not only conversations that started on Jabber) are reached here; default true. */
  readonly reachesPeople?: boolean;
}

/** The router's view of the channel. */
export interface XmppEndpoint {
  reaches(personId: string): boolean;
  send(recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult>;
}

const jidPattern = /^[^@/\s]+@[^@/\s]+$/;

/** Writes `bodies` for `to` into the outbox store, each with a fresh stanza id. */
export async function enqueueInStore(store: Pick<XmppStore, 'enqueue'>, to: string, bodies: readonly string[], at: string): Promise<void> {
  await store.enqueue(
    bodies.map((body) => ({ stanzaId: `lotse-${randomUUID()}`, to, body })),
    at,
  );
}

/** Creates the endpoint. */
export function createXmppEndpoint(deps: XmppEndpointDeps): XmppEndpoint {
  const { texts } = deps;
  const jidOfPerson = (personId: string): string | undefined => deps.directory.person(personId)?.jid?.toLowerCase();
  return {
    reaches: (personId) => (deps.reachesPeople ?? true) && jidOfPerson(personId) !== undefined,
    async send(recipient, message) {
      const reference = recipient.kind === 'conversation' ? recipient.reference.reference?.toLowerCase() : undefined;
      const jid =
        reference && jidPattern.test(reference)
          ? reference
          : jidOfPerson(recipient.kind === 'person' ? recipient.personId : recipient.userId);
      if (!jid) return { kind: 'undeliverable', reason: 'xmpp: no JID for the recipient' };
      const ticket = message.ticketId ? await deps.ticket?.(message.ticketId) : undefined;
      await deps.enqueue(jid, splitMessage(render(message, ticket, texts), deps.maxChars));
      return deps.online() ? { kind: 'delivered' } : { kind: 'queued' };
    },
  };
}

/**
 * The plain text of a proactive message. A Lotse's answer is written from the ticket with the Jabber
 * commands to close or return it: the core's text asks "Hat Ihnen das geholfen?" for buttons, which
 * Jabber would have asked a second time (issue #19, item 5).
 */
function render(message: OutboundMessage, ticket: Pick<Ticket, 'number' | 'answer'> | undefined, texts: XmppTexts): string {
  const number = ticket ? String(ticket.number) : undefined;
  if (message.kind === 'ticket-answered' && number && ticket?.answer) {
    return fillText(texts.ticketAnswer, { lotse: message.from ?? ticket.answer.by, number, answer: ticket.answer.text });
  }
  const footers: Partial<Record<OutboundMessage['kind'], string>> = {
    'ticket-created': texts.notificationFooter,
    'ticket-reminder': texts.notificationFooter,
  };
  const template = footers[message.kind];
  const footer = number !== undefined && template ? `\n\n${fillText(template, { number })}` : '';
  // HR news: the headline first and the link last (plain text, no markup on Jabber).
  return [message.title, message.text, message.link].filter((part): part is string => Boolean(part)).join('\n\n') + footer;
}
