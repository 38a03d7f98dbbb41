import { describe, expect, it } from 'vitest';
import { renderTurn, splitMessage } from '../../../../../bot/adapters/channels/xmpp/render-turn.ts';
import type { TurnResult } from '../../../../../bot/ports/turn.ts';
import { loadXmppTexts } from '../../../../../prompts/channels/load-xmpp-texts.ts';

const texts = loadXmppTexts();

function turn(overrides: Partial<TurnResult> = {}): TurnResult {
  return {
    conversationId: 'c1',
    messageId: 'm1',
    question: 'Wie viele Tage?',
    outcome: 'answered',
    answer: 'Sie dürfen an bis zu drei Tagen pro Woche mobil arbeiten [1].',
    citations: [
      {
        document: 'da/mobil.md',
        title: 'DA Mobiles Arbeiten',
        section: '§ 3 Umfang',
        stand: '2025-03-01',
        quote: 'bis zu drei Tage',
        score: 0.9,
      },
      { document: 'faq.md', title: 'FAQ', section: '', stand: null, quote: 'drei Tage', score: 0.5 },
    ],
    retrieved: [],
    confidence: 0.8,
    rules: [],
    actions: [],
    provenance: { mode: 'extractive', indexVersion: 'v1' },
    latencyMs: 3,
    ...overrides,
  };
}

describe('renderTurn', () => {
  it('shows a page path as an absolute link under the public address, and leaves it out without one', () => {
    const actions: TurnResult['actions'] = [{ type: 'link', label: 'Nutzungshinweise', url: '/nutzungshinweise' }];
    const [withUrl] = renderTurn(turn({ actions }), { texts, maxChars: 2000, publicUrl: 'https://lotse.musterland.example/' });
    expect(withUrl).toContain('Nutzungshinweise: https://lotse.musterland.example/nutzungshinweise');
    const [without] = renderTurn(turn({ actions }), { texts, maxChars: 2000 });
    expect(without).not.toContain('/nutzungshinweise');
  });

  it('renders the answer, numbered sources with section, Stand and link, the AI label and the feedback hint', () => {
    const offered: TurnResult['actions'] = [{ type: 'escalate', label: 'Digitallotse fragen' }];
    const [text, ...rest] = renderTurn(turn({ actions: offered }), {
      texts,
      maxChars: 2000,
      linkOf: (document) => (document === 'da/mobil.md' ? 'https://intranet.example/da' : undefined),
    });
    expect(rest).toEqual([]);
    expect(text).toBe(
      [
        'Sie dürfen an bis zu drei Tagen pro Woche mobil arbeiten [1].',
        '',
        'Quellen:\n[1] DA Mobiles Arbeiten – § 3 Umfang – Stand 01.03.2025\n    https://intranet.example/da\n[2] FAQ',
        '',
        texts.aiLabel,
        '',
        texts.answerFooter,
      ].join('\n'),
    );
  });

  it("names „lotse“ under an answer only where the hand-over is offered (not for one's own personnel matters)", () => {
    const [text] = renderTurn(turn({ actions: [] }), { texts, maxChars: 2000 });
    expect(text?.endsWith(texts.answerFooterNoHandover)).toBe(true);
    expect(text).not.toContain('„lotse“');
  });

  it('offers the Digitallotse instead of the AI label when there is no answer', () => {
    const escalate = { type: 'escalate', label: 'Digitallotse fragen' } as const;
    const [text] = renderTurn(turn({ outcome: 'no_answer', answer: 'Dazu finde ich nichts.', citations: [], actions: [escalate] }), {
      texts,
      maxChars: 2000,
    });
    expect(text).toBe(`Dazu finde ich nichts.\n\n${texts.escalateHint}`);
    // Where the policy forbids a hand-over (masked personal data) the core sends no escalate action: no hint either.
    const [withheld] = renderTurn(turn({ outcome: 'no_answer', answer: 'Dazu finde ich nichts.', citations: [], actions: [] }), {
      texts,
      maxChars: 2000,
    });
    expect(withheld).toBe('Dazu finde ich nichts.');
  });
});

describe('splitMessage', () => {
  it('keeps short texts whole', () => {
    expect(splitMessage('  Kurz.  ', 100)).toEqual(['Kurz.']);
  });

  it('splits at paragraph ends first, then sentence ends, and never exceeds the limit', () => {
    const paragraph = 'Erster Satz hier. Zweiter Satz folgt. ';
    const text = `${paragraph.repeat(3).trim()}\n\n${paragraph.repeat(3).trim()}`;
    const pieces = splitMessage(text, 120);
    expect(pieces[0]).toBe(paragraph.repeat(3).trim());
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(120);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    const sentences = splitMessage('Eins zwei drei. Vier fünf sechs sieben acht neun zehn.', 40);
    expect(sentences).toEqual(['Eins zwei drei.', 'Vier fünf sechs sieben acht neun zehn.']);
  });

  it('cuts a text without any break hard at the limit', () => {
    expect(splitMessage('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
  });
});
