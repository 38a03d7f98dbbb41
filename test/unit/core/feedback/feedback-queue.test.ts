import { describe, expect, it } from 'vitest';
import { allowedNextStates, feedbackQueue } from '../../../../bot/core/feedback/feedback-queue.ts';
import type { NegativeFeedback } from '../../../../bot/ports/conversation-store.ts';

const entry = (document: string, at: string, reason?: string): NegativeFeedback => ({
  messageId: `${document}-${at}`,
  at,
  documents: [document],
  ...(reason ? { reason } : {}),
});
const options = { k: 5, noSource: '(ohne Quelle)', visible: () => true };

describe('feedbackQueue', () => {
  it('withholds count and reasons below k and shows them from k on', () => {
    const feedback = [
      ...[1, 2, 3, 4, 5].map((day) => entry('a.md', `2026-12-0${day}T10:00:00Z`, `Grund ${day}`)),
      entry('b.md', '2026-12-01T10:00:00Z', 'einzeln'),
    ];
    const rows = feedbackQueue(feedback, [], options);
    expect(rows[0]).toMatchObject({ document: 'a.md', state: 'new', count: 5 });
    expect(rows[0]!.reasons).toHaveLength(5);
    expect(rows[1]).toEqual({ document: 'b.md', state: 'new', reasons: [] });
  });

  it('keeps a stored state, and reopens a closed one when feedback came after it', () => {
    const feedback = [entry('a.md', '2026-12-01T10:00:00Z'), entry('b.md', '2026-12-03T10:00:00Z')];
    const states = [
      { document: 'a.md', state: 'source_changed' as const, updatedAt: '2026-12-02T00:00:00Z' },
      { document: 'b.md', state: 'discarded' as const, updatedAt: '2026-12-02T00:00:00Z' },
    ];
    const rows = feedbackQueue(feedback, states, options);
    expect(rows.find((row) => row.document === 'a.md')?.state).toBe('source_changed');
    expect(rows.find((row) => row.document === 'b.md')?.state).toBe('new');
  });

  it('lists only visible documents and files answers without sources under noSource', () => {
    const rows = feedbackQueue([entry('a.md', '2026-12-01T10:00:00Z'), { messageId: 'x', at: '2026-12-01T10:00:00Z', documents: [] }], [], {
      ...options,
      visible: (document) => document !== 'a.md',
    });
    expect(rows.map((row) => row.document)).toEqual(['(ohne Quelle)']);
  });

  it('allows only forward steps, and reopening a closed document', () => {
    expect(allowedNextStates('new')).toEqual(['in_progress', 'discarded']);
    expect(allowedNextStates('source_changed')).toEqual(['in_progress']);
  });
});
