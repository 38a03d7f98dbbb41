import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../knowledge/ingest/parsers/parse-file.ts';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../../fixtures/documents', name));
const parsedText = async (name: string): Promise<string> => {
  const result = await parseFile(name, fixture(name));
  if (result.kind !== 'parsed') throw new Error(result.reason);
  return result.text;
};

describe('parsers', () => {
  it('extracts a hyphenated German PDF, joining split words but keeping real hyphens', async () => {
    const text = await parsedText('dienstanweisung-fuehrerschein.pdf');
    expect(text).toContain('ausschließlich');
    expect(text).toContain('Personalverwaltungssysteme');
    expect(text).toContain('Personal- und Organisationsfragen');
    expect(text).toContain('Kfz-Zulassung');
    expect(text).toMatch(/\n\n2 Gebühren\n\n/);
    expect(text).not.toMatch(/-\n/);
  });

  it('keeps the heading structure of Word documents', async () => {
    const text = await parsedText('dienstanweisung-fuehrerschein.docx');
    expect(text).toMatch(/^# Dienstanweisung Führerscheinstelle/);
    expect(text).toContain('## 2 Gebühren');
    expect(text).toContain('39,70 Euro');
  });

  it('isolates the article of an HTML page without scripts, navigation or footer', async () => {
    const text = await parsedText('intranet-seite.html');
    expect(text).toContain('## Wunschkennzeichen');
    expect(text).toContain('26,30 Euro');
    expect(text).not.toContain('alert');
    expect(text).not.toContain('Impressum');
  });

  it('reads Markdown front-matter and renders tables as field lines', async () => {
    const result = await parseFile('faq.md', fixture('faq-mit-frontmatter.md'));
    expect(result.kind).toBe('parsed');
    if (result.kind !== 'parsed') return;
    expect(result.rawMeta).toMatchObject({ type: 'faq', stand: '2026-01-10' });
    expect(result.text).toContain('Zeitraum: Monat; Höchstes Plus: 40 Stunden');
    expect(result.text).toContain('mit der Taste Dienstgang vor');
  });

  it('reads training catalogues from CSV (German columns) and JSON (English columns)', async () => {
    const csv = await parseFile('katalog.csv', fixture('katalog.csv'));
    const json = await parseFile('katalog.json', fixture('katalog.json'));
    if (csv.kind !== 'parsed' || json.kind !== 'parsed') throw new Error('catalogue not parsed');
    expect(csv.courses?.[0]).toMatchObject({
      title: 'E-Akte Grundlagen',
      seats: 6,
      online: false,
      dates: ['2026-12-02T09:00', '2027-01-13T09:00'],
    });
    expect(csv.courses?.[1]).toMatchObject({ mandatory: true, online: true });
    expect(json.courses?.[1]).toMatchObject({
      title: 'Datenschutz kompakt',
      seats: 0,
      online: false,
      mandatory: true,
      dates: ['2027-03-01', '2027-04-01'],
    });
  });

  it('reports unreadable input as a reason, never as an exception', async () => {
    expect(await parseFile('x.pdf', fixture('broken.pdf'))).toMatchObject({ kind: 'failed' });
    expect(await parseFile('x.docx', fixture('truncated.docx'))).toMatchObject({ kind: 'failed' });
    expect(await parseFile('x.txt', fixture('muell.txt'))).toMatchObject({ kind: 'failed', reason: expect.stringContaining('binary') });
    expect(await parseFile('x.json', Buffer.from('{"titel": '))).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('unreadable JSON'),
    });
    expect(await parseFile('x.txt', Buffer.from([0x48, 0xe4, 0x6c, 0x6c, 0x6f]))).toMatchObject({ kind: 'parsed', text: 'Hällo' });
  });
});
