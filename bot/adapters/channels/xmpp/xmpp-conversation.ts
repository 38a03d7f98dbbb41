/**
 * What a Jabber message from a known member of staff does: a question goes to the conversation core
 * and comes back as plain text; commands give feedback, hand the question to a Digitallotse or, for
 * Lotsen, list, claim, answer and reroute tickets. Returns the reply texts; the channel sends them.
 */
import { personContext, plainLanguageChoice } from '../../../core/identity/person-context.ts';
import { parseChatCommand, type ChatCommand } from '../../../core/conversation/chat-commands.ts';
import type { EscalationService } from '../../../core/escalation/escalation-service.ts';
import type { LotseAvailability } from '../../../core/escalation/lotse-availability.ts';
import { questionTextSchema, type ChatService } from '../../../ports/chat-service.ts';
import type { Person } from '../../../ports/directory.ts';
import type { Ticket, TicketReason } from '../../../ports/tickets.ts';
import { fillText, type XmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { renderTurn, splitMessage } from './render-turn.ts';
import type { XmppSession, XmppStore } from './sql-xmpp-store.ts';

/** After this pause a new question starts a new conversation (no follow-up to yesterday's question). */
const conversationIdleMs = 8 * 60 * 60 * 1000;

/** Everything the handler needs. */
export interface XmppConversationDeps {
  readonly chat: ChatService;
  readonly escalation: Pick<EscalationService, 'escalate' | 'act' | 'reroute' | 'queueFor'>;
  readonly store: Pick<XmppStore, 'session' | 'saveSession' | 'saveSuggestions' | 'savePlainLanguage'>;
  readonly texts: XmppTexts;
  readonly maxChars: number;
  readonly linkOf?: (document: string) => string | undefined;
  /** `LOTSE_PUBLIC_URL`: links to web pages (usage rules) are shown absolute. */
  readonly publicUrl?: string;
  readonly now: () => Date;
  /** HR in chat (survey answers as numbers, newsletter topics, acknowledgements); undefined when not HR's. */
  readonly hrChat?: (personId: string, text: string) => Promise<string | undefined>;
  /** "abwesend bis …" / "wieder da" of Digitallotsen (issue #22); without it the words are questions. */
  readonly availability?: Pick<LotseAvailability, 'setAbsent' | 'clear'>;
  /** Logs each message's kind with the sender's pseudonym, never the text (issue #19, item 9). */
  readonly trace?: (event: string, fields: Readonly<Record<string, string>>) => void;
  readonly pseudonymOf?: (id: string) => string;
}

/** A person writing from a bare JID. */
export interface Sender {
  readonly person: Person;
  readonly jid: string;
}

async function isLotse(person: Person, deps: XmppConversationDeps): Promise<boolean> {
  return person.roles.includes('lotse') || (await deps.escalation.queueFor(person.id)).length > 0;
}

function stateLabel(ticket: Ticket, texts: XmppTexts): string {
  const labels: Partial<Record<Ticket['state'], string>> = {
    open: texts.stateOpen,
    claimed: texts.stateClaimed,
    rerouted: texts.stateRerouted,
    returned: texts.stateReturned,
  };
  return labels[ticket.state] ?? ticket.state;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

async function answerQuestion(sender: Sender, text: string, deps: XmppConversationDeps): Promise<string[]> {
  const parsed = questionTextSchema.safeParse(text);
  if (!parsed.success) return [parsed.error.issues[0]?.message ?? deps.texts.failure];
  const session = await deps.store.session(sender.jid);
  const fresh = session && deps.now().getTime() - Date.parse(session.updatedAt) < conversationIdleMs;
  const result = await deps.chat.handleTurn({
    channel: 'xmpp',
    userId: sender.person.id,
    text: parsed.data,
    ...personContext(sender.person),
    ...(fresh && session.conversationId ? { conversationId: session.conversationId } : {}),
    ...plainLanguageChoice(session?.plainLanguage),
  });
  await deps.store.saveSession({
    jid: sender.jid,
    conversationId: result.conversationId,
    lastMessageId: result.messageId,
    lastOutcome: result.outcome,
    updatedAt: deps.now().toISOString(),
  });
  await deps.store.saveSuggestions(sender.jid, result.suggestions ?? []);
  return renderTurn(result, {
    texts: deps.texts,
    maxChars: deps.maxChars,
    ...(deps.linkOf ? { linkOf: deps.linkOf } : {}),
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  });
}

async function feedback(sender: Sender, command: Extract<ChatCommand, { kind: 'feedback' }>, deps: XmppConversationDeps): Promise<string> {
  const session = await deps.store.session(sender.jid);
  if (!session?.lastMessageId) return deps.texts.feedbackNothing;
  const outcome = await deps.chat.recordFeedback({
    userId: sender.person.id,
    messageId: session.lastMessageId,
    rating: command.rating,
    ...(command.reason ? { reason: command.reason } : {}),
  });
  if (outcome.kind === 'not_found') return deps.texts.feedbackNothing;
  await deps.store.saveSession({ ...session, lastRating: command.rating, updatedAt: deps.now().toISOString() });
  // The "write lotse" hint only after an answer a Lotse may take over: a refusal said it is not handed on (issue #19, item 5).
  return command.rating === 'up' || session.lastOutcome === 'refused' ? deps.texts.feedbackThanks : deps.texts.feedbackThanksDown;
}

function escalationReason(session: XmppSession | undefined): TicketReason {
  if (session?.lastRating === 'down') return 'unhelpful_answer';
  return session?.lastOutcome === 'no_answer' ? 'no_answer' : 'user_request';
}

async function escalate(sender: Sender, deps: XmppConversationDeps): Promise<string> {
  const session = await deps.store.session(sender.jid);
  const result = await deps.escalation.escalate({
    userId: sender.person.id,
    conversationId: session?.conversationId ?? '',
    channel: 'xmpp',
    reason: escalationReason(session),
    reference: sender.jid,
  });
  return result.message;
}

async function ticketList(sender: Sender, deps: XmppConversationDeps): Promise<string> {
  const tickets = await deps.escalation.queueFor(sender.person.id);
  if (tickets.length === 0) return deps.texts.ticketsNone;
  const lines = tickets.map((ticket) => {
    const line = fillText(deps.texts.ticketLine, {
      number: String(ticket.number),
      state: stateLabel(ticket, deps.texts),
      question: shorten(ticket.question, 160),
    });
    // Why the asker returned the answer (issue #19, item 6).
    return ticket.state === 'returned' && ticket.returned?.note
      ? `${line}\n${fillText(deps.texts.ticketReturnNote, { note: shorten(ticket.returned.note, 300) })}`
      : line;
  });
  return [deps.texts.ticketsHeading, ...lines].join('\n');
}

async function ticketAction(
  sender: Sender,
  command: Extract<ChatCommand, { kind: 'claim' | 'answer' | 'reroute' | 'return' | 'close' }>,
  deps: XmppConversationDeps,
): Promise<string> {
  const by = sender.person.id;
  const number = String(command.number);
  if (command.kind === 'return' || command.kind === 'close') {
    const action =
      command.kind === 'return'
        ? { type: 'return' as const, by, ...(command.note ? { note: command.note } : {}) }
        : { type: 'close' as const, by };
    const result = await deps.escalation.act(number, action);
    return result.kind === 'ok'
      ? fillText(command.kind === 'return' ? deps.texts.returned : deps.texts.closed, { number })
      : result.message;
  }
  if (command.kind === 'claim') {
    const result = await deps.escalation.act(number, { type: 'claim', by });
    return result.kind === 'ok' ? fillText(deps.texts.claimed, { number, question: result.ticket.question }) : result.message;
  }
  if (command.kind === 'answer') {
    const result = await deps.escalation.act(number, { type: 'answer', by, text: command.text });
    return result.kind === 'ok' ? fillText(deps.texts.answerSent, { number }) : result.message;
  }
  const result = await deps.escalation.reroute(number, by, command.target);
  const pools = { central: deps.texts.poolCentral, 'it-servicedesk': deps.texts.poolItServicedesk, dsb: deps.texts.poolDsb };
  return result.kind === 'ok' ? fillText(deps.texts.rerouted, { number, pool: pools[command.target] }) : result.message;
}

/** Handles one chat message of a known person; returns the reply messages in order. */
export async function handleXmppMessage(sender: Sender, text: string, deps: XmppConversationDeps): Promise<string[]> {
  const one = (reply: string): string[] => splitMessage(reply, deps.maxChars);
  const user = deps.pseudonymOf?.(sender.person.id) ?? 'unknown';
  const hrReply = await deps.hrChat?.(sender.person.id, text);
  if (hrReply !== undefined) {
    deps.trace?.('xmpp-message', { kind: 'hr', user });
    return one(hrReply);
  }
  // "1", "2", "3" after an answer asks its numbered suggestion (issue #22); otherwise the digit is a question.
  const suggestion = /^\s*([1-9])\s*$/.exec(text)
    ? (await deps.store.session(sender.jid))?.suggestions?.[Number(text.trim()) - 1]
    : undefined;
  const command = suggestion ? { kind: 'question' as const, text: suggestion } : parseChatCommand(text);
  deps.trace?.('xmpp-message', { kind: command.kind, user });
  switch (command.kind) {
    case 'question':
      return answerQuestion(sender, command.text, deps);
    case 'help':
      return one((await isLotse(sender.person, deps)) ? `${deps.texts.help}\n\n${deps.texts.helpLotse}` : deps.texts.help);
    case 'feedback':
      return one(await feedback(sender, command, deps));
    case 'escalate':
      return one(await escalate(sender, deps));
    case 'tickets':
      return one(await ticketList(sender, deps));
    case 'usage': {
      const usage = {
        claim: deps.texts.usageClaim,
        answer: deps.texts.usageAnswer,
        reroute: deps.texts.usageReroute,
        return: deps.texts.usageReturn,
      };
      return one(usage[command.command]);
    }
    case 'claim':
    case 'answer':
    case 'reroute':
    case 'return':
    case 'close':
      return one(await ticketAction(sender, command, deps));
    case 'absent':
      return deps.availability
        ? one((await deps.availability.setAbsent(sender.person.id, command.until)).text)
        : answerQuestion(sender, text, deps);
    case 'back':
      return deps.availability ? one((await deps.availability.clear(sender.person.id)).text) : answerQuestion(sender, text, deps);
    case 'plain-language':
      await deps.store.savePlainLanguage(sender.jid, command.on, deps.now().toISOString());
      return one(command.on ? deps.texts.plainLanguageOn : deps.texts.plainLanguageOff);
  }
}
