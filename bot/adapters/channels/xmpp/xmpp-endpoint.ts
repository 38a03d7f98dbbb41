/**
 * The Jabber `ChannelEndpoint` for the channel router: a proactive message (ticket notification, reminder,
 * Lotse answer, notice) becomes plain-text chat messages in the durable outbox. The connected channel sends
 * them at once; a process without a connection (the CLI, a standby replica) only queues them, and the
 * process holding the connection sends them (issue #19, item 2: answers from `lotse tickets answer`).
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryResult, OutboundMessage, Recipient } from '../../../ports/channel-sender.ts';
import type { Directory } from '../../../ports/directory.ts';
import { fillText, type XmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { splitMessage } from './render-turn.ts';
import type { SqliteXmppStore } from './sqlite-xmpp-store.ts';

/** What the endpoint needs. */
export interface XmppEndpointDeps {
  readonly directory: Directory;
  readonly texts: XmppTexts;
  readonly maxChars: number;
  /** The short number of a ticket, for the command hint under notifications. */
  readonly ticketNumber?: (ticketId: string) => number | undefined;
  /** Writes the messages to the outbox (and sends them when connected). */
  readonly enqueue: (to: string, bodies: readonly string[]) => void;
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
export function enqueueInStore(store: Pick<SqliteXmppStore, 'enqueue'>, to: string, bodies: readonly string[], at: string): void {
  store.enqueue(bodies.map((body) => ({ stanzaId: `lotse-${randomUUID()}`, to, body })), at);
}

/** Creates the endpoint. */
export function createXmppEndpoint(deps: XmppEndpointDeps): XmppEndpoint {
  const { texts } = deps;
  const jidOfPerson = (personId: string): string | undefined => deps.directory.person(personId)?.jid?.toLowerCase();
  return {
    reaches: (personId) => (deps.reachesPeople ?? true) && jidOfPerson(personId) !== undefined,
    async send(recipient, message) {
      const reference = recipient.kind === 'conversation' ? recipient.reference.reference?.toLowerCase() : undefined;
      const jid = reference && jidPattern.test(reference) ? reference : jidOfPerson(recipient.kind === 'person' ? recipient.personId : recipient.userId);
      if (!jid) return { kind: 'undeliverable', reason: 'xmpp: no JID for the recipient' };
      const number = message.ticketId ? deps.ticketNumber?.(message.ticketId) : undefined;
      const footers: Partial<Record<OutboundMessage['kind'], string>> = { 'ticket-created': texts.notificationFooter, 'ticket-reminder': texts.notificationFooter, 'ticket-answered': texts.ticketAnswerFooter };
      const template = footers[message.kind];
      const footer = number !== undefined && template ? `\n\n${fillText(template, { number: String(number) })}` : '';
      // HR news: the headline first and the link last (plain text, no markup on Jabber).
      const body = [message.title, message.text, message.link].filter((part): part is string => Boolean(part)).join('\n\n');
      deps.enqueue(jid, splitMessage(body + footer, deps.maxChars));
      return deps.online() ? { kind: 'delivered' } : { kind: 'queued' };
    },
  };
}
