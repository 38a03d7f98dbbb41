import { describe, expect, it } from 'vitest';
import { renderAnswerCard } from '../../../../../bot/adapters/channels/teams/answer-card.ts';
import { renderLotseAnswerCard, renderTicketCard } from '../../../../../bot/adapters/channels/teams/ticket-cards.ts';
import type { Ticket } from '../../../../../bot/ports/tickets.ts';
import type { TurnResult } from '../../../../../bot/ports/turn.ts';
import { loadTeamsTexts } from '../../../../../prompts/load-teams-texts.ts';

const texts = loadTeamsTexts();
const result: TurnResult = {
  conversationId: 'conv-1',
  messageId: 'msg-1',
  question: 'Frage?',
  outcome: 'answered',
  answer: 'Die Antwort.',
  citations: [{ document: 'a.md', title: 'DA Telearbeit', section: '§ 3', stand: '2025-03-01', quote: 'Zitat', score: 1 }],
  retrieved: [],
  confidence: 0.8,
  rules: [],
  actions: [
    { type: 'escalate', label: 'x' },
    { type: 'feedback', label: 'y' },
  ],
  provenance: { mode: 'extractive', indexVersion: 'v1' },
  latencyMs: 1,
};
const ticket: Ticket = {
  id: 't-1',
  number: 7,
  state: 'open',
  question: 'Wie geht das?',
  excerpt: [],
  tried: [{ document: 'a.md', title: 'DA Telearbeit', section: '§ 3' }],
  reason: 'no_answer',
  askerId: 'p-sabine',
  replyTo: { channel: 'teams', conversationId: 'c' },
  pool: { kind: 'unit', unit: 'A36' },
  candidates: ['p-tobias'],
  createdAt: '',
  updatedAt: '',
  version: 4,
};

const actionData = (card: Record<string, unknown>): string[] => JSON.stringify(card).match(/"data":\{[^}]*\}/g) ?? [];

describe('Teams cards', () => {
  it('renders the answer with numbered citations, the AI label and the actions', () => {
    const card = renderAnswerCard(result, texts);
    const json = JSON.stringify(card);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(json).toContain('[1] **DA Telearbeit** · Abschnitt: § 3 · Stand: 01.03.2025');
    expect(json).toContain('„Zitat“');
    expect(json).toContain(texts.aiLabel);
    expect(actionData(card)).toEqual([
      '"data":{"lotse":"feedback","messageId":"msg-1","rating":"up"}',
      '"data":{"lotse":"feedback","messageId":"msg-1","rating":"down"}',
      '"data":{"lotse":"escalate","conversationId":"conv-1","messageId":"msg-1","reason":"user_request"}',
    ]);
  });

  it('offers no feedback for a refusal and a prominent Digitallotse after no answer', () => {
    const card = JSON.stringify(
      renderAnswerCard({ ...result, outcome: 'no_answer', citations: [], provenance: { mode: 'none', indexVersion: 'v1' } }, texts),
    );
    expect(card).not.toContain('"rating"');
    expect(card).not.toContain(texts.aiLabel);
    expect(card).toContain('"reason":"no_answer"},"style":"positive"');
  });

  it('renders the ticket card with the version in every action and no actions once answered', () => {
    const open = JSON.stringify(renderTicketCard(ticket, texts, (id) => id));
    expect(open).toContain('Anfrage Nr. 7');
    expect(open).toContain('- DA Telearbeit – § 3');
    expect(open.match(/"version":4/g)).toHaveLength(3);
    expect(open).toContain('"id":"answerText"');
    const answered = renderTicketCard(
      { ...ticket, state: 'answered', assignee: 'p-tobias', answer: { text: 'So.', by: 'p-tobias', at: '' } },
      texts,
      () => 'Tobias Lange',
    );
    expect(JSON.stringify(answered)).toContain('Tobias Lange');
    expect(answered).not.toHaveProperty('actions');
  });

  it('names the Lotse on the asker card and offers close and return while answered', () => {
    const card = JSON.stringify(
      renderLotseAnswerCard(
        { ...ticket, state: 'answered', answer: { text: 'So geht es.', by: 'p-tobias', at: '' } },
        'Tobias Lange (Digitallotse)',
        texts,
      ),
    );
    expect(card).toContain('Antwort von Tobias Lange (Digitallotse)');
    expect(card).toContain('"op":"close"');
    expect(card).toContain('"op":"return"');
  });
});
