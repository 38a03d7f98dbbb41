/**
 * Card actions from Teams: feedback, "Digitallotse fragen", the Lotse's claim/answer/reroute and the asker's
 * helpful/return. Every action is validated (zod), checked against the ticket version (stale cards get a
 * polite German notice and the current card) and claimed once (replays and double submits are refused).
 */
import type { TurnContext } from '@microsoft/agents-hosting';
import type { ActionResult } from '../../../core/escalation/escalation-service.ts';
import { lotseLabel } from '../../../core/escalation/lotse-label.ts';
import type { TicketAction } from '../../../core/escalation/ticket-transitions.ts';
import type { Person } from '../../../ports/directory.ts';
import type { Ticket } from '../../../ports/tickets.ts';
import { fillText } from '../../../../prompts/load-teams-texts.ts';
import type { AdaptiveCard } from './answer-card.ts';
import { parseCardAction, type CardAction } from './card-actions.ts';
import type { TeamsInbound } from './teams-activity.ts';
import { coreUserId, invokeCardResponse, invokeMessageResponse, personOf, replyText, type TeamsTurnDeps } from './teams-context.ts';
import { renderLotseAnswerCard, renderTicketCard } from './ticket-cards.ts';

type ActionInbound = Extract<TeamsInbound, { kind: 'card-action' }>;

/** What to tell the person: a text, optionally with a card that replaces the clicked one. */
interface Reply {
  readonly text?: string;
  readonly card?: AdaptiveCard;
}

async function respond(context: TurnContext, inbound: ActionInbound, reply: Reply): Promise<void> {
  if (inbound.fromInvoke) {
    if (reply.card) {
      await invokeCardResponse(context, reply.card);
      if (reply.text) await replyText(context, reply.text);
    } else {
      await invokeMessageResponse(context, reply.text ?? '');
    }
    return;
  }
  if (reply.text) await replyText(context, reply.text);
}

/**
 * Who may act on (and see) a ticket card: the asker for asker cards; for Lotse cards the assignee, a current
 * candidate or the person who answered (issue #18, item 6: refused, stale or replayed actions leaked the card).
 */
function maySee(ticket: Ticket, forAsker: boolean, by: string): boolean {
  if (!by) return false;
  if (forAsker) return ticket.askerId === by;
  return ticket.assignee === by || ticket.candidates.includes(by) || ticket.answer?.by === by;
}

function lotseName(deps: TeamsTurnDeps, personId: string): string {
  return deps.directory.person(personId)?.name ?? personId;
}

function currentCard(deps: TeamsTurnDeps, ticket: Ticket, forAsker: boolean): AdaptiveCard {
  if (forAsker) return renderLotseAnswerCard(ticket, lotseLabel(deps.directory, ticket.answer?.by ?? ''), deps.texts);
  return renderTicketCard(ticket, deps.texts, (id) => lotseName(deps, id));
}

async function feedback(deps: TeamsTurnDeps, userId: string, action: Extract<CardAction, { lotse: 'feedback' }>): Promise<Reply> {
  if (!(await deps.store.claimAction(`feedback:${action.messageId}:${userId}`, deps.clock.now().toISOString())))
    return { text: deps.texts.replayedAction };
  const outcome = await deps.chat.recordFeedback({
    userId,
    messageId: action.messageId,
    rating: action.rating,
    ...(action.reason ? { reason: action.reason } : {}),
  });
  return { text: outcome.kind === 'recorded' ? deps.texts.feedbackThanks : deps.texts.feedbackNotFound };
}

async function escalate(deps: TeamsTurnDeps, userId: string, action: Extract<CardAction, { lotse: 'escalate' }>): Promise<Reply> {
  if (!(await deps.store.claimAction(`escalate:${action.messageId}:${userId}`, deps.clock.now().toISOString())))
    return { text: deps.texts.replayedAction };
  const result = await deps.escalation.escalate({
    userId,
    conversationId: action.conversationId,
    messageId: action.messageId,
    channel: 'teams',
    reason: action.reason,
  });
  return { text: result.message };
}

function ticketActionOf(deps: TeamsTurnDeps, action: Extract<CardAction, { lotse: 'ticket' | 'asker' }>, by: string): TicketAction {
  if (action.lotse === 'asker')
    return action.op === 'close' ? { type: 'close', by } : { type: 'return', by, ...(action.note ? { note: action.note } : {}) };
  if (action.op === 'claim') return { type: 'claim', by };
  if (action.op === 'answer') return { type: 'answer', by, text: action.answerText ?? '' };
  return { type: 'reroute', by, pool: { kind: 'central' }, candidates: deps.centralPool() };
}

function successText(deps: TeamsTurnDeps, action: Extract<CardAction, { lotse: 'ticket' | 'asker' }>, ticket: Ticket): string {
  const number = { number: String(ticket.number) };
  if (action.lotse === 'asker') return action.op === 'close' ? deps.texts.answerClosed : deps.texts.answerReturned;
  if (action.op === 'claim') return fillText(deps.texts.ticketClaimed, number);
  if (action.op === 'answer') return fillText(deps.texts.ticketAnswered, number);
  return fillText(deps.texts.ticketRerouted, number);
}

async function ticketAction(
  deps: TeamsTurnDeps,
  inbound: ActionInbound,
  person: Person | undefined,
  action: Extract<CardAction, { lotse: 'ticket' | 'asker' }>,
): Promise<Reply> {
  const forAsker = action.lotse === 'asker';
  if (!forAsker && !person) return { text: deps.texts.unknownPerson };
  if (!forAsker && !person?.roles.includes('lotse')) return { text: deps.texts.notALotse };
  const by = forAsker ? coreUserId(inbound.user, person) : (person?.id ?? '');
  // Cards carry the ticket id, never its short number; and only people involved in the ticket get its card back.
  const ticket = await deps.escalation.get(action.ticketId);
  if (!ticket || ticket.id !== action.ticketId || !maySee(ticket, forAsker, by)) return { text: deps.texts.invalidAction };
  const key = `${action.lotse}:${ticket.id}:${action.version}:${action.op}:${by}`;
  const at = deps.clock.now().toISOString();
  if (!(await deps.store.claimAction(key, at))) return { text: deps.texts.replayedAction, card: currentCard(deps, ticket, forAsker) };
  if (ticket.version !== action.version) return { text: deps.texts.staleAction, card: currentCard(deps, ticket, forAsker) };
  const result: ActionResult = await deps.escalation.act(ticket.id, ticketActionOf(deps, action, by));
  if (result.kind === 'refused') {
    await deps.store.releaseAction(key);
    const latest = (await deps.escalation.get(ticket.id)) ?? ticket;
    return { text: result.message, card: currentCard(deps, latest, forAsker) };
  }
  await deps.ticketChanged(result.ticket);
  return { text: successText(deps, action, result.ticket), card: currentCard(deps, result.ticket, forAsker) };
}

/** Handles one card action; never throws for bad input. */
export async function handleCardAction(context: TurnContext, deps: TeamsTurnDeps, inbound: ActionInbound): Promise<void> {
  const action = parseCardAction(inbound.value, inbound.fromInvoke);
  if (!action) return respond(context, inbound, { text: deps.texts.invalidAction });
  const person = personOf(inbound.user, deps.directory);
  const userId = coreUserId(inbound.user, person);
  let reply: Reply;
  if (action.lotse === 'feedback') reply = await feedback(deps, userId, action);
  else if (action.lotse === 'escalate') reply = await escalate(deps, userId, action);
  else reply = await ticketAction(deps, inbound, person, action);
  await respond(context, inbound, reply);
}
