/** An in-memory `TeamsStore` with the semantics of `SqlTeamsStore` (async like the real one). */
import type { StoredConversation, TeamsEndpointInfo, TeamsStore, TicketCard } from '../../bot/adapters/channels/teams/teams-store.ts';

export class InMemoryTeamsStore implements TeamsStore {
  private readonly conversations = new Map<string, { conversation: StoredConversation; at: string }>();
  private readonly links = new Map<string, string>();
  private readonly cards = new Map<string, TicketCard>();
  private readonly actions = new Set<string>();
  private readonly preferences = new Map<string, boolean>();

  async saveConversation(conversation: StoredConversation, at: string): Promise<void> {
    const before = this.conversations.get(conversation.conversationId)?.conversation;
    const personId = conversation.personId ?? before?.personId;
    const aadObjectId = conversation.aadObjectId ?? before?.aadObjectId;
    const tenantId = conversation.tenantId ?? before?.tenantId;
    const { undeliverable: _cleared, ...fresh } = conversation;
    this.conversations.set(conversation.conversationId, {
      conversation: {
        ...fresh,
        ...(personId ? { personId } : {}),
        ...(aadObjectId ? { aadObjectId } : {}),
        ...(tenantId ? { tenantId } : {}),
      },
      at,
    });
  }

  async conversation(conversationId: string): Promise<StoredConversation | undefined> {
    return this.conversations.get(conversationId)?.conversation;
  }

  async personalConversationOf(personId: string): Promise<StoredConversation | undefined> {
    return this.newestFirst().find(
      ({ conversation }) => conversation.personId === personId && conversation.kind === 'personal' && !conversation.undeliverable,
    )?.conversation;
  }

  async personsWithPersonalConversation(): Promise<string[]> {
    const found = [...this.conversations.values()].filter(
      ({ conversation }) => conversation.kind === 'personal' && !conversation.undeliverable,
    );
    return [...new Set(found.flatMap(({ conversation }) => (conversation.personId ? [conversation.personId] : [])))];
  }

  async latestEndpoint(): Promise<TeamsEndpointInfo | undefined> {
    const latest = this.newestFirst()[0]?.conversation;
    if (!latest) return undefined;
    const agentId = (JSON.parse(latest.reference) as { agent?: { id?: unknown } }).agent?.id;
    if (typeof agentId !== 'string' || !agentId) return undefined;
    return { serviceUrl: latest.serviceUrl, agentId, ...(latest.tenantId ? { tenantId: latest.tenantId } : {}) };
  }

  async markUndeliverable(conversationId: string, reason: string): Promise<void> {
    const entry = this.conversations.get(conversationId);
    if (entry) this.conversations.set(conversationId, { ...entry, conversation: { ...entry.conversation, undeliverable: reason } });
  }

  async linkCoreConversation(coreConversationId: string, teamsConversationId: string): Promise<void> {
    this.links.set(coreConversationId, teamsConversationId);
  }

  async teamsConversationOf(coreConversationId: string): Promise<string | undefined> {
    return this.links.get(coreConversationId);
  }

  async saveTicketCard(card: TicketCard): Promise<void> {
    const key = `${card.ticketId}\u0000${card.conversationId}`;
    const activityId = card.activityId ?? this.cards.get(key)?.activityId;
    this.cards.set(key, {
      ticketId: card.ticketId,
      conversationId: card.conversationId,
      version: card.version,
      ...(activityId ? { activityId } : {}),
    });
  }

  async ticketCard(ticketId: string, conversationId: string): Promise<TicketCard | undefined> {
    return this.cards.get(`${ticketId}\u0000${conversationId}`);
  }

  async ticketCards(): Promise<TicketCard[]> {
    return [...this.cards.values()].sort(
      (a, b) => a.ticketId.localeCompare(b.ticketId) || a.conversationId.localeCompare(b.conversationId),
    );
  }

  async claimAction(key: string): Promise<boolean> {
    if (this.actions.has(key)) return false;
    this.actions.add(key);
    return true;
  }

  async releaseAction(key: string): Promise<void> {
    this.actions.delete(key);
  }

  async plainLanguage(userId: string): Promise<boolean | undefined> {
    return this.preferences.get(userId);
  }

  async setPlainLanguage(userId: string, on: boolean): Promise<void> {
    this.preferences.set(userId, on);
  }

  private newestFirst(): { conversation: StoredConversation; at: string }[] {
    return [...this.conversations.values()].sort(
      (a, b) => b.at.localeCompare(a.at) || a.conversation.conversationId.localeCompare(b.conversation.conversationId),
    );
  }
}
