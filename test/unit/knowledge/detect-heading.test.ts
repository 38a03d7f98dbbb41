import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../knowledge/ingest/chunker.ts';
import { detectHeading } from '../../../knowledge/ingest/detect-heading.ts';

const paragraph = 'Auffällig ist die große Übereinstimmung in den Wünschen und Anforderungen der Beschäftigten. '.repeat(2);

describe('detectHeading', () => {
  it('keeps key figures and scored table rows as content (issue #16)', () => {
    for (const text of [
      'Zeitraum: Dezember 2024 Teilnehmende: 342 Beteiligung: rd. 25%',
      'Anzahl an Digitallotsinnen und –lotsen: 37',
      '44 Work Space Ausstattung hoch mittel hoch niedrig kurz 2,85',
      '32 DMS Tools/Hilfsmittel 2,40',
    ]) {
      expect(detectHeading({ text, start: 0 }, paragraph), text).toBeUndefined();
    }
  });

  it('still finds numbered, labelled and title-like headings', () => {
    expect(detectHeading({ text: '4.3.4.3 Telefonanlage', start: 0 }, paragraph)?.title).toBe('4.3.4.3 Telefonanlage');
    expect(detectHeading({ text: 'Leitsatz 2: Digitalität entwickeln', start: 0 }, paragraph)?.title).toBe(
      'Leitsatz 2: Digitalität entwickeln',
    );
    expect(detectHeading({ text: 'Perspektiven', start: 0 }, paragraph)?.title).toBe('Perspektiven');
  });

  it('leaves a key figure in the chunk text, where answers quote from', () => {
    const text = `Infos zur Umfrage\n\nZeitraum: Dezember 2024 Teilnehmende: 342 Beteiligung: rd. 25%\n\n${paragraph}`;
    expect(chunkText('umfrage.txt', text).some((chunk) => chunk.text.includes('Teilnehmende: 342'))).toBe(true);
  });
});
