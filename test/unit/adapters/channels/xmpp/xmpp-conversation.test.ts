import { describe, expect, it } from 'vitest';
import { InMemoryXmppStore } from '../../../../fakes/in-memory-xmpp-store.ts';
import { handleXmppMessage, type XmppConversationDeps } from '../../../../../bot/adapters/channels/xmpp/xmpp-conversation.ts';
import type { Person } from '../../../../../bot/ports/directory.ts';
import { loadXmppTexts } from '../../../../../prompts/channels/load-xmpp-texts.ts';
import { FakeChatService } from '../../../../fakes/fake-chat-service.ts';

const marek: Person = { id: 'p-marek', name: 'Marek Nowak', unit: 'A50', roles: ['staff'], jid: 'marek@x', kiTrained: false };
const aylin: Person = { id: 'p-aylin', name: 'Aylin Demir', unit: 'A50', roles: ['staff', 'lotse'], jid: 'aylin@x', kiTrained: true };

function setup(chat = new FakeChatService()) {
  const escalations: unknown[] = [];
  let now = Date.parse('2026-12-01T09:00:00Z');
  const deps: XmppConversationDeps = {
    chat,
    store: new InMemoryXmppStore(),
    texts: loadXmppTexts(),
    maxChars: 2000,
    now: () => new Date(now),
    escalation: {
      escalate: async (input) => {
        escalations.push(input);
        return { kind: 'no_question', message: 'weitergegeben' };
      },
      act: async () => ({ kind: 'refused', reason: 'not_found', message: 'Diese Anfrage gibt es nicht.' }),
      reroute: async () => ({ kind: 'refused', reason: 'not_permitted', message: 'nicht Ihnen' }),
      queueFor: async () => [],
    },
  };
  return {
    deps,
    chat,
    escalations,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('handleXmppMessage', () => {
  it('passes questions with the person id, the training gate and the running conversation to the core', async () => {
    const { deps, chat, advance } = setup();
    await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'Erste Frage?', deps);
    await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'und dann?', deps);
    expect(chat.turns[0]).toMatchObject({ channel: 'xmpp', userId: 'p-marek', generativeAllowed: false, text: 'Erste Frage?' });
    expect(chat.turns[0]?.conversationId).toBeUndefined();
    expect(chat.turns[1]?.conversationId).toBe('conversation-1');
    advance(9 * 60 * 60 * 1000);
    await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'Neue Frage am nächsten Tag?', deps);
    expect(chat.turns[2]?.conversationId).toBeUndefined();
  });

  it('does not suggest "lotse" after negative feedback on a refusal', async () => {
    const { deps } = setup(
      new FakeChatService({ outcome: 'refused', answer: 'Ihre Nachricht wird nicht an Digitallotsen weitergegeben.' }),
    );
    await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'Persönliches?', deps);
    expect(await handleXmppMessage({ person: marek, jid: 'marek@x' }, '- passt nicht', deps)).toEqual([deps.texts.feedbackThanks]);
  });

  it('records feedback on the last answer and escalates an unhelpful one with its reason and the JID', async () => {
    const { deps, chat, escalations } = setup();
    expect(await handleXmppMessage({ person: marek, jid: 'marek@x' }, '+', deps)).toEqual([deps.texts.feedbackNothing]);
    await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'Frage?', deps);
    expect(await handleXmppMessage({ person: marek, jid: 'marek@x' }, '- veraltet', deps)).toEqual([deps.texts.feedbackThanksDown]);
    expect(chat.feedback).toEqual([{ userId: 'p-marek', messageId: 'message-1', rating: 'down', reason: 'veraltet' }]);
    expect(await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'lotse', deps)).toEqual(['weitergegeben']);
    expect(escalations).toEqual([
      { userId: 'p-marek', conversationId: 'conversation-1', channel: 'xmpp', reason: 'unhelpful_answer', reference: 'marek@x' },
    ]);
  });

  it('shows the Lotse commands only to Lotsen and passes refusals of ticket actions through', async () => {
    const { deps } = setup();
    expect((await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'hilfe', deps))[0]).not.toContain('übernehmen');
    expect((await handleXmppMessage({ person: aylin, jid: 'aylin@x' }, 'hilfe', deps))[0]).toContain('übernehmen <Nr.>');
    expect(await handleXmppMessage({ person: aylin, jid: 'aylin@x' }, 'tickets', deps)).toEqual([deps.texts.ticketsNone]);
    expect(await handleXmppMessage({ person: aylin, jid: 'aylin@x' }, 'übernehmen 99', deps)).toEqual(['Diese Anfrage gibt es nicht.']);
    expect(await handleXmppMessage({ person: aylin, jid: 'aylin@x' }, 'antwort 5', deps)).toEqual([deps.texts.usageAnswer]);
  });

  it('answers an unreadable message with the validation text instead of asking the core', async () => {
    const { deps, chat } = setup();
    const [reply] = await handleXmppMessage({ person: marek, jid: 'marek@x' }, 'x'.repeat(2001), deps);
    expect(reply).toContain('zu lang');
    expect(chat.turns).toHaveLength(0);
  });
});
