/**
 * Sending a ticket card from the Teams outbox: the card is rendered from the ticket when its row is sent, updates
 * the card message posted before in that conversation (or posts a fresh one when that message was deleted), and
 * the store remembers the card's activity id and version.
 */
import type { ConnectorOutcome, OutgoingActivity, TeamsConnector } from './teams-connector.ts';
import type { TeamsStore } from './teams-store.ts';

/** Renders the current card of a ticket for a conversation; undefined when there is nothing to show. */
export type RenderTicketCard = (
  ticketId: string,
  conversationId: string,
) => Promise<{ activity: OutgoingActivity; version: number } | undefined>;

/** What sending a ticket card needs. */
export interface TicketCardDelivery {
  readonly connector: TeamsConnector;
  readonly store: TeamsStore;
  readonly renderTicketCard: RenderTicketCard;
}

/** Sends or updates the card of `ticketId` in a conversation; `ok` without a request when there is nothing to show. */
export async function sendTicketCard(
  deps: TicketCardDelivery,
  reference: string,
  ticketId: string,
  conversationId: string,
): Promise<ConnectorOutcome> {
  const rendered = await deps.renderTicketCard(ticketId, conversationId);
  if (!rendered) return { kind: 'ok' };
  const card = await deps.store.ticketCard(ticketId, conversationId);
  let outcome = card?.activityId
    ? await deps.connector.update(reference, card.activityId, rendered.activity)
    : await deps.connector.send(reference, rendered.activity);
  // The card message was deleted (404 on update): post a fresh card instead of giving up the conversation.
  if (card?.activityId && outcome.kind === 'gone' && outcome.status === 404)
    outcome = await deps.connector.send(reference, rendered.activity);
  if (outcome.kind === 'ok') {
    const activityId = outcome.activityId ?? card?.activityId;
    await deps.store.saveTicketCard({
      ticketId,
      conversationId,
      version: rendered.version,
      ...(activityId ? { activityId } : {}),
    });
  }
  return outcome;
}
