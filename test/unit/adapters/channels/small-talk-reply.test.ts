import { describe, expect, it } from 'vitest';
import { renderAnswerCard } from '../../../../bot/adapters/channels/teams/answer-card.ts';
import { renderTurn } from '../../../../bot/adapters/channels/xmpp/render-turn.ts';
import { formatAnswerForPeople } from '../../../../bot/cli/format-answer.ts';
import type { TurnResult } from '../../../../bot/ports/turn.ts';
import { loadXmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { loadSmallTalkMessages } from '../../../../prompts/load-messages.ts';
import { loadTeamsTexts } from '../../../../prompts/load-teams-texts.ts';

// The core answers a bare "Hallo" with outcome `answered`, no citations and only the usage-rules link (issue 16).
const reply: TurnResult = {
  conversationId: 'c1',
  messageId: 'm1',
  question: 'Hallo',
  outcome: 'answered',
  answer: loadSmallTalkMessages().greeting,
  citations: [],
  retrieved: [],
  confidence: 1,
  rules: [],
  actions: [{ type: 'link', label: 'Nutzungshinweise', url: '/nutzungshinweise' }],
  provenance: { mode: 'none', indexVersion: 'v1' },
  latencyMs: 1,
};

describe('channels render the reply to a bare greeting without feedback or hand-over', () => {
  it('Jabber: the reply and the usage rules, no feedback footer, no "lotse" hint', () => {
    const texts = loadXmppTexts();
    const [text] = renderTurn(reply, { texts, maxChars: 2000 });
    expect(text).toContain(reply.answer);
    expect(text).not.toContain(texts.answerFooter);
    expect(text).not.toContain(texts.escalateHint);
  });

  it('Teams: a card with the reply and no feedback or escalation buttons', () => {
    const card = JSON.stringify(renderAnswerCard(reply, loadTeamsTexts()));
    expect(card).toContain(reply.answer.slice(0, 20));
    expect(card).not.toMatch(/"lotse":"(feedback|escalate)"/);
  });

  it('CLI: the reply alone, without the AI label and a certainty', () => {
    expect(formatAnswerForPeople(reply, 'KI-Hinweis')).toBe(`${reply.answer}\n\n`);
    const citation = { document: 'faq.md', title: 'FAQ', section: '', stand: '2026-09-01', quote: 'So.', score: 1 };
    expect(
      formatAnswerForPeople({ ...reply, citations: [citation], provenance: { mode: 'extractive', indexVersion: 'v1' } }, 'KI-Hinweis'),
    ).toContain('KI-Hinweis Treffsicherheit: 100 %');
    expect(
      formatAnswerForPeople({ ...reply, outcome: 'refused', provenance: { mode: 'none', indexVersion: 'v1' } }, 'KI-Hinweis'),
    ).not.toContain('sicherheit');
  });
});
