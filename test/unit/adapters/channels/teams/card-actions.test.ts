import { describe, expect, it } from 'vitest';
import { parseCardAction } from '../../../../../bot/adapters/channels/teams/card-actions.ts';

describe('parseCardAction', () => {
  it('reads Action.Execute data with merged inputs', () => {
    const value = {
      action: {
        type: 'Action.Execute',
        verb: 'ticket',
        data: { lotse: 'ticket', op: 'answer', ticketId: 't-1', version: '3', answerText: 'Antwort' },
      },
    };
    expect(parseCardAction(value, true)).toEqual({ lotse: 'ticket', op: 'answer', ticketId: 't-1', version: 3, answerText: 'Antwort' });
  });

  it('reads Action.Submit values', () => {
    expect(parseCardAction({ lotse: 'feedback', messageId: 'm-1', rating: 'down', reason: 'veraltet' }, false)).toEqual({
      lotse: 'feedback',
      messageId: 'm-1',
      rating: 'down',
      reason: 'veraltet',
    });
  });

  it('rejects unknown actions, wrong types and foreign payloads', () => {
    expect(parseCardAction({ action: { data: { lotse: 'ticket', op: 'delete', ticketId: 't', version: 1 } } }, true)).toBeUndefined();
    expect(parseCardAction({ action: { data: { lotse: 'ticket', op: 'claim', ticketId: 't', version: 0 } } }, true)).toBeUndefined();
    expect(parseCardAction({ lotse: 'feedback', messageId: 'm', rating: 'up' }, true)).toBeUndefined();
    expect(parseCardAction('text', false)).toBeUndefined();
  });
});
