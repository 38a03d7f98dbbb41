/**
 * The Teams `ChannelEndpoint` for the channel router: proactive ticket cards, reminders, notices and Lotse
 * answers go into the outbox for the person's 1:1 chat with lotse (opened on demand for people who got the
 * app org-wide) or the asker's conversation. What cannot be delivered is reported and falls back to the web
 * inbox.
 */
import type { ChannelEndpoint } from '../../../ports/channel-router.ts';
import type { EscalationService } from '../../../core/escalation/escalation-service.ts';
import { lotseLabel } from '../../../core/escalation/lotse-label.ts';
import type { DeliveryResult, OutboundMessage, Recipient } from '../../../ports/channel-sender.ts';
import type { Clock } from '../../../ports/clock.ts';
import type { Directory } from '../../../ports/directory.ts';
import type { Ticket } from '../../../ports/tickets.ts';
import { describeError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { TeamsTexts } from '../../../../prompts/load-teams-texts.ts';
import { cardMessage } from './answer-card.ts';
import { hrActivity, hrLabels } from './teams-hr.ts';
import type { TeamsConnector } from './teams-connector.ts';
import type { TeamsOutbox } from './teams-outbox.ts';
import type { StoredConversation, TeamsStore } from './teams-store.ts';
import { renderLotseAnswerCard, renderNoticeCard } from './ticket-cards.ts';

/** Collaborators of the endpoint. */
export interface TeamsEndpointDeps {
  readonly store: TeamsStore;
  readonly outbox: TeamsOutbox;
  readonly connector: TeamsConnector;
  readonly directory: Directory;
  readonly escalation: Pick<EscalationService, 'get'>;
  readonly texts: TeamsTexts;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The endpoint plus the card synchronisation used after ticket changes. */
export interface TeamsEndpoint extends ChannelEndpoint {
  /** Refreshes every card of the ticket and sends cards to candidates and assignee reachable on Teams. */
  syncTicketCards(ticket: Ticket): Promise<void>;
  /** Re-renders cards whose ticket changed elsewhere (CLI, web console); returns how many were queued. */
  refreshChangedCards(): Promise<number>;
  /** Reloads who has a 1:1 chat (the router's synchronous `reaches` answers from it; also refreshed every few seconds on use). */
  refreshReach(): Promise<void>;
  /** Whether the person has a deliverable 1:1 chat with the bot (as last read; no chat is opened). */
  reachesByChat(personId: string): boolean;
}

/** Who `reaches` says yes for: people with a deliverable 1:1 chat and whether chats can be opened, read in the background. */
function reachCache(
  store: TeamsStore,
  logger: Logger,
  maxAgeMs = 5000,
): { has(personId: string): boolean; endpointKnown(): boolean; refresh(): Promise<void>; add(personId: string): void } {
  let persons = new Set<string>();
  let endpoint = false;
  let loadedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;
  const load = async (): Promise<void> => {
    const [found, latest] = await Promise.all([store.personsWithPersonalConversation(), store.latestEndpoint()]);
    persons = new Set(found);
    endpoint = latest !== undefined;
    loadedAt = Date.now();
  };
  // Reads run one after the other, and a read asked for after a write starts after it (never answers from an older read).
  const refresh = (): Promise<void> => {
    const next = (loading ?? Promise.resolve()).catch(() => undefined).then(load);
    loading = next;
    next
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        if (loading === next) loading = undefined;
      })
      .catch(() => undefined);
    return next;
  };
  const refreshIfOld = (): void => {
    if (!loading && Date.now() - loadedAt > maxAgeMs)
      refresh().catch((error: unknown) => logger.warn('teams-reach-refresh-failed', { error: describeError(error) }));
  };
  refreshIfOld();
  return {
    has: (personId) => {
      refreshIfOld();
      return persons.has(personId);
    },
    endpointKnown: () => endpoint,
    refresh,
    add: (personId) => void persons.add(personId),
  };
}

/** Creates the endpoint. */
export function createTeamsEndpoint(deps: TeamsEndpointDeps): TeamsEndpoint {
  const { store, outbox } = deps;

  const reach = reachCache(store, deps.logger);
  const canOpenChat = (personId: string): boolean => Boolean(deps.directory.person(personId)?.aadObjectId && reach.endpointKnown());

  const personalChat = async (personId: string): Promise<StoredConversation | undefined> => {
    const known = await store.personalConversationOf(personId);
    if (known) return known;
    const aadObjectId = deps.directory.person(personId)?.aadObjectId;
    const endpoint = await store.latestEndpoint();
    if (!aadObjectId || !endpoint) return undefined;
    const created = await deps.connector.createPersonal({
      serviceUrl: endpoint.serviceUrl,
      agentId: endpoint.agentId,
      userId: aadObjectId,
      ...(endpoint.tenantId ? { tenantId: endpoint.tenantId } : {}),
    });
    if (created.kind !== 'created') {
      deps.logger.warn('teams-open-chat-failed', { kind: created.kind });
      return undefined;
    }
    const conversation: StoredConversation = {
      conversationId: created.conversationId,
      kind: 'personal',
      reference: created.reference,
      personId,
      aadObjectId,
      serviceUrl: endpoint.serviceUrl,
      ...(endpoint.tenantId ? { tenantId: endpoint.tenantId } : {}),
    };
    await store.saveConversation(conversation, deps.clock.now().toISOString());
    reach.add(personId);
    return conversation;
  };

  const queueForPerson = async (conversationId: string, personId: string, message: OutboundMessage): Promise<void> => {
    const fallback = JSON.stringify({ recipient: { kind: 'person', personId }, message });
    const ticket = message.ticketId ? await deps.escalation.get(message.ticketId) : undefined;
    if (ticket && (message.kind === 'ticket-created' || message.kind === 'ticket-update')) {
      await outbox.enqueue({ op: 'ticket-card', conversationId, ticketId: ticket.id, personId, fallback });
      return;
    }
    const news = hrActivity(message, hrLabels(deps.texts));
    if (news) {
      await outbox.enqueue({ op: 'activity', conversationId, personId, fallback, activity: news });
      return;
    }
    const title = message.kind === 'ticket-reminder' ? deps.texts.reminderTitle : deps.texts.noticeTitle;
    await outbox.enqueue({
      op: 'activity',
      conversationId,
      personId,
      fallback,
      activity: cardMessage(renderNoticeCard(title, message.text), message.text),
      ...(message.ticketId ? { ticketId: message.ticketId } : {}),
    });
    if (ticket && (message.kind === 'ticket-reminder' || message.kind === 'ticket-returned'))
      await outbox.enqueue({ op: 'ticket-card', conversationId, ticketId: ticket.id, personId });
  };

  const sendToConversation = async (
    recipient: Extract<Recipient, { kind: 'conversation' }>,
    message: OutboundMessage,
  ): Promise<DeliveryResult> => {
    const original = await store.teamsConversationOf(recipient.reference.conversationId);
    const personal = original && (await store.conversation(original))?.kind === 'personal';
    const target = (personal ? original : (await store.personalConversationOf(recipient.userId))?.conversationId) ?? original;
    if (!target || (await store.conversation(target))?.undeliverable) return { kind: 'undeliverable', reason: 'no Teams conversation' };
    const ticket = message.ticketId ? await deps.escalation.get(message.ticketId) : undefined;
    const card =
      ticket?.answer && message.kind === 'ticket-answered'
        ? renderLotseAnswerCard(ticket, message.from ?? lotseLabel(deps.directory, ticket.answer.by), deps.texts)
        : renderNoticeCard(deps.texts.noticeTitle, message.text);
    await outbox.enqueue({
      op: 'activity',
      conversationId: target,
      activity: cardMessage(card, message.text),
      fallback: JSON.stringify({ recipient, message }),
      ...(message.ticketId ? { ticketId: message.ticketId } : {}),
    });
    return { kind: 'queued' };
  };

  const syncTicketCards = async (ticket: Ticket): Promise<void> => {
    const people = new Set([...ticket.candidates, ...(ticket.assignee ? [ticket.assignee] : [])]);
    const conversations = new Set(
      (await store.ticketCards()).filter((card) => card.ticketId === ticket.id).map((card) => card.conversationId),
    );
    for (const personId of people) {
      const chat = await store.personalConversationOf(personId);
      if (chat) conversations.add(chat.conversationId);
    }
    for (const conversationId of conversations) await outbox.enqueue({ op: 'ticket-card', conversationId, ticketId: ticket.id });
  };

  return {
    reaches: (personId) => reach.has(personId) || canOpenChat(personId),
    async send(recipient, message) {
      if (recipient.kind === 'conversation') return sendToConversation(recipient, message);
      const chat = await personalChat(recipient.personId);
      if (!chat) return { kind: 'undeliverable', reason: 'no Teams chat with this person' };
      await queueForPerson(chat.conversationId, recipient.personId, message);
      return { kind: 'queued' };
    },
    syncTicketCards,
    async refreshChangedCards() {
      let queued = 0;
      for (const card of await store.ticketCards()) {
        if ((await store.conversation(card.conversationId))?.undeliverable) continue;
        const ticket = await deps.escalation.get(card.ticketId);
        if (!ticket || ticket.version === card.version) continue;
        if ((await outbox.enqueue({ op: 'ticket-card', conversationId: card.conversationId, ticketId: ticket.id })) !== undefined)
          queued += 1;
      }
      return queued;
    },
    refreshReach: () => reach.refresh(),
    reachesByChat: (personId) => reach.has(personId),
  };
}
