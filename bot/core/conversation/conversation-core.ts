/**
 * The channel-neutral conversation core: every channel calls `handleTurn` with an `InboundMessage` and
 * renders the `TurnResult`. Guardrails run first (their redacted text is all that is stored), then the
 * follow-up is resolved, the question answered, the answer reviewed and the turn stored.
 */
import type { ChatService, ServiceStatus } from '../../ports/chat-service.ts';
import { maxQuestionLength } from '../../ports/chat-service.ts';
import type { Clock, IdGenerator } from '../../ports/clock.ts';
import type { ConversationStore, StoredMessage } from '../../ports/conversation-store.ts';
import type { Guardrail, GuardrailVerdict } from '../../ports/guardrail.ts';
import type { InboundMessage, Outcome, TurnResult } from '../../ports/turn.ts';
import type { Logger } from '../../shared/logger.ts';
import { describeError } from '../../shared/errors.ts';
import type { RankedHit } from '../answer/answer-context.ts';
import { answerQuestion, type AnswerDeps, type AnswerDraft } from '../answer/answer-question.ts';
import type { AnswerMessages } from '../answer/answer-messages.ts';
import { normalizeQuestion } from '../understanding/normalize-question.ts';
import type { SmallTalkMessages } from '../understanding/small-talk-messages.ts';
import { looksLikeFollowUp, resolveFollowUp } from './follow-up.ts';
import { recordAnswerFeedback } from './answer-feedback.ts';
import { previousQuestion, triedOf } from './bot-message-payload.ts';
import { actionsFor, smallTalkActions } from './turn-actions.ts';
import { decideHandover, type HandoverDecision, type Referrals } from './handover-decision.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import {
  fromDocuments,
  plainLanguageAnswer,
  suggestionsFor,
  type PresentationTexts,
  type PresentedTurn,
} from '../presentation/present-answer.ts';

/** Everything the core needs, injected by the composition root. */
export interface ConversationDeps<H extends RankedHit = RankedHit> {
  readonly answer: AnswerDeps<H>;
  readonly conversations: ConversationStore;
  readonly guardrail: Guardrail;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly topK: number;
  /** Fixed "today" (YYYY-MM-DD) for reproducible runs; the clock's date otherwise. */
  readonly today?: string;
  readonly status: () => Promise<ServiceStatus>;
  /** Records one pseudonymous audit entry per turn (DV KI § 10); absent in unit tests. */
  readonly audit?: { readonly record: (result: TurnResult, channel: string, userId: string) => Promise<void> };
  /** Rewrites a follow-up into a standalone question with a model; the heuristic is used when absent or failing. */
  /** Answers some questions from other sources than documents (e.g. "Wer ist mein Digitallotse?" from the directory). */
  readonly directAnswer?: (question: string, userId: string) => AnswerDraft | undefined;
  /** Replies to a message that is only a greeting, thanks or farewell; absent: such a message is answered like a question. */
  readonly smallTalk?: SmallTalkMessages;
  readonly rewrite?: (history: readonly { role: 'user' | 'assistant'; text: string }[], question: string) => Promise<string | null>;
  /** Offices that questions and refusals are referred to instead of Digitallotsen (`policies/escalation.yaml`). */
  readonly referrals?: Referrals;
  /** The pseudonym that names the asker in logs (the audit pseudonym), never their id (issue #19, item 9). */
  readonly pseudonymOf?: (userId: string) => string;
  /** Says why a model answer was withheld (training gate) and names the next course date (issue #22). */
  readonly trainingGateNote?: (today: string) => string;
  /** Leichte Sprache and suggested next questions (issue #22); neither without texts. */
  readonly presentation?: PresentationTexts;
}

const refusalOutcome: Record<Exclude<GuardrailVerdict['kind'], 'allow'>, Outcome> = {
  refuse: 'refused',
  refer: 'refused',
  escalate: 'escalated',
};

/** The abstention text with the hand-over offer replaced by where personal data belongs. */
function withoutHandoverOffer(answer: string, messages: AnswerMessages): string {
  return answer.replace(messages.noAnswerOffer, messages.noAnswerPersonalData);
}

/** Creates the conversation core behind the `ChatService` port. */
export function createConversationCore<H extends RankedHit>(deps: ConversationDeps<H>): ChatService {
  const today = (): string => deps.today ?? deps.clock.now().toISOString().slice(0, 10);

  const conversationFor = async (message: InboundMessage): Promise<string> => {
    const at = deps.clock.now().toISOString();
    const wanted = message.conversationId;
    const base = { channel: message.channel, userId: message.userId, at };
    if (wanted && (await deps.conversations.ensureConversation({ ...base, id: wanted }))) return wanted;
    const fresh = deps.ids.next('conv');
    await deps.conversations.ensureConversation({ ...base, id: fresh });
    return fresh;
  };

  const standalone = async (text: string, history: readonly StoredMessage[]): Promise<string> => {
    const knownTenants = deps.answer.knowledge.listDocuments().flatMap((meta) => (meta.tenant ? [meta.tenant] : []));
    const prior = previousQuestion(history);
    if (prior && deps.rewrite && looksLikeFollowUp(text)) {
      const turns = history.map((entry) => ({ role: entry.role === 'bot' ? ('assistant' as const) : ('user' as const), text: entry.text }));
      const rewritten = await deps.rewrite(turns, text);
      if (rewritten) return rewritten;
    }
    return resolveFollowUp({ text, knownTenants, ...(prior ? { previousQuestion: prior } : {}) });
  };

  const answerAllowed = async (
    text: string,
    message: InboundMessage,
    history: readonly StoredMessage[],
    onDelta?: (text: string) => void,
  ): Promise<{ draft: AnswerDraft; resolvedQuestion: string; smallTalk?: boolean }> => {
    // Greetings, thanks and fillers only hide the question from analysis; what is stored stays as received.
    const normalized = normalizeQuestion(text);
    if (normalized.smallTalk && deps.smallTalk) {
      const draft: AnswerDraft = {
        outcome: 'answered',
        answer: deps.smallTalk[normalized.smallTalk],
        citations: [],
        retrieved: [],
        confidence: 1,
        provenance: { mode: 'none', indexVersion: deps.answer.indexVersion() },
      };
      return { draft, resolvedQuestion: previousQuestion(history) ?? '', smallTalk: true };
    }
    const resolvedQuestion = await standalone(normalized.text || text, history);
    const direct = deps.directAnswer?.(resolvedQuestion, message.userId);
    if (direct) return { draft: direct, resolvedQuestion };
    const draft = await answerQuestion(deps.answer, {
      question: resolvedQuestion,
      today: today(),
      topK: message.topK ?? deps.topK,
      ...(message.tenant ? { tenant: message.tenant } : {}),
      ...(message.generativeAllowed === false ? { generativeAllowed: false } : {}),
      ...(onDelta ? { onDelta } : {}),
      ...(message.plainLanguage ? { plainLanguage: true } : {}),
    });
    return { draft, resolvedQuestion };
  };

  const handleTurn = async (message: InboundMessage, onDelta?: (text: string) => void): Promise<TurnResult> => {
    const started = performance.now();
    const conversationId = await conversationFor(message);
    const context = {
      userId: message.userId,
      ...(message.tenant ? { tenant: message.tenant } : {}),
      ...(message.generativeAllowed === false ? { generativeAllowed: false } : {}),
    };
    const input = deps.guardrail.reviewInput(message.text.slice(0, maxQuestionLength), context);
    const history = await deps.conversations.recentMessages(conversationId, 6);
    const at = deps.clock.now().toISOString();
    await deps.conversations.appendMessage({ id: deps.ids.next('msg'), conversationId, role: 'user', text: input.text, createdAt: at });
    let outcome: Outcome;
    let draft: AnswerDraft | undefined;
    let answer: string;
    let resolvedQuestion = input.text;
    let smallTalk: boolean | undefined;
    let plain = false;
    // Personal data was masked in an allowed question: if the documents do not answer it, it is not handed to a
    // Digitallotse either (DV KI: personal data is never handed on); the person hears where case data belongs.
    const masked = input.kind === 'allow' && input.rules.some((rule) => rule.action === 'redact');
    if (input.kind === 'allow') {
      ({ draft, resolvedQuestion, smallTalk } = await answerAllowed(input.text, message, history, onDelta));
      outcome = draft.outcome;
      answer = masked && outcome === 'no_answer' ? withoutHandoverOffer(draft.answer, deps.answer.messages) : draft.answer;
      // Leichte Sprache only changes the explanatory text; the citations keep the document's wording (issue #22).
      const turn = presented(draft, outcome, resolvedQuestion, smallTalk);
      plain = message.plainLanguage === true && fromDocuments(turn);
      if (plain) answer = plainLanguageAnswer(answer, turn, deps.presentation);
    } else {
      outcome = refusalOutcome[input.kind];
      const office = deps.referrals?.forRefusal(input.rules.map((rule) => rule.id));
      answer = office ? `${input.reply}\n\n${office}` : input.reply;
    }
    // Case data, personal matters and refusals never go to a Digitallotse: no hand-over button (issues #17, #19).
    const handover: HandoverDecision | undefined = smallTalk
      ? undefined
      : decideHandover({
          verdict: input,
          masked,
          outcome,
          question: resolvedQuestion,
          ...(deps.referrals ? { referrals: deps.referrals } : {}),
        });
    // Unanswered and referred (e.g. one's own leave): the office takes the place of the hand-over offer; the outcome stays.
    // The asker's own data (leave, pay, time account) is never in the documents: the office is named after an answer too.
    if (handover?.referral && (outcome !== 'answered' || handover.ownMatter)) {
      const offer = deps.answer.messages.noAnswerOffer;
      answer = answer.includes(offer) ? answer.replace(offer, handover.referral) : `${answer}\n\n${handover.referral}`;
    }
    // A model is configured but not used for this person (training gate): say so and name the next course (issue #22).
    const withheld =
      message.generativeAllowed === false && deps.answer.generation && draft?.provenance.mode === 'extractive' && outcome === 'answered';
    if (withheld && deps.trainingGateNote) answer = `${answer}\n\n${deps.trainingGateNote(today())}`;
    // The person learns that personal data was removed and what was kept (issue #19, item 5).
    if (masked) answer = `${answer}\n\n${fillTemplate(deps.answer.messages.personalDataRemoved, { question: input.text })}`;
    // Directory answers name contact persons on purpose (our template, no model or document text): not masked.
    const output: GuardrailVerdict =
      draft?.provenance.mode === 'directory' ? { kind: 'allow', text: answer, rules: [] } : deps.guardrail.reviewOutput(answer, context);
    if (output.kind !== 'allow') outcome = refusalOutcome[output.kind];
    const offers = handover?.allowed === true && output.kind === 'allow';
    const result: TurnResult = {
      conversationId,
      messageId: deps.ids.next('msg'),
      question: input.text,
      outcome,
      answer: output.kind === 'allow' ? output.text : output.reply,
      citations: output.kind === 'allow' ? (draft?.citations ?? []) : [],
      retrieved: draft?.retrieved ?? [],
      confidence: draft?.confidence ?? 0,
      rules: [
        ...input.rules,
        ...(handover?.rule ? [handover.rule] : []),
        ...(draft
          ? (deps.guardrail.reviewSources?.(
              draft.retrieved.slice(0, 5).map((passage) => passage.text),
              context,
            ) ?? [])
          : []),
        ...output.rules,
      ],
      actions:
        smallTalk && outcome === 'answered'
          ? smallTalkActions(deps.answer.messages)
          : actionsFor(outcome, deps.answer.messages).filter((action) => action.type !== 'escalate' || offers),
      provenance: {
        ...(draft?.provenance ?? { mode: 'none', indexVersion: deps.answer.indexVersion() }),
        ...(plain ? { plainLanguage: true } : {}),
      },
      latencyMs: performance.now() - started,
      suggestions:
        draft && output.kind === 'allow'
          ? suggestionsFor(presented(draft, outcome, resolvedQuestion, smallTalk), deps.answer.knowledge, deps.presentation)
          : [],
    };
    // `handover` records the decision, so that a later hand-over request refers to this answer (or is refused).
    const decision = handover ? { handover: offers, ...(!offers && handover.referral ? { referral: handover.referral } : {}) } : {};
    await deps.conversations.appendMessage({
      id: result.messageId,
      conversationId,
      role: 'bot',
      text: result.answer,
      outcome,
      payload: JSON.stringify({
        resolvedQuestion,
        citations: result.citations,
        provenance: result.provenance,
        tried: triedOf(result),
        ...decision,
      }),
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.audit?.record(result, message.channel, message.userId);
    // Every turn at info with ids and a pseudonym only, so that an operator can follow a conversation (issue #19, item 9).
    deps.logger.info('turn', {
      channel: message.channel,
      conversation: conversationId,
      messageId: result.messageId,
      user: deps.pseudonymOf?.(message.userId) ?? 'unknown',
      outcome,
      handover: offers,
      ms: Math.round(result.latencyMs),
    });
    // Question and answer only in debug logs (LOG_LEVEL=debug); at info the logger drops or censors them.
    deps.logger.debug('chat-turn', {
      channel: message.channel,
      outcome,
      ms: Math.round(result.latencyMs),
      question: input.text,
      answer: result.answer,
    });
    return result;
  };

  return {
    handleTurn: async (message, options) => {
      try {
        return await handleTurn(message, options?.onDelta);
      } catch (error) {
        deps.logger.error('turn-failed', { channel: message.channel, error: describeError(error) });
        return failedTurn(deps, message);
      }
    },
    recordFeedback: (input) => recordAnswerFeedback(deps, input),
    status: deps.status,
  };
}

function presented(draft: AnswerDraft, outcome: Outcome, question: string, smallTalk: boolean | undefined): PresentedTurn {
  return { question, outcome, mode: draft.provenance.mode, citations: draft.citations, smallTalk: smallTalk === true };
}

function failedTurn<H extends RankedHit>(deps: ConversationDeps<H>, message: InboundMessage): TurnResult {
  return {
    conversationId: message.conversationId ?? '',
    messageId: '',
    question: message.text.slice(0, maxQuestionLength),
    outcome: 'no_answer',
    answer: deps.answer.messages.internalError,
    citations: [],
    retrieved: [],
    confidence: 0,
    rules: [],
    actions: actionsFor('no_answer', deps.answer.messages),
    provenance: { mode: 'none', indexVersion: '' },
    latencyMs: 0,
  };
}
