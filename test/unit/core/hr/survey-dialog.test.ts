import { describe, expect, it } from 'vitest';
import { advanceDialog, checkResponse, parseReply, startDialog } from '../../../../bot/core/hr/survey-dialog.ts';
import type { Survey } from '../../../../bot/ports/hr-types.ts';
import { loadHrMessages } from '../../../../prompts/load-hr-messages.ts';

const messages = loadHrMessages();
const scale = { id: 'q1', type: 'scale' as const, text: 'Wie zufrieden sind Sie?' };
const single = { id: 'q2', type: 'single' as const, text: 'Welcher Kanal?', options: ['Teams', 'Jabber', 'Web'] };
const multiple = { id: 'q3', type: 'multiple' as const, text: 'Welche Themen?', options: ['KI', 'Akten', 'Telefon'], optional: true };
const text = { id: 'q4', type: 'text' as const, text: 'Was noch?', optional: true };
const survey: Survey = {
  id: 'survey-1',
  version: 1,
  state: 'open',
  title: 'Puls',
  audience: { kind: 'all' },
  questions: [scale, single, multiple, text],
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-01T00:00:00.000Z',
  author: 'hr1',
  createdAt: '2026-10-01T00:00:00.000Z',
};

describe('parseReply', () => {
  it('reads a scale value 1–5 and refuses others', () => {
    expect(parseReply(scale, ' 4 ')).toEqual({ kind: 'answer', value: 4 });
    expect(parseReply(scale, '0')).toEqual({ kind: 'invalid' });
    expect(parseReply(scale, '6')).toEqual({ kind: 'invalid' });
    expect(parseReply(scale, 'gut')).toEqual({ kind: 'invalid' });
  });

  it('maps 1-based chat numbers to option indexes', () => {
    expect(parseReply(single, '2')).toEqual({ kind: 'answer', value: 1 });
    expect(parseReply(single, '4')).toEqual({ kind: 'invalid' });
    expect(parseReply(multiple, '3, 1 1')).toEqual({ kind: 'answer', value: [0, 2] });
    expect(parseReply(multiple, '1, x')).toEqual({ kind: 'invalid' });
  });

  it('lets optional questions be skipped and required ones not', () => {
    expect(parseReply(multiple, 'weiter')).toEqual({ kind: 'skip' });
    expect(parseReply(scale, 'weiter')).toEqual({ kind: 'invalid' });
    expect(parseReply(scale, 'Abbrechen')).toEqual({ kind: 'cancel' });
  });
});

describe('dialog', () => {
  it('asks one question at a time and completes with all answers', () => {
    const started = startDialog(survey, messages);
    expect(started.reply).toContain('Frage 1 von 4: Wie zufrieden sind Sie?');
    let state = started.state;
    const invalid = advanceDialog(survey, state, 'sehr', messages);
    expect(invalid.kind === 'next' && invalid.reply).toContain('nicht verstanden');
    for (const [reply, expected] of [
      ['5', 'Frage 2 von 4'],
      ['1', '1. Teams'],
      ['weiter', 'Frage 4 von 4'],
    ] as const) {
      const step = advanceDialog(survey, state, reply, messages);
      expect(step.kind).toBe('next');
      if (step.kind !== 'next') return;
      expect(step.reply).toContain(expected === '1. Teams' ? 'Frage 3 von 4' : expected);
      state = step.state;
    }
    expect(advanceDialog(survey, state, 'Mehr Schulungen', messages)).toEqual({
      kind: 'complete',
      answers: { q1: 5, q2: 0, q4: 'Mehr Schulungen' },
    });
  });
});

describe('checkResponse', () => {
  it('accepts a complete form and rejects missing, out-of-range or unknown answers', () => {
    expect(checkResponse(survey, { q1: 3, q2: 2 })).toEqual({ ok: true, answers: { q1: 3, q2: 2 } });
    expect(checkResponse(survey, { q2: 2 })).toEqual({ ok: false, questionId: 'q1' });
    expect(checkResponse(survey, { q1: 3, q2: 3 })).toEqual({ ok: false, questionId: 'q2' });
    expect(checkResponse(survey, { q1: 3, q2: 1, q9: 1 })).toEqual({ ok: false, questionId: 'q9' });
  });
});
