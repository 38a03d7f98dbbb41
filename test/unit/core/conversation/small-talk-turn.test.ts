import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatService } from '../../../../bot/ports/chat-service.ts';
import { allowAllGuardrail, type Guardrail } from '../../../../bot/ports/guardrail.ts';
import { loadMessages, loadSmallTalkMessages } from '../../../../prompts/load-messages.ts';
import type { OverlapRetriever } from '../../../fakes/fake-retriever.ts';
import { twoCountyCore } from '../../../fakes/two-county-core.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';

const messages = loadMessages().messages;
const smallTalk = loadSmallTalkMessages();
const handOver = /weitergeben\?|Digitallotse fragen|nichts Verlässliches/;
let conversations: InMemoryConversationStore;
let retriever: OverlapRetriever;

function core(guardrail: Guardrail = allowAllGuardrail): ChatService {
  const built = twoCountyCore({ conversations, guardrail, smallTalk });
  retriever = built.retriever;
  return built.chat;
}

beforeEach(() => {
  conversations = new InMemoryConversationStore();
});

describe('small talk in the conversation core', () => {
  it('has a short friendly German reply per kind, without a hand-over offer', () => {
    for (const reply of Object.values(smallTalk)) {
      expect(reply.length).toBeGreaterThan(5);
      expect(reply).not.toMatch(handOver);
    }
  });

  it.each([
    ['Hallo', smallTalk.greeting],
    ['Moin!', smallTalk.greeting],
    ['Danke!', smallTalk.thanks],
    ['Vielen Dank, das hilft mir', smallTalk.thanks],
    ['Tschüss und schönen Feierabend', smallTalk.farewell],
  ])('answers %j kindly: answered, no citations, no hand-over, nothing searched', async (text, reply) => {
    const result = await core().handleTurn({ channel: 'xmpp', userId: 'u1', text });
    expect(result).toMatchObject({ outcome: 'answered', answer: reply, citations: [], question: text });
    expect(result.actions.map((action) => action.type)).toEqual(['link']);
    expect(result.answer).not.toMatch(handOver);
    expect(retriever.calls).toHaveLength(0);
  });

  it('searches the question without its greeting and stores the message as received', async () => {
    const text = 'Hallo, wie viele Digitallotsen hat der Kreis Viersen eigentlich? Danke und viele Grüße, Marek';
    const result = await core().handleTurn({ channel: 'web', userId: 'u1', text });
    expect(JSON.parse(conversations.messages.at(-1)?.payload ?? '{}').resolvedQuestion).toBe(
      'wie viele Digitallotsen hat der Kreis Viersen?',
    );
    expect(retriever.calls.at(-1)?.query).toBe('wie viele Digitallotsen hat?');
    expect(result.outcome).toBe('answered');
    expect(result.answer).toContain('37');
    expect(result.question).toBe(text);
    expect(conversations.messages[0]?.text).toBe(text);
    expect(result.actions.map((action) => action.type)).toEqual(['escalate', 'feedback', 'link']);
  });

  it('gives a question wrapped in a greeting the outcome and citation of the bare question', async () => {
    const bare = await core().handleTurn({ channel: 'web', userId: 'u1', text: 'Wie viele Digitallotsen hat der Kreis Unna?' });
    const wrapped = await core().handleTurn({
      channel: 'web',
      userId: 'u1',
      text: 'Moin, wie viele Digital\u200Blotsen hat der Kreis Unna? LG',
    });
    expect(wrapped.outcome).toBe(bare.outcome);
    expect(wrapped.citations[0]?.document).toBe(bare.citations[0]?.document);
    expect(wrapped.confidence).toBe(bare.confidence);
  });

  it('keeps the previous question for a follow-up after a thank-you', async () => {
    const chat = core();
    const first = await chat.handleTurn({ channel: 'web', userId: 'u1', text: 'Wie viele Digitallotsen hat der Kreis Viersen?' });
    await chat.handleTurn({ channel: 'web', userId: 'u1', conversationId: first.conversationId, text: 'Danke!' });
    const third = await chat.handleTurn({ channel: 'web', userId: 'u1', conversationId: first.conversationId, text: 'und in Unna?' });
    expect(third.answer).toContain('12');
  });

  it('lets the guardrail see and refuse the raw message, greeting included', async () => {
    const seen: string[] = [];
    const guardrail: Guardrail = {
      reviewInput: (text) => (seen.push(text), { kind: 'refuse', text, reply: 'Das entscheide ich nicht.', rules: [] }),
      reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
    };
    const result = await core(guardrail).handleTurn({ channel: 'web', userId: 'u1', text: 'Hallo' });
    expect(seen).toEqual(['Hallo']);
    expect(result.outcome).toBe('refused');
  });
});
