/**
 * Issue #22: the training-gate note names the soonest KI-Grundlagen date from today on, or says that the
 * catalogue has none.
 */
import { describe, expect, it } from 'vitest';
import { nextMandatoryCourse, trainingGateNote } from '../../../../bot/core/conversation/training-gate-note.ts';
import type { Chunk, Course } from '../../../../bot/ports/knowledge.ts';
import { loadTransparencyTexts } from '../../../../prompts/load-transparency-texts.ts';

const course = (title: string, dates: string[], registrationUrl?: string): Chunk => {
  const value: Course = {
    title,
    description: '',
    dates,
    place: 'online',
    online: true,
    mandatory: true,
    ...(registrationUrl ? { registrationUrl } : {}),
  };
  return { id: `k#${title}`, documentId: 'k', ordinal: 0, section: '', text: title, start: 0, end: 1, kind: 'course', course: value };
};

describe('trainingGateNote', () => {
  const texts = loadTransparencyTexts().trainingGate;

  it('names the soonest date from today on across catalogue rows', () => {
    const chunks = [
      course('KI-Grundlagen (Pflicht)', ['2026-11-10T09:00', '2027-01-19T09:00'], 'https://k/a'),
      course('KI-Grundlagen kompakt', ['2026-12-08T09:00'], 'https://k/b'),
      course('Prompting', ['2026-11-30T09:00']),
    ];
    expect(nextMandatoryCourse(chunks, 'KI-Grundlagen', '2026-11-22')).toMatchObject({
      course: { title: 'KI-Grundlagen kompakt' },
      date: '2026-12-08T09:00',
    });
    expect(trainingGateNote(texts, chunks, '2026-11-22')).toContain(
      'KI-Grundlagen kompakt am 08.12.2026, 09:00 Uhr (Anmeldung: https://k/b)',
    );
  });

  it('says so when no date is left in the catalogue', () => {
    expect(trainingGateNote(texts, [course('KI-Grundlagen', ['2026-01-10T09:00'])], '2026-11-22')).toContain(
      'derzeit kein weiterer Termin',
    );
    expect(trainingGateNote(texts, [], '2026-11-22')).toContain('„KI-Grundlagen“ steht im Schulungskatalog derzeit kein weiterer Termin');
  });
});
