import { describe, expect, it } from 'vitest';
import { applyTicketAction, maxAnswerLength } from '../../../../bot/core/escalation/ticket-transitions.ts';
import { openTicket } from '../../../fakes/sample-tickets.ts';

const at = '2026-11-23T09:00:00.000Z';

describe('applyTicketAction', () => {
  it('lets a candidate claim and answer, recording actor and transition', () => {
    const claimed = applyTicketAction(openTicket(), { type: 'claim', by: 'p-aylin' }, at);
    expect(claimed).toMatchObject({
      kind: 'ok',
      ticket: { state: 'claimed', assignee: 'p-aylin', version: 2 },
      event: { from: 'open', to: 'claimed', actor: 'p-aylin' },
    });
    if (claimed.kind !== 'ok') throw new Error('expected ok');
    const answered = applyTicketAction(claimed.ticket, { type: 'answer', by: 'p-aylin', text: ' Über das Serviceportal. ' }, at);
    expect(answered).toMatchObject({
      kind: 'ok',
      ticket: { state: 'answered', answer: { text: 'Über das Serviceportal.', by: 'p-aylin' } },
    });
  });

  it('refuses foreign Lotsen, claims of claimed tickets and answers to closed tickets', () => {
    expect(applyTicketAction(openTicket(), { type: 'claim', by: 'p-tobias' }, at)).toEqual({ kind: 'refused', reason: 'not_permitted' });
    expect(applyTicketAction(openTicket({ state: 'claimed', assignee: 'p-aylin' }), { type: 'claim', by: 'p-aylin' }, at)).toEqual({
      kind: 'refused',
      reason: 'wrong_state',
    });
    expect(applyTicketAction(openTicket({ state: 'closed' }), { type: 'answer', by: 'p-aylin', text: 'x' }, at)).toEqual({
      kind: 'refused',
      reason: 'wrong_state',
    });
  });

  it('refuses empty and oversized answers', () => {
    expect(applyTicketAction(openTicket(), { type: 'answer', by: 'p-aylin', text: '   ' }, at)).toEqual({
      kind: 'refused',
      reason: 'empty_answer',
    });
    expect(applyTicketAction(openTicket(), { type: 'answer', by: 'p-aylin', text: 'x'.repeat(maxAnswerLength + 1) }, at)).toEqual({
      kind: 'refused',
      reason: 'answer_too_long',
    });
  });

  it('lets only the asker return or close an answered ticket', () => {
    const answered = openTicket({ state: 'answered', assignee: 'p-aylin' });
    expect(applyTicketAction(answered, { type: 'return', by: 'p-aylin' }, at)).toEqual({ kind: 'refused', reason: 'not_permitted' });
    expect(applyTicketAction(answered, { type: 'return', by: 'asker', note: 'unklar' }, at)).toMatchObject({
      kind: 'ok',
      ticket: { state: 'returned' },
      event: { note: 'unklar' },
    });
    expect(applyTicketAction(answered, { type: 'close', by: 'asker' }, at)).toMatchObject({ kind: 'ok', ticket: { state: 'closed' } });
  });

  it('reroutes to a new pool and drops the assignee', () => {
    const result = applyTicketAction(
      openTicket({ state: 'claimed', assignee: 'p-aylin' }),
      { type: 'reroute', by: 'p-aylin', pool: { kind: 'central' }, candidates: ['p-erika'] },
      at,
    );
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.ticket).toMatchObject({ state: 'rerouted', pool: { kind: 'central' }, candidates: ['p-erika'] });
      expect(result.ticket.assignee).toBeUndefined();
    }
  });
});
