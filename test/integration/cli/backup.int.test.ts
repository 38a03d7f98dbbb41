/**
 * `lotse backup`: an online copy of the SQLite database that opens and verifies; existing targets and a
 * missing database are refused with a clear message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';

describe('lotse backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the database while it is in use and refuses to overwrite', async () => {
    const dataDir = join(dir, 'data');
    const asked = await runCli(['ask', '--data', dataDir, 'Wie viele Tage darf ich mobil arbeiten?']);
    expect(asked.code).toBe(0);
    const target = join(dir, 'kopie.db');
    const backup = await runCli(['backup', target, '--data', dataDir]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Backup written');
    expect(backup.stdout).toMatch(/verified: integrity ok, audit chain intact \(\d+ record/);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect((copy.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n).toBeGreaterThan(0);
    copy.close();
    expect((await runCli(['backup', target, '--data', dataDir])).code).toBe(1);
    expect((await runCli(['backup', join(dir, 'x.db'), '--data', join(dir, 'leer')])).stderr).toContain('no database');
  }, 120_000);
});
