import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../../bot/ports/knowledge.ts';
import { ingestFolder, type IngestSink } from '../../../knowledge/ingest/ingest-folder.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/documents');

class MemorySink implements IngestSink {
  readonly documents = new Map<string, IngestedDocument>();
  knownChecksums(): Map<string, string> {
    return new Map([...this.documents].map(([id, document]) => [id, document.meta.checksum]));
  }
  async put(document: IngestedDocument): Promise<void> {
    this.documents.set(document.meta.id, document);
  }
  async remove(id: string): Promise<void> {
    this.documents.delete(id);
  }
}

describe('ingestFolder', () => {
  it('ingests every readable format and reports each unusable file by name with a reason', async () => {
    const sink = new MemorySink();
    const summary = await ingestFolder({ folder: fixtures, sink });
    expect([...sink.documents.keys()].sort()).toEqual([
      'dienstanweisung-fuehrerschein.docx',
      'dienstanweisung-fuehrerschein.pdf',
      'faq-mit-frontmatter.md',
      'intranet-seite.html',
      'katalog.csv',
      'katalog.json',
      'protokoll.txt',
    ]);
    const reasons = Object.fromEntries(summary.skipped.map((skip) => [skip.file, skip.reason]));
    expect(reasons['broken.pdf']).toMatch(/unreadable PDF/);
    expect(reasons['truncated.docx']).toMatch(/unreadable Word document/);
    expect(reasons['muell.txt']).toMatch(/binary/);
    expect(reasons['keine-schulungen.csv']).toMatch(/not a training catalogue/);
    expect(reasons['kaputt.txt']).toMatch(/invalid sidecar/);
    expect(reasons['falscher-typ.md']).toMatch(/metadata type/);
    expect(reasons['dienstanweisung-fuehrerschein.fodt']).toMatch(/unsupported/);
    expect(summary).toMatchObject({ added: 7, updated: 0, removed: 0, files: 14 });
  });

  it('reads metadata from sidecars and front-matter and infers the rest', async () => {
    const sink = new MemorySink();
    await ingestFolder({ folder: fixtures, sink });
    expect(sink.documents.get('protokoll.txt')?.meta).toMatchObject({
      title: 'Protokoll der Amtsleitungsrunde',
      stand: '2026-05-04',
      validTo: '2027-05-04',
    });
    expect(sink.documents.get('faq-mit-frontmatter.md')?.meta).toMatchObject({
      type: 'faq',
      tenant: 'Kreis Musterland',
      owner: 'Haupt- und Personalamt',
    });
    expect(sink.documents.get('dienstanweisung-fuehrerschein.pdf')?.meta).toMatchObject({ type: 'dienstanweisung', stand: '2025-03-01' });
    expect(sink.documents.get('intranet-seite.html')?.meta.title).toBe('Zulassungsstelle');
  });

  it('skips unchanged files, re-ingests changed ones and removes deleted ones', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lotse-ingest-'));
    cpSync(join(fixtures, 'faq-mit-frontmatter.md'), join(folder, 'faq.md'));
    cpSync(join(fixtures, 'protokoll.txt'), join(folder, 'protokoll.txt'));
    const sink = new MemorySink();
    expect(await ingestFolder({ folder, sink })).toMatchObject({ added: 2 });
    expect(await ingestFolder({ folder, sink })).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    writeFileSync(join(folder, 'protokoll.txt'), 'Protokoll\n\nGeändert.\n');
    rmSync(join(folder, 'faq.md'));
    expect(await ingestFolder({ folder, sink })).toMatchObject({ updated: 1, removed: 1 });
    expect(await ingestFolder({ folder, sink, refresh: true })).toMatchObject({ updated: 1, unchanged: 0 });
    rmSync(folder, { recursive: true, force: true });
  });
});
