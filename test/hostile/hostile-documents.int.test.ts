/**
 * Issue #11: hostile documents in the knowledge folder (broken, encrypted, zip-bomb, truncated, binary,
 * invalid UTF-8). Each is skipped with a reason or indexed harmlessly; the
 * ingest finishes and lotse keeps answering from the good document.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { createZip } from '../../manifest/zip.ts';
import { repoRoot } from '../support/real-app.ts';

const fixtures = join(repoRoot, 'test/fixtures/documents');

function encryptedPdf(): string {
  return [
    '%PDF-1.7',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    '3 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) >> endobj',
    'trailer << /Root 1 0 R /Encrypt 3 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>',
    '%%EOF',
  ].join('\n');
}

describe('hostile documents', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lotse-hostile-docs-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-hostile-data-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('skips every hostile file with a reason and still answers from the good one', async () => {
    writeFileSync(
      join(folder, 'gut.md'),
      '---\ntitle: Dienstanweisung Parken\nstand: 2026-10-01\n---\n# Parken\n\nBeschäftigte parken kostenlos in der Tiefgarage am Kreishaus.\n',
    );
    copyFileSync(join(fixtures, 'broken.pdf'), join(folder, 'kaputt.pdf'));
    copyFileSync(join(fixtures, 'truncated.docx'), join(folder, 'abgeschnitten.docx'));
    writeFileSync(join(folder, 'verschluesselt.pdf'), encryptedPdf());
    writeFileSync(join(folder, 'bombe.docx'), createZip([{ name: 'word/document.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) }]));
    writeFileSync(join(folder, 'binaer.txt'), Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256)));
    writeFileSync(join(folder, 'ungueltig.md'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0x0a, 0xff, 0xfe]));
    writeFileSync(join(folder, 'leer.pdf'), '');
    const cases = ['kaputt.pdf', 'abgeschnitten.docx', 'verschluesselt.pdf', 'bombe.docx', 'binaer.txt', 'leer.pdf'];
    const lotse = await createLotse(loadConfig({}, { dataDir }, repoRoot), silentLogger);
    try {
      const started = performance.now();
      const summary = await ingestKnowledge(lotse.knowledge, { folder, dataDir });
      const seconds = (performance.now() - started) / 1000;
      const skipped = new Map(summary.skipped.map((entry) => [entry.file, entry.reason]));
      console.log(
        `hostile documents: ${cases.length} cases, ${cases.filter((name) => skipped.has(name)).length} skipped with a reason, ingest ${seconds.toFixed(1)} s\n${[...skipped].map(([file, reason]) => `  ${file}: ${reason}`).join('\n')}`,
      );
      for (const name of cases) expect(skipped.get(name), name).toBeTruthy();
      expect(skipped.get('bombe.docx')).toMatch(/zip bomb/);
      // Invalid UTF-8 is read as Windows-1252 (legacy exports), never with replacement characters.
      expect(summary.added).toBe(2);
      expect(
        lotse.knowledge.store
          .chunksOf('ungueltig.md')
          .map((chunk) => chunk.text)
          .join(''),
      ).not.toContain('\uFFFD');
      const answer = await lotse.chat.handleTurn({ channel: 'cli', userId: 'tester', text: 'Wo parken Beschäftigte?' });
      expect(answer.outcome).toBe('answered');
      expect(answer.citations[0]?.document).toBe('gut.md');
    } finally {
      await lotse.close();
    }
  }, 120_000);
});
