/**
 * Shared pieces of the channel store contracts (channel-stores and channel-stores-compatibility): the times the
 * rows carry, a Teams conversation reference, and a Teams outbox on a store database that sends at once.
 */
import { TeamsOutbox } from '../../bot/adapters/channels/teams/teams-outbox.ts';
import type { TeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import type { FakeTeamsConnector } from '../fakes/fake-teams-connector.ts';

/** The time the first rows of a case are written. */
export const at = '2026-12-03T08:00:00.000Z';
/** A time after `at`, for updates. */
export const later = '2026-12-03T09:00:00.000Z';

/** The JSON text of a Teams conversation reference of bot `bot-1`, with extra top-level fields. */
export const reference = (id: string, extra: object = {}) => JSON.stringify({ conversation: { id }, agent: { id: 'bot-1' }, ...extra });

/** A Teams outbox on `database` with rate limits too high to wait for; ticket cards render as `card <ticketId>`. */
export function outboxOn(database: StoreDatabase, store: TeamsStore, connector: FakeTeamsConnector): TeamsOutbox {
  return new TeamsOutbox({
    database,
    store,
    connector,
    logger: silentLogger,
    maxAttempts: 3,
    ratePerSecond: 10_000,
    conversationRatePerSecond: 10_000,
    conversationBurst: 100,
    renderTicketCard: async (ticketId) => ({ activity: { type: 'message', text: `card ${ticketId}` }, version: 1 }),
  });
}
