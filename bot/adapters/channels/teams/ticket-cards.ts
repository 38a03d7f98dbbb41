/**
 * Ticket cards: the card a Digitallotse gets (question, passages tried, reason, state; claim / answer with an
 * input field / reroute), re-rendered from the ticket whenever it changes so that it updates in place, and
 * the card the asker receives with the Lotse's answer (helpful / return with a note).
 */
import type { Ticket, TicketState } from '../../../ports/tickets.ts';
import { fillText, type TeamsTexts } from '../../../../prompts/load-teams-texts.ts';
import { adaptiveCard, executeAction, text, type AdaptiveCard } from './answer-card.ts';

const stateKeys: Record<TicketState, keyof TeamsTexts> = {
  open: 'stateOpen',
  claimed: 'stateClaimed',
  answered: 'stateAnswered',
  closed: 'stateClosed',
  returned: 'stateReturned',
  rerouted: 'stateRerouted',
  expired: 'stateExpired',
};
const reasonKeys: Record<Ticket['reason'], keyof TeamsTexts> = {
  no_answer: 'reasonNoAnswer',
  user_request: 'reasonUserRequest',
  unhelpful_answer: 'reasonUnhelpful',
};

/** Names of people for the card (the assignee); ids are shown when a name is unknown. */
export type NameOf = (personId: string) => string;

function ticketActions(ticket: Ticket, texts: TeamsTexts): unknown[] {
  const base = { lotse: 'ticket' as const, ticketId: ticket.id, version: ticket.version };
  const workable = ['open', 'rerouted', 'returned', 'claimed'].includes(ticket.state);
  if (!workable) return [];
  const actions: unknown[] = [];
  if (ticket.state !== 'claimed') actions.push(executeAction(texts.ticketClaim, { ...base, op: 'claim' }, 'positive'));
  actions.push({
    type: 'Action.ShowCard',
    title: texts.ticketSendAnswer,
    card: adaptiveCard(
      [
        {
          type: 'Input.Text',
          id: 'answerText',
          label: texts.ticketAnswerInputLabel,
          placeholder: texts.ticketAnswerPlaceholder,
          isMultiline: true,
          isRequired: true,
          maxLength: 4000,
        },
      ],
      [executeAction(texts.ticketSendAnswer, { ...base, op: 'answer' }, 'positive')],
    ),
  });
  if (ticket.pool.kind !== 'central') actions.push(executeAction(texts.ticketReroute, { ...base, op: 'reroute' }));
  return actions;
}

/** The Lotse's card for a ticket in its current state. */
export function renderTicketCard(ticket: Ticket, texts: TeamsTexts, nameOf: NameOf): AdaptiveCard {
  const facts = [
    { title: texts.ticketReason, value: texts[reasonKeys[ticket.reason]] },
    { title: texts.ticketState, value: texts[stateKeys[ticket.state]] },
    ...(ticket.assignee ? [{ title: texts.ticketAssignee, value: nameOf(ticket.assignee) }] : []),
    ...(ticket.state === 'returned' && ticket.returned?.note ? [{ title: texts.ticketReturnNote, value: ticket.returned.note }] : []),
  ];
  const tried =
    ticket.tried.length > 0
      ? ticket.tried.map((entry) => `- ${entry.title}${entry.section ? ` – ${entry.section}` : ''}`).join('\n')
      : texts.ticketNoneTried;
  const body: unknown[] = [
    text(fillText(texts.ticketTitle, { number: String(ticket.number) }), { size: 'Medium', weight: 'Bolder' }),
    text(`**${texts.ticketQuestion}:** ${ticket.question}`),
    { type: 'FactSet', facts },
    text(`**${texts.ticketTried}:**\n${tried}`, { spacing: 'Small' }),
  ];
  if (ticket.answer) body.push(text(`**${texts.ticketAnswer}:** ${ticket.answer.text}`));
  return adaptiveCard(body, ticketActions(ticket, texts));
}

/** The card the asker receives with a Lotse's answer; the Lotse is named as the source. */
export function renderLotseAnswerCard(ticket: Ticket, lotseName: string, texts: TeamsTexts): AdaptiveCard {
  const base = { lotse: 'asker' as const, ticketId: ticket.id, version: ticket.version };
  const body = [
    text(fillText(texts.answerFromLotse, { name: lotseName }), { weight: 'Bolder' }),
    text(fillText(texts.ticketTitle, { number: String(ticket.number) }), { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(ticket.answer?.text ?? ''),
  ];
  const actions =
    ticket.state === 'answered'
      ? [
          executeAction(texts.answerHelpful, { ...base, op: 'close' }, 'positive'),
          {
            type: 'Action.ShowCard',
            title: texts.answerReturn,
            card: adaptiveCard(
              [{ type: 'Input.Text', id: 'note', label: texts.answerReturnNoteLabel, isMultiline: true, maxLength: 1000 }],
              [executeAction(texts.answerReturn, { ...base, op: 'return' })],
            ),
          },
        ]
      : [];
  return adaptiveCard(body, actions);
}

/** A simple card with a title and a text (reminders, notices). */
export function renderNoticeCard(title: string, message: string): AdaptiveCard {
  return adaptiveCard([text(title, { weight: 'Bolder' }), text(message)]);
}
