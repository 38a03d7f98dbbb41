/**
 * Proactive messages to people: ticket notifications to Lotsen, Lotse answers to askers, reminders,
 * HR news. Each channel implements it (web inbox, Teams, Jabber); a router picks by reference or person.
 */
import type { ConversationReference } from './tickets.ts';

/** A message the core wants delivered; channels render it (card, plain text, inbox entry). */
export interface OutboundMessage {
  readonly kind:
    | 'ticket-created'
    | 'ticket-answered'
    | 'ticket-reminder'
    | 'ticket-returned'
    | 'ticket-update'
    | 'notice'
    | 'broadcast'
    | 'survey-invite'
    | 'survey-reminder';
  readonly text: string;
  readonly ticketId?: string;
  /** Who the text comes from, shown as the source (e.g. the Lotse's name). */
  readonly from?: string;
  /** HR news (issue #10): headline, link, image (data URL), and the job to acknowledge ("zur Kenntnis genommen"). */
  readonly title?: string;
  readonly link?: string;
  readonly image?: string;
  readonly acknowledgeJob?: string;
  /** The survey a `survey-invite`/`survey-reminder` is about. */
  readonly surveyId?: string;
  /** Idempotency key `<job>:<person>`: a retry after a crash carries the same key, so channels can drop repeats. */
  readonly deliveryId?: string;
}

/** Where to deliver: an existing conversation, or a person (their preferred channel). */
export type Recipient =
  | { readonly kind: 'conversation'; readonly reference: ConversationReference; readonly userId: string }
  | { readonly kind: 'person'; readonly personId: string };

/** Outcome of one delivery attempt. */
export type DeliveryResult =
  { readonly kind: 'delivered' } | { readonly kind: 'queued' } | { readonly kind: 'undeliverable'; readonly reason: string };

/** Sends proactive messages. */
export interface ChannelSender {
  send(recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult>;
}
