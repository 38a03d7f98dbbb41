/**
 * The Teams turn logic run by the Agents SDK's CloudAdapter: remembers the conversation reference, answers
 * questions with an answer card (streamed with the Teams streaming protocol in personal chats when the core
 * streams a generated answer), handles card actions, greets on install and ignores the rest.
 */
import { Activity } from '@microsoft/agents-activity';
import { StreamingResponse, type TurnContext } from '@microsoft/agents-hosting';
import { personContext, plainLanguageChoice } from '../../../core/identity/person-context.ts';
import { parseChatCommand } from '../../../core/conversation/chat-commands.ts';
import { questionTextSchema } from '../../../ports/chat-service.ts';
import { describeError } from '../../../shared/errors.ts';
import { cardAttachment, cardMessage, renderAnswerCard } from './answer-card.ts';
import { handleCardAction } from './card-action-handler.ts';
import { handleHrAction, handleHrText } from './teams-hr.ts';
import { readTeamsActivity, type TeamsInbound } from './teams-activity.ts';
import { coreConversationId, coreUserId, invokeMessageResponse, personOf, replyText, type TeamsTurnDeps } from './teams-context.ts';

type QuestionInbound = Extract<TeamsInbound, { kind: 'question' }>;

async function remember(context: TurnContext, deps: TeamsTurnDeps, inbound: TeamsInbound): Promise<void> {
  const { conversation, user } = inbound;
  if (inbound.kind === 'uninstalled' || inbound.kind === 'bot-removed') {
    await deps.store.markUndeliverable(conversation.id, inbound.kind);
    await deps.conversationsChanged?.();
    return;
  }
  if (!conversation.serviceUrl) return; // expectReplies: nothing to reach proactively
  const personal = conversation.kind === 'personal';
  const person = personal ? personOf(user, deps.directory) : undefined;
  await deps.store.saveConversation(
    {
      conversationId: conversation.id,
      kind: conversation.kind,
      serviceUrl: conversation.serviceUrl,
      // Without the activity id, proactive messages start a new message instead of replying to this one.
      reference: JSON.stringify({ ...context.activity.getConversationReference(), activityId: undefined }),
      ...(person ? { personId: person.id } : {}),
      ...(personal && user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    deps.clock.now().toISOString(),
  );
  await deps.conversationsChanged?.();
}

async function answerQuestion(context: TurnContext, deps: TeamsTurnDeps, inbound: QuestionInbound): Promise<void> {
  if (!inbound.text) return replyText(context, deps.texts.unsupported);
  const question = questionTextSchema.safeParse(inbound.text);
  if (!question.success) return replyText(context, question.error.issues[0]?.message ?? deps.texts.unsupported);
  const person = personOf(inbound.user, deps.directory);
  if (person && deps.hr && (await handleHrText(context, deps.hr, person.id, question.data))) return;
  if (person && deps.availability) {
    const command = parseChatCommand(question.data);
    if (command.kind === 'absent') return replyText(context, (await deps.availability.setAbsent(person.id, command.until)).text);
    if (command.kind === 'back') return replyText(context, (await deps.availability.clear(person.id)).text);
  }
  const userId = coreUserId(inbound.user, person);
  const command = parseChatCommand(question.data);
  if (command.kind === 'plain-language') {
    await deps.store.setPlainLanguage(userId, command.on, deps.clock.now().toISOString());
    return replyText(context, command.on ? deps.texts.plainLanguageOn : deps.texts.plainLanguageOff);
  }
  const conversationId = coreConversationId(inbound.conversation.id, userId);
  await deps.store.linkCoreConversation(conversationId, inbound.conversation.id);
  const canStream = inbound.conversation.kind === 'personal';
  const stream = canStream ? new StreamingResponse(context) : undefined;
  if (stream && deps.streamDelayMs !== undefined) stream.setDelayInMs(deps.streamDelayMs);
  if (stream) stream.streamingTakingTooLongMessage = deps.texts.streamingTooLong;
  let streamed = false;
  const onDelta = (delta: string): void => {
    if (!stream) return;
    if (!streamed) stream.queueInformativeUpdate(deps.texts.thinking);
    streamed = true;
    stream.queueTextChunk(delta);
  };
  const result = await deps.chat.handleTurn(
    {
      channel: 'teams',
      conversationId,
      userId,
      text: question.data,
      canStream,
      // County and KI-training gate (DV KI § 8) from the directory; unknown people get extractive answers only.
      ...personContext(person),
      // The person's "einfach"/"normal" wins over the directory default (issue #22).
      ...plainLanguageChoice(await deps.store.plainLanguage(userId)),
    },
    { onDelta },
  );
  if (stream && streamed) {
    // The final message replaces the streamed text (a verification fallback may have changed it); the SDK
    // takes the attachments from setAttachments, not from the final message.
    stream.setFinalMessage(Activity.fromObject({ type: 'message', text: result.answer }));
    stream.setAttachments([
      cardAttachment(renderAnswerCard(result, deps.texts, { withAnswer: false, ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}) })),
    ]);
    await stream.endStream();
    return;
  }
  await context.sendActivity(
    Activity.fromObject(
      cardMessage(renderAnswerCard(result, deps.texts, deps.publicUrl ? { publicUrl: deps.publicUrl } : {}), result.answer),
    ),
  );
}

async function dispatch(context: TurnContext, deps: TeamsTurnDeps, inbound: TeamsInbound): Promise<void> {
  switch (inbound.kind) {
    case 'question':
      return answerQuestion(context, deps, inbound);
    case 'card-action':
      if (deps.hr && (await handleHrAction(context, deps.hr, personOf(inbound.user, deps.directory)?.id, inbound.value))) return;
      return handleCardAction(context, deps, inbound);
    case 'installed':
    case 'bot-added':
      // Teams sends both installationUpdate and conversationUpdate on install: greet each personal chat once.
      if (
        inbound.conversation.kind === 'personal' &&
        (await deps.store.claimAction(`greeting:${inbound.conversation.id}`, deps.clock.now().toISOString()))
      )
        await replyText(context, deps.texts.greeting);
      return;
    case 'uninstalled':
    case 'bot-removed':
      await deps.store.releaseAction(`greeting:${inbound.conversation.id}`); // a reinstall greets again
      return;
    case 'ignored':
      deps.logger.info('teams-activity-ignored', { reason: inbound.reason });
      if (inbound.invoke) await invokeMessageResponse(context, deps.texts.unsupported, 501);
      return;
  }
}

/** Creates the handler passed to `CloudAdapter.process`; bad input never throws out of it. */
export function createTeamsTurnHandler(deps: TeamsTurnDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const read = readTeamsActivity(context.activity);
    if (!read.ok) {
      deps.logger.warn('teams-activity-unreadable', { problem: read.problem });
      if (context.activity.type === 'invoke') await invokeMessageResponse(context, deps.texts.invalidAction, 400);
      return;
    }
    // Each channel event at info, with a pseudonym and no text (issue #19, item 9).
    const { inbound } = read;
    deps.logger.info('teams-activity', {
      kind: inbound.kind,
      conversationKind: inbound.conversation.kind,
      user: deps.pseudonymOf?.(coreUserId(inbound.user, personOf(inbound.user, deps.directory))) ?? 'unknown',
    });
    try {
      await remember(context, deps, read.inbound);
      await dispatch(context, deps, read.inbound);
    } catch (error) {
      deps.logger.error('teams-turn-failed', { kind: read.inbound.kind, error: describeError(error) });
      if (context.activity.type === 'invoke') {
        await invokeMessageResponse(context, deps.texts.invalidAction, 500).catch((reply: unknown) =>
          deps.logger.error('teams-reply-failed', { error: describeError(reply) }),
        );
      }
    }
  };
}
