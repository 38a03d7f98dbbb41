import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatService } from '../../../../bot/ports/chat-service.ts';
import { allowAllGuardrail, type Guardrail } from '../../../../bot/ports/guardrail.ts';
import { loadMessages } from '../../../../prompts/load-messages.ts';
import type { OverlapRetriever } from '../../../fakes/fake-retriever.ts';
import { twoCountyCore } from '../../../fakes/two-county-core.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';

const messages = loadMessages().messages;
let conversations: InMemoryConversationStore;
let retriever: OverlapRetriever;

function core(guardrail: Guardrail = allowAllGuardrail, failing = false): ChatService {
  const built = twoCountyCore({ conversations, guardrail, failing });
  retriever = built.retriever;
  return built.chat;
}

beforeEach(() => {
  conversations = new InMemoryConversationStore();
});

describe('createConversationCore', () => {
  it('answers, stores both messages and offers feedback and escalation', async () => {
    const result = await core().handleTurn({ channel: 'web', userId: 'u1', text: 'Wie viele Digitallotsen hat der Kreis Viersen?' });
    expect(result.outcome).toBe('answered');
    expect(result.answer).toContain('37');
    expect(conversations.messages.map((message) => message.role)).toEqual(['user', 'bot']);
    expect(result.actions.map((action) => action.type)).toEqual(['escalate', 'feedback', 'link']);
  });

  it('resolves a follow-up against the previous question of the same conversation', async () => {
    const chat = core();
    const first = await chat.handleTurn({ channel: 'web', userId: 'u1', text: 'Wie viele Digitallotsen hat der Kreis Viersen?' });
    const second = await chat.handleTurn({ channel: 'web', userId: 'u1', conversationId: first.conversationId, text: 'und in Unna?' });
    expect(retriever.calls.at(-1)?.query).toBe('Wie viele Digitallotsen hat?');
    expect(JSON.parse(conversations.messages.at(-1)?.payload ?? '{}').resolvedQuestion).toBe('Wie viele Digitallotsen hat der Kreis Unna?');
    expect(second.answer).toContain('12');
    expect(second.answer).not.toContain('37');
  });

  it('starts a new conversation when the id belongs to someone else', async () => {
    const chat = core();
    const first = await chat.handleTurn({ channel: 'web', userId: 'u1', text: 'Digitallotsen Viersen?' });
    const other = await chat.handleTurn({
      channel: 'web',
      userId: 'u2',
      conversationId: first.conversationId,
      text: 'Digitallotsen Viersen?',
    });
    expect(other.conversationId).not.toBe(first.conversationId);
  });

  it('stores only the redacted text and reports the rules of a refusing guardrail', async () => {
    const guardrail: Guardrail = {
      reviewInput: () => ({
        kind: 'refuse',
        text: 'Soll ich [NAME] einstellen?',
        reply: 'Das entscheide ich nicht.',
        rules: [{ id: 'no-person-decisions', clause: 'DV KI § 4 Abs. 1', action: 'refuse' }],
      }),
      reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
    };
    const result = await core(guardrail).handleTurn({ channel: 'web', userId: 'u1', text: 'Soll ich Frau Meier einstellen?' });
    expect(result.outcome).toBe('refused');
    expect(result.rules[0]?.clause).toBe('DV KI § 4 Abs. 1');
    expect(JSON.stringify(conversations.messages)).not.toContain('Meier');
    expect(retriever.calls).toHaveLength(0);
  });

  it('tells the guardrail whether generated answers are allowed and reports rules on the sources', async () => {
    const seen: unknown[] = [];
    const guardrail: Guardrail = {
      reviewInput: (text, context) => (seen.push(context), { kind: 'allow', text, rules: [] }),
      reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
      reviewSources: (passages) => (passages.length ? [{ id: 'document-injection', clause: 'DV KI § 11 Abs. 1', action: 'allow' }] : []),
    };
    const result = await core(guardrail).handleTurn({
      channel: 'web',
      userId: 'u1',
      text: 'Digitallotsen Viersen?',
      generativeAllowed: false,
    });
    expect(seen[0]).toMatchObject({ userId: 'u1', generativeAllowed: false });
    expect(result.rules.map((rule) => rule.id)).toContain('document-injection');
  });

  it('turns an unexpected failure into a friendly German reply with an escalation offer', async () => {
    const result = await core(allowAllGuardrail, true).handleTurn({ channel: 'web', userId: 'u1', text: 'Digitallotsen?' });
    expect(result.answer).toBe(messages.internalError);
    expect(result.actions[0]?.type).toBe('escalate');
  });

  it('records feedback only for the owner of the answer', async () => {
    const chat = core();
    const result = await chat.handleTurn({ channel: 'web', userId: 'u1', text: 'Digitallotsen Viersen?' });
    expect(await chat.recordFeedback({ userId: 'u2', messageId: result.messageId, rating: 'down' })).toEqual({ kind: 'not_found' });
    expect(await chat.recordFeedback({ userId: 'u1', messageId: result.messageId, rating: 'down', reason: ' veraltet ' })).toEqual({
      kind: 'recorded',
    });
    expect(await conversations.feedbackFor(result.messageId)).toMatchObject({ rating: 'down', reason: 'veraltet' });
  });
});
