/**
 * The Teams part of a person's records for data-subject requests (issue #22): conversation references stored with
 * their person id or Entra object id, outbox rows, ticket cards, core links and the Leichte-Sprache preference.
 * Each table is read or deleted only if it exists (`present`, Teams may be off); used by SqlPersonalData.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DataSubject, PersonalData } from '../../ports/personal-data.ts';
import { first, rows, run, type SqlExecutor } from '../sql/store-database.ts';

/** The person's Teams conversations: stored with their person id or their Entra object id (issue #22). */
async function teamsConversationIds(executor: SqlExecutor, subject: DataSubject, present: ReadonlySet<string>): Promise<string[]> {
  if (!present.has('teams_conversations')) return [];
  const found = await rows(
    executor,
    sql<{ conversation_id: string }>`SELECT conversation_id FROM teams_conversations
    WHERE person_id = ${subject.personId} OR aad_object_id = ${subject.aadObjectId ?? subject.personId}`,
  );
  return found.map((row) => row.conversation_id);
}

/** Outbox rows to the person (pending or sent): addressed to them, or into one of their Teams conversations. */
function teamsOutboxWhere(subject: DataSubject, teamsIds: readonly string[]): RawBuilder<unknown> {
  return teamsIds.length
    ? sql`person_id = ${subject.personId} OR conversation_id IN (${sql.join(teamsIds)})`
    : sql`person_id = ${subject.personId}`;
}

/** What a data-subject export lists of the person in Teams: conversations, outbox messages, the Leichte-Sprache choice. */
export async function teamsPersonalData(
  db: SqlExecutor,
  subject: DataSubject,
  present: ReadonlySet<string>,
): Promise<Pick<PersonalData, 'teamsConversations' | 'teamsMessages' | 'teamsPlainLanguage'>> {
  const teamsIds = await teamsConversationIds(db, subject, present);
  const messages = present.has('teams_outbox')
    ? Number(
        (await first(db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM teams_outbox WHERE ${teamsOutboxWhere(subject, teamsIds)}`))?.n ?? 0,
      )
    : 0;
  const preference = present.has('teams_preferences')
    ? await first(db, sql<{ plain_language: number }>`SELECT plain_language FROM teams_preferences WHERE user_id = ${subject.personId}`)
    : undefined;
  return {
    teamsConversations: teamsIds.length,
    teamsMessages: messages,
    ...(preference ? { teamsPlainLanguage: Number(preference.plain_language) === 1 } : {}),
  };
}

/**
 * Deletes the person's Teams rows inside the erasure transaction `tx`: links of their core and Teams conversations
 * (before the core conversations go), outbox rows, ticket cards, conversation references and preferences.
 */
export async function eraseTeamsPersonalData(
  tx: SqlExecutor,
  subject: DataSubject,
  coreConversationIds: readonly string[],
  present: ReadonlySet<string>,
): Promise<Record<string, number>> {
  const teamsIds = await teamsConversationIds(tx, subject, present);
  const has = (table: string): boolean => present.has(table);
  const inTeams = sql.join(teamsIds);
  const links = has('teams_core_links')
    ? (coreConversationIds.length
        ? await run(tx, sql`DELETE FROM teams_core_links WHERE core_conversation_id IN (${sql.join(coreConversationIds)})`)
        : 0) + (teamsIds.length ? await run(tx, sql`DELETE FROM teams_core_links WHERE teams_conversation_id IN (${inTeams})`) : 0)
    : 0;
  return {
    teamsMessages: has('teams_outbox') ? await run(tx, sql`DELETE FROM teams_outbox WHERE ${teamsOutboxWhere(subject, teamsIds)}`) : 0,
    teamsLinks: links,
    teamsCards:
      has('teams_ticket_cards') && teamsIds.length
        ? await run(tx, sql`DELETE FROM teams_ticket_cards WHERE teams_conversation_id IN (${inTeams})`)
        : 0,
    teamsConversations:
      has('teams_conversations') && teamsIds.length
        ? await run(tx, sql`DELETE FROM teams_conversations WHERE conversation_id IN (${inTeams})`)
        : 0,
    teamsPreferences: has('teams_preferences') ? await run(tx, sql`DELETE FROM teams_preferences WHERE user_id = ${subject.personId}`) : 0,
  };
}
