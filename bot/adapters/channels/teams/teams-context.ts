/**
 * What the Teams turn handlers share: collaborators, the identity mapping (`aadObjectId` → directory
 * person) and small reply helpers over the SDK's TurnContext (text, card, invoke responses).
 */
import type { LotseAvailability } from '../../../core/escalation/lotse-availability.ts';
import type { TeamsHrDeps } from './teams-hr.ts';
import { createHash } from 'node:crypto';
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { EscalationService } from '../../../core/escalation/escalation-service.ts';
import type { ChatService } from '../../../ports/chat-service.ts';
import type { Clock } from '../../../ports/clock.ts';
import type { Directory, Person } from '../../../ports/directory.ts';
import type { Ticket } from '../../../ports/tickets.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { TeamsTexts } from '../../../../prompts/load-teams-texts.ts';
import { cardAttachment, type AdaptiveCard } from './answer-card.ts';
import type { TeamsUserInfo } from './teams-activity.ts';
import type { TeamsStore } from './teams-store.ts';

/** Collaborators of the Teams turn handlers. */
export interface TeamsTurnDeps {
  readonly chat: ChatService;
  readonly escalation: EscalationService;
  readonly directory: Directory;
  readonly store: TeamsStore;
  readonly texts: TeamsTexts;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The central pool (reroute target). */
  readonly centralPool: () => readonly string[];
  /** Called after a ticket changed through Teams: refresh every card of it, send cards to new candidates. */
  readonly ticketChanged: (ticket: Ticket) => Promise<void>;
  /** Called after a conversation reference was stored or marked undeliverable (the endpoint re-reads who it reaches). */
  readonly conversationsChanged?: () => Promise<void>;
  /** Delay between streaming updates; the SDK default when absent. */
  readonly streamDelayMs?: number;
  /** HR news and surveys in Teams. */
  readonly hr?: TeamsHrDeps;
  /** The pseudonym that names a person in logs (issue #19, item 9). */
  readonly pseudonymOf?: (id: string) => string;
  /** "abwesend bis …" / "wieder da" of Digitallotsen (issue #22); without it the words are questions. */
  readonly availability?: Pick<LotseAvailability, 'setAbsent' | 'clear'>;
  /** `LOTSE_PUBLIC_URL`: the answer card links the usage rules (issue #22); without it the link is left out. */
  readonly publicUrl?: string;
}

/** The directory person behind a Teams user, if any. */
export function personOf(user: TeamsUserInfo, directory: Directory): Person | undefined {
  return user.aadObjectId ? directory.personByChannelId('aadObjectId', user.aadObjectId) : undefined;
}

/** The core user id: the directory person id, else a pseudonym of the Entra object id (no clear names). */
export function coreUserId(user: TeamsUserInfo, person: Person | undefined): string {
  if (person) return person.id;
  return `teams-${createHash('sha256')
    .update(user.aadObjectId ?? user.id)
    .digest('hex')
    .slice(0, 24)}`;
}

/** A stable core conversation id per Teams conversation and user (group chats hold one per person). */
export function coreConversationId(teamsConversationId: string, userId: string): string {
  return `teams-${createHash('sha256').update(`${teamsConversationId}\u0000${userId}`).digest('hex').slice(0, 32)}`;
}

/** Sends a plain text reply. */
export async function replyText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(Activity.fromObject({ type: 'message', text }));
}

/** Sends a card reply and returns the new activity id. */
export async function replyCard(context: TurnContext, card: AdaptiveCard, text?: string): Promise<string | undefined> {
  const response = await context.sendActivity(
    Activity.fromObject({ type: 'message', ...(text ? { text } : {}), attachments: [cardAttachment(card)] }),
  );
  return response?.id;
}

/** Answers an `adaptiveCard/action` invoke with a card that replaces the clicked one. */
export async function invokeCardResponse(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(
    Activity.fromObject({
      type: 'invokeResponse',
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    }),
  );
}

/** Answers an invoke with a short message (shown by Teams next to the card). */
export async function invokeMessageResponse(context: TurnContext, message: string, status = 200): Promise<void> {
  await context.sendActivity(
    Activity.fromObject({
      type: 'invokeResponse',
      value: { status, body: { statusCode: status, type: 'application/vnd.microsoft.activity.message', value: message } },
    }),
  );
}
