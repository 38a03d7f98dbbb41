import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../knowledge/ingest/chunker.ts';
import { inferStand, inferTenant } from '../../../knowledge/ingest/infer-metadata.ts';
import { dehyphenate, normalizeText } from '../../../knowledge/ingest/normalize.ts';

const seeds = join(import.meta.dirname, '../../../../shared/seeds');

describe('normalizeText', () => {
  it('joins end-of-line hyphenation with -, U+2011 and soft hyphens, but keeps "Kfz-Zulassung"', () => {
    expect(dehyphenate('Führerschein-\nstelle und Ver\u2011\nwaltung und Digi\u00AD\ntal')).toBe(
      'Führerscheinstelle und Verwaltung und Digital',
    );
    expect(dehyphenate('Kfz-\nZulassung')).toBe('Kfz-\nZulassung');
    expect(normalizeText('Personal- und\nOrganisationsamt')).toBe('Personal- und Organisationsamt');
  });

  it('joins wrapped lines into paragraphs and drops page numbers and separator boxes', () => {
    const text = 'Einleitung\n\nDie Verwaltung wird\ndigital und\n\nbürgernah.\n\n12\n\n────────\n\nNeuer Absatz.';
    expect(normalizeText(text)).toBe('Einleitung\n\nDie Verwaltung wird digital und bürgernah.\n\nNeuer Absatz.');
  });

  it('turns tab tables into rows', () => {
    expect(normalizeText('Leistung\tGebühr\nAbmeldung\t5,70 Euro')).toContain('Leistung | Gebühr');
  });

  it.skipIf(!existsSync(seeds))('cleans the real seed documents (U+2011 hyphens) and infers their county', () => {
    const text = readFileSync(join(seeds, '000_8e9082655a54c4ad.txt'), 'utf8');
    const normalized = normalizeText(text);
    expect(normalized).toContain('Wir gestalten Dienstleistungen');
    expect(normalized).not.toMatch(/\u2011\n/);
    expect(inferTenant(text)).toBe('Kreis Viersen');
    expect(inferTenant(readFileSync(join(seeds, '003_fb3307e877972e45.txt'), 'utf8'))).toBe('Kreis Recklinghausen');
    expect(inferStand(readFileSync(join(seeds, '003_fb3307e877972e45.txt'), 'utf8'))).toBe('2025-02-10');
  });
});

describe('chunkText', () => {
  const words = (count: number, word = 'Wort'): string => Array.from({ length: count }, () => word).join(' ') + '.';

  it('carries the heading path and exact offsets', () => {
    const text = `# Titel\n\n## § 4 Grundsätze\n\n(1) ${words(30)}\n\n### Absatz 2\n\n${words(20, 'Satz')}`;
    const chunks = chunkText('doc.md', text);
    expect(chunks.map((chunk) => chunk.section)).toEqual(['§ 4 Grundsätze', '§ 4 Grundsätze > Absatz 2']);
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunks[0]?.id).toBe('doc.md#0');
  });

  it('splits long paragraphs at sentence boundaries into chunks of at most 220 words', () => {
    const text = Array.from({ length: 40 }, (_, index) => `Satz Nummer ${index} hat genau acht Wörter hier drin.`).join(' ');
    const chunks = chunkText('long.txt', text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.text.split(/\s+/).length).toBeLessThanOrEqual(220);
      expect(chunk.text).toMatch(/\.$/);
      expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });

  it('detects numbered headings in plain text', () => {
    const chunks = chunkText('plain.txt', `4.3.4.3 Telefonanlage\n\n${words(40)}`);
    expect(chunks[0]?.section).toBe('4.3.4.3 Telefonanlage');
  });

  it('makes one chunk per FAQ entry', () => {
    const chunks = chunkText('faq.md', '# FAQ\n\n## Passwort vergessen?\n\nRufen Sie 4444 an.\n\n## VPN?\n\nStarten Sie das VPN.', {
      faq: true,
    });
    expect(chunks.map((chunk) => chunk.faq)).toEqual([
      { question: 'Passwort vergessen?', answer: 'Rufen Sie 4444 an.' },
      { question: 'VPN?', answer: 'Starten Sie das VPN.' },
    ]);
    expect(chunks.every((chunk) => chunk.kind === 'faq')).toBe(true);
  });
});
