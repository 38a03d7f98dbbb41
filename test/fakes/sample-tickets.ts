import type { Ticket } from '../../bot/ports/tickets.ts';
import type { EscalationPolicy } from '../../bot/core/escalation/escalation-policy.ts';

/** An open ticket for tests. */
export function openTicket(partial: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-1',
    number: 1,
    state: 'open',
    question: 'Wie beantrage ich einen zweiten Bildschirm?',
    excerpt: [],
    tried: [],
    reason: 'no_answer',
    askerId: 'asker',
    askerUnit: 'A50',
    replyTo: { channel: 'web', conversationId: 'c-1' },
    pool: { kind: 'unit', unit: 'A50' },
    candidates: ['p-aylin'],
    createdAt: '2026-11-23T08:00:00.000Z',
    updatedAt: '2026-11-23T08:00:00.000Z',
    version: 1,
    ...partial,
  };
}

/** A policy like the sample `policies/escalation.yaml`. */
export const samplePolicy: EscalationPolicy = {
  version: 'test',
  topics: [
    { id: 'it-stoerung', match: ['drucker', 'störung', 'fehlermeldung'], route: 'it-servicedesk', reply: '' },
    { id: 'datenschutz', match: ['datenschutz', 'dsgvo'], route: 'dsb', reply: '' },
    {
      id: 'personal',
      match: ['krank', 'vorgesetzt', 'mobbing'],
      route: 'refer',
      reply: 'Bitte wenden Sie sich an die Personalabteilung oder den Personalrat.',
    },
  ],
  centralPool: ['p-erika', 'p-jonas'],
  queues: { 'it-servicedesk': ['p-frank'], dsb: ['p-dana'] },
  maxOpenPerLotse: 2,
  officeHours: { days: [1, 2, 3, 4, 5], from: '07:30', to: '16:00' },
  reminders: { assignee: 240, deputies: 480, central: 960 },
  expireAfterDays: 14,
};
