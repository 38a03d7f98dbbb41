/**
 * Issue #18, item 11: the zip bomb guard trusted the sizes an archive declares. A DOCX that claims 1 KB per
 * part but inflates to 60 MB passed, and mammoth unpacked it. Now every entry is inflated under a capped
 * budget, and entry count, ratio, nesting, overlapping entries and traversal paths are refused; an upload
 * is answered with a German reason (422) before it is stored. Archives are built here (`manifest/zip.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectZip, zipLimits } from '../../../knowledge/ingest/parsers/zip-limits.ts';
import { createZip, type ZipEntry } from '../../../manifest/zip.ts';
import { HttpSession } from '../../support/http-session.ts';
import { repoRoot, startRealAppOnCopy, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Zip bombs and archive limits (issue #18, item 11)');

/** Rewrites every declared uncompressed size (local header and central directory) to `declared`. */
function lyingZip(entries: readonly ZipEntry[], declared: number): Buffer {
  const zip = createZip(entries);
  for (let offset = 0; offset + 4 <= zip.length; offset += 1) {
    const signature = zip.readUInt32LE(offset);
    if (signature === 0x04034b50) zip.writeUInt32LE(declared, offset + 22);
    if (signature === 0x02014b50) zip.writeUInt32LE(declared, offset + 24);
  }
  return zip;
}

/** Text that compresses like prose (about 3:1), so the ratio check alone does not catch it. */
function prose(bytes: number, seed = 1): Buffer {
  const words = ['Antrag', 'Dienstreise', 'Kreishaus', 'Erstattung', 'Frist', 'Formular', 'Beschäftigte', 'Urlaub', 'Amt', 'Bescheid'];
  const parts: string[] = [];
  let state = seed;
  let length = 0;
  while (length < bytes) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const word = `${words[state % words.length]}${state % 997} `;
    parts.push(word);
    length += word.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

const kind = (bytes: Uint8Array, limits = zipLimits): string => inspectZip(bytes, limits)?.kind ?? 'accepted';
const docxPart = (data: Buffer): ZipEntry => ({ name: 'word/document.xml', data });

describe('archive inspection', () => {
  it('refuses archives whose declared sizes lie, by the bytes actually inflated', () => {
    table.record(
      'DOCX declares 1 KB, part inflates to 60 MB of spaces',
      'ratio',
      kind(lyingZip([docxPart(Buffer.alloc(60 * 1024 * 1024, 0x20))], 1024)),
    );
    const small = { ...zipLimits, maxUncompressedBytes: 4 * 1024 * 1024 };
    table.record(
      'part declares 1 KB, inflates to 6 MB of prose (budget 4 MB)',
      'too-large',
      kind(lyingZip([docxPart(prose(6 * 1024 * 1024))], 1024), small),
    );
    table.record('part declares 10 bytes, inflates to 200 KB', 'size-mismatch', kind(lyingZip([docxPart(prose(200 * 1024))], 10)));
  });

  it('refuses too many entries, nesting, overlaps and traversal names', () => {
    const many = createZip(
      Array.from({ length: zipLimits.maxEntries + 1 }, (_, index) => ({ name: `word/media/bild${index}.txt`, data: Buffer.from('x') })),
    );
    table.record(`${zipLimits.maxEntries + 1} entries`, 'too-many-entries', kind(many));
    const inner = createZip([{ name: 'innen.xml', data: Buffer.from('<a/>') }]);
    const middle = createZip([{ name: 'word/embeddings/tabelle.xlsx', data: inner }]);
    table.record(
      'embedded office document (one level, control)',
      'accepted',
      kind(createZip([docxPart(Buffer.from('<w/>')), { name: 'word/embeddings/objekt.docx', data: inner }])),
    );
    table.record(
      'archive in an archive in the DOCX',
      'nested',
      kind(createZip([docxPart(Buffer.from('<w/>')), { name: 'word/embeddings/objekt.docx', data: middle }])),
    );
    for (const name of ['../../etc/cron.d/lotse', '/etc/passwd', 'C:\\Windows\\win.ini', 'word\\..\\..\\boot.ini']) {
      table.record(`entry name ${name}`, 'unsafe-path', kind(createZip([docxPart(Buffer.from('<w/>')), { name, data: Buffer.from('x') }])));
    }
    const single = createZip([docxPart(prose(4096))]);
    table.record('two central entries pointing at one compressed block', 'overlap', kind(overlapping(single)));
  });

  it('accepts a real Word document (control)', () => {
    table.record(
      'dienstanweisung-fuehrerschein.docx',
      'accepted',
      kind(readFileSync(join(repoRoot, 'test/fixtures/documents/dienstanweisung-fuehrerschein.docx'))),
    );
  });
});

/** Duplicates the only central directory record, so two entries share one local entry (Fifield's overlap). */
function overlapping(zip: Buffer): Buffer {
  const end = zip.length - 22;
  const start = zip.readUInt32LE(end + 16);
  const record = zip.subarray(start, end);
  const result = Buffer.concat([zip.subarray(0, start), record, Buffer.from(record), zip.subarray(end)]);
  const newEnd = result.length - 22;
  result.writeUInt16LE(2, newEnd + 8);
  result.writeUInt16LE(2, newEnd + 10);
  result.writeUInt32LE(record.length * 2, newEnd + 12);
  return result;
}

describe('upload of a lying DOCX through the console API', () => {
  let app: RunningApp;
  let frank: HttpSession;
  beforeAll(async () => {
    app = await startRealAppOnCopy({ AUTH_MODE: 'dev' });
    frank = new HttpSession(app.url);
    await frank.devLogin({ person: 'p-frank' }); // admin: no ownership parse before storing
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is refused with a German reason before it is stored', async () => {
    const bomb = lyingZip([docxPart(Buffer.alloc(60 * 1024 * 1024, 0x20))], 1024);
    const response = await frank.request('POST', '/api/sources?name=bombe.docx', {
      body: new Uint8Array(bomb),
      type: 'application/octet-stream',
      csrf: true,
    });
    const body = (await response.json()) as { error?: { message?: string } };
    table.record('admin uploads bombe.docx (declares 1 KB, inflates to 60 MB)', 422, response.status);
    expect(body.error?.message).toMatch(/ungewöhnlich stark gepackt/);
    const listed = await frank.request('GET', '/konsole/quellen');
    table.record('bombe.docx listed among the sources afterwards', false, (await listed.text()).includes('bombe.docx'));
  });
});
