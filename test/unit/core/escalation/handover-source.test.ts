import { describe, expect, it } from 'vitest';
import { findHandoverSource } from '../../../../bot/core/escalation/handover-source.ts';
import { escalationReferrals } from '../../../../bot/core/escalation/referrals.ts';
import { applyTicketAction } from '../../../../bot/core/escalation/ticket-transitions.ts';
import { lotseLabel } from '../../../../bot/core/escalation/lotse-label.ts';
import type { Ticket } from '../../../../bot/ports/tickets.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';

function conversation(): InMemoryConversationStore {
  const store = new InMemoryConversationStore();
  const add = (id: string, role: 'user' | 'bot', text: string, payload?: object): void =>
    void store.messages.push({
      id,
      conversationId: 'c1',
      role,
      text,
      createdAt: id,
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
  add('u1', 'user', 'Wie bestelle ich Toner?');
  add('b1', 'bot', 'Dazu finde ich nichts.', { handover: true, tried: [{ document: 'a.md', title: 'A', section: '' }] });
  add('u2', 'user', 'Welche Pflichtschulungen gibt es?');
  add('b2', 'bot', 'KI-Grundlagen …', { handover: true });
  add('u3', 'user', 'Danke!');
  add('b3', 'bot', 'Gern geschehen!', {});
  return store;
}

describe('findHandoverSource (issue #19, item 1)', () => {
  it('takes the question of the answer with the given message id and the conversation up to it', async () => {
    const source = await findHandoverSource(conversation(), 'c1', 'b1');
    expect(source?.question).toBe('Wie bestelle ich Toner?');
    expect(source?.answer?.id).toBe('b1');
    expect(source?.history.map((message) => message.id)).toEqual(['u1', 'b1']);
  });

  it('finds nothing for a user message, an unknown id or another conversation’s message', async () => {
    expect(await findHandoverSource(conversation(), 'c1', 'u2')).toBeUndefined();
    expect(await findHandoverSource(conversation(), 'c1', 'b9')).toBeUndefined();
    expect(await findHandoverSource(conversation(), 'c2', 'b1')).toBeUndefined();
  });

  it('without an id takes the latest answered question and skips replies to small talk', async () => {
    expect((await findHandoverSource(conversation(), 'c1'))?.question).toBe('Welche Pflichtschulungen gibt es?');
  });
});

describe('referrals of the escalation policy (issue #19, item 7)', () => {
  const policy = {
    ...samplePolicy,
    topics: [
      ...samplePolicy.topics,
      { id: 'personal', route: 'refer' as const, ownOnly: true, match: ['urlaub'], reply: 'Sachgebiet Personal' },
    ],
    refusalReferrals: { 'person-decision': 'Zuständig: Personal' },
  };
  const referrals = escalationReferrals(policy);

  it('refers own personnel matters only when the question is about the asker', () => {
    expect(referrals.forQuestion('Wie viele Urlaubstage habe ich?')).toEqual({
      topic: 'personal',
      reply: 'Sachgebiet Personal',
      ownMatter: true,
    });
    expect(referrals.forQuestion('Wann verfällt mein Resturlaub?')?.topic).toBe('personal');
    expect(referrals.forQuestion('Wie viele Urlaubstage haben Beschäftigte?')).toBeUndefined();
  });

  it('names the office after a refusal by a listed rule', () => {
    expect(referrals.forRefusal(['pii-name', 'person-decision'])).toBe('Zuständig: Personal');
    expect(referrals.forRefusal(['prompt-injection'])).toBeUndefined();
  });
});

describe('returned tickets and Lotse labels (issue #19, items 5 and 6)', () => {
  it('keeps the trimmed reason of a return on the ticket', () => {
    const answered = { id: 't1', number: 1, state: 'answered', askerId: 'asker', version: 3 } as unknown as Ticket;
    const result = applyTicketAction(
      answered,
      { type: 'return', by: 'asker', note: '  Die Gemeinde verweist an den Kreis. ' },
      '2026-12-01T10:00:00Z',
    );
    expect(result).toMatchObject({
      kind: 'ok',
      ticket: { state: 'returned', returned: { at: '2026-12-01T10:00:00Z', note: 'Die Gemeinde verweist an den Kreis.' } },
    });
  });

  it('names a Lotse in their own form, only by name without one, by id when unknown', () => {
    const people: Record<string, object> = { a: { name: 'Aylin Demir', lotseTitle: 'Digitallotsin' }, b: { name: 'Ben Beispiel' } };
    const directory = { person: (id: string) => people[id] as never };
    expect(lotseLabel(directory, 'a')).toBe('Aylin Demir (Digitallotsin)');
    expect(lotseLabel(directory, 'b')).toBe('Ben Beispiel');
    expect(lotseLabel(directory, 'x')).toBe('x');
  });
});
