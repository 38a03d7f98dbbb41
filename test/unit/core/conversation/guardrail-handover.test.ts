import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../bot/core/conversation/conversation-core.ts';
import type { Guardrail } from '../../../../bot/ports/guardrail.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadMessages } from '../../../../prompts/load-messages.ts';
import { fakeAnalyzer, flatIdfLexical } from '../../../fakes/fake-analyzer.ts';
import { OverlapRetriever } from '../../../fakes/fake-retriever.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { InMemoryKnowledgeStore } from '../../../fakes/in-memory-knowledge-store.ts';

/** A guardrail that refuses everything, storing `stored` and allowing a hand-over or not. */
function refusing(handover: boolean | undefined, stored: string): Guardrail {
  return {
    reviewInput: () => ({
      kind: 'refuse',
      text: stored,
      reply: 'Nein (DV KI § 5).',
      rules: [{ id: 'intent-case-data', clause: 'DV KI § 5 Abs. 1', action: 'refuse' }],
      ...(handover === undefined ? {} : { handover }),
    }),
    reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
  };
}

function chat(guardrail: Guardrail, conversations: InMemoryConversationStore) {
  const store = new InMemoryKnowledgeStore();
  return createConversationCore({
    answer: {
      retriever: new OverlapRetriever(store, fakeAnalyzer),
      confidence: () => 0,
      knowledge: store,
      analyzer: fakeAnalyzer,
      lexical: flatIdfLexical,
      messages: loadMessages().messages,
      minConfidence: 0.3,
      indexVersion: () => 'v1',
    },
    conversations,
    guardrail,
    clock: new FixedClock(),
    ids: new SequentialIds(),
    logger: silentLogger,
    topK: 5,
    status: async () => ({ ready: true, documents: 0, chunks: 0, indexVersion: 'v1' }),
  });
}

describe('hand-over after a refusal (issue #17)', () => {
  it('offers no Digitallotse hand-over when the policy forbids one and stores only what the guardrail returned', async () => {
    const conversations = new InMemoryConversationStore();
    const result = await chat(refusing(false, '[zurückgehalten]'), conversations).handleTurn({
      channel: 'web',
      userId: 'u1',
      text: 'Prüf die IBAN von Herrn Krämer',
    });
    expect(result.outcome).toBe('refused');
    expect(result.actions.map((action) => action.type)).not.toContain('escalate');
    expect(conversations.messages.map((message) => message.text).join(' ')).not.toContain('Krämer');
  });

  it('offers no hand-over after any refusal, also where the decision table says nothing or allows one (issue #19, item 7)', async () => {
    for (const handover of [undefined, true]) {
      const result = await chat(refusing(handover, 'x'), new InMemoryConversationStore()).handleTurn({
        channel: 'web',
        userId: 'u1',
        text: 'x',
      });
      expect(result.outcome).toBe('refused');
      expect(result.actions.map((action) => action.type)).not.toContain('escalate');
    }
  });
});

/** A guardrail that allows the question after masking a name (a redact rule fired). */
const masking: Guardrail = {
  reviewInput: (text) => ({
    kind: 'allow',
    text: text.replace('Krämer', '[NAME]'),
    rules: [{ id: 'person-name', clause: 'DV KI § 5', action: 'redact' }],
  }),
  reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
};
const plain: Guardrail = {
  reviewInput: (text) => ({ kind: 'allow', text, rules: [] }),
  reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
};

describe('hand-over after an unanswered question with personal data', () => {
  it('offers no hand-over, says where case data belongs and marks the turn so that escalation refuses', async () => {
    const conversations = new InMemoryConversationStore();
    const result = await chat(masking, conversations).handleTurn({
      channel: 'web',
      userId: 'u1',
      text: 'Wie hoch ist die Erstattung von Herrn Krämer?',
    });
    expect(result.outcome).toBe('no_answer');
    expect(result.answer).toContain('personenbezogene Daten');
    expect(result.answer).not.toMatch(/weitergeben\?|Digitallotse fragen/);
    expect(result.actions.map((action) => action.type)).not.toContain('escalate');
    const payload = conversations.messages.filter((message) => message.role === 'bot').at(-1)?.payload ?? '';
    expect(JSON.parse(payload)).toMatchObject({ handover: false });
  });

  it('keeps the offer for an unanswered question without personal data', async () => {
    const result = await chat(plain, new InMemoryConversationStore()).handleTurn({
      channel: 'web',
      userId: 'u1',
      text: 'Wie hoch ist die Erstattung?',
    });
    expect(result.answer).toMatch(/weitergeben\?/);
    expect(result.actions.map((action) => action.type)).toContain('escalate');
  });
});
