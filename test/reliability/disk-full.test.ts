/**
 * Reliability: the data dir runs full (a 64 MB tmpfs filled up) while a large document is ingested. The
 * document is reported as skipped with SQLite's "database or disk is full", the previous index snapshot
 * stays current and loads in a fresh process, the database passes its integrity check, and after space
 * is freed the next ingest indexes the document. Needs root to mount tmpfs; skipped with a message otherwise.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const mount = mkdtempSync(join(tmpdir(), 'lotse-full-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount], { stdio: 'pipe' });
  mounted = true;
} catch {
  console.warn('disk-full test skipped: cannot mount a tmpfs here (needs root).');
}

const open = () => createLotse(loadConfig({ LOTSE_TODAY: '2026-11-23' }, { dataDir: mount }, repoRoot), silentLogger);

describe.skipIf(!mounted)('disk full on the data dir', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lotse-full-src-'));
  beforeAll(() => {
    cpSync(join(repoRoot, 'knowledge/sources'), folder, { recursive: true });
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('skips the document with a clear error, keeps the index intact, and recovers once space is free', async () => {
    const first = await open();
    await ingestKnowledge(first.knowledge, { folder, dataDir: mount });
    const version = first.knowledge.indexVersion();
    const chunks = first.knowledge.lexical.size;
    await first.close();

    const sections = Array.from(
      { length: 3000 },
      (_, index) => `## Abschnitt ${index}\n\nDie Aktenordnung regelt in Abschnitt ${index} die Aufbewahrung der Vorgänge Nummer ${index}.`,
    );
    writeFileSync(join(folder, 'aktenordnung.md'), `---\ntitle: Aktenordnung\n---\n# Aktenordnung\n\n${sections.join('\n\n')}\n`);
    const free = statfsSync(mount);
    writeFileSync(join(mount, 'filler'), Buffer.alloc(Number(free.bavail * free.bsize) - 200 * 1024));

    const full = await open();
    const summary = await ingestKnowledge(full.knowledge, { folder, dataDir: mount });
    expect(summary.skipped).toEqual([{ file: 'aktenordnung.md', reason: expect.stringMatching(/disk is full|ENOSPC|no space/i) }]);
    expect(full.knowledge.indexVersion()).toBe(version);
    expect(full.knowledge.lexical.size).toBe(chunks);
    await full.close();
    expect(readFileSync(join(mount, 'index/CURRENT'), 'utf8')).toContain('snapshot-');

    rmSync(join(mount, 'filler'));
    const integrity = new Database(join(mount, 'lotse.db'), { readonly: true });
    expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
    integrity.close();
    const recovered = await open();
    expect(recovered.knowledge.indexVersion()).toBe(version);
    expect(recovered.knowledge.lexical.size).toBe(chunks);
    const again = await ingestKnowledge(recovered.knowledge, { folder, dataDir: mount });
    expect(again.added).toBe(1);
    expect(recovered.knowledge.lexical.size).toBeGreaterThan(chunks);
    await recovered.close();
  }, 90_000);
});
