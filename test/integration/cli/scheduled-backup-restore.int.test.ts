/**
 * Issue #22, backups: `lotse serve` (one process, faked intervals) writes its daily backup into `BACKUP_DIR`,
 * verified and pruned to `BACKUP_KEEP`; `lotse restore` refuses the running and a non-empty data dir and a damaged
 * backup, and restores into a new dir on which `lotse ask` answers from the backed-up documents and
 * `lotse audit verify` finds the chain intact up to the head recorded in the backup.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';
import { HttpSession } from '../../support/http-session.ts';
import { startInProcessServe, type InProcessServe } from '../../support/in-process-serve.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const canteen =
  '---\ntitle: Kantine\ntype: faq\nstand: 2026-11-01\n---\n\n# Kantine\n\n## Wann hat die Kantine geöffnet?\n\nDie Kantine im Kreishaus hat montags bis freitags von 11:30 bis 14:00 Uhr geöffnet.\n';

describe('the daily backup of lotse serve and lotse restore', () => {
  const root = mkdtempSync(join(tmpdir(), 'lotse-backup-job-'));
  const folder = join(root, 'quellen');
  const dataDir = join(root, 'data');
  const backupDir = join(root, 'backups');
  const restored = join(root, 'restored');
  let serve: InProcessServe | undefined;
  afterAll(async () => {
    if (serve) await serve.stop();
    vi.useRealTimers();
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up, verifies and prunes on schedule; the restored copy answers and its audit chain verifies', async () => {
    mkdirSync(join(folder, 'faq'), { recursive: true });
    writeFileSync(join(folder, 'faq', 'kantine.md'), canteen);
    for (const old of ['lotse-20200101T010000Z', 'lotse-20200102T010000Z']) {
      mkdirSync(join(backupDir, old), { recursive: true });
      writeFileSync(join(backupDir, old, 'manifest.json'), '{}');
    }
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // BACKUP_HOUR=0: due at any time of day, so the first check (after 5 minutes of fake time) backs up.
    const env = {
      KNOWLEDGE_DIR: folder,
      BACKUP_DIR: backupDir,
      BACKUP_KEEP: '2',
      BACKUP_HOUR: '0',
      REINDEX_INTERVAL_S: '3600',
      LOTSE_TODAY: '2026-11-23',
    };
    serve = await startInProcessServe(['--data', dataDir], env, repoRoot);
    expect(serve.count('backup-scheduled')).toBe(1);
    const session = new HttpSession(serve.url);
    await session.devLogin({ person: 'p-marek' });
    const chat = await session.request('POST', '/api/chat', {
      body: JSON.stringify({ text: 'Wann hat die Kantine geöffnet?' }),
      type: 'application/json',
      csrf: true,
    });
    expect(((await chat.json()) as { answer: string }).answer).toContain('11:30');

    vi.advanceTimersByTime(300_000);
    await serve.waitForEvent('backup-written', 1);
    const backups = readdirSync(backupDir).sort();
    expect(backups).toHaveLength(2);
    expect(backups[0]).toBe('lotse-20200102T010000Z');
    const latest = join(backupDir, backups[1]!);
    const manifest = JSON.parse(readFileSync(join(latest, 'manifest.json'), 'utf8')) as {
      audit: { records: number; head: string } | null;
      index: { version: string } | null;
    };
    expect(manifest.audit?.records).toBeGreaterThan(0);
    expect(manifest.index).not.toBeNull();

    const whileRunning = await runCli(['restore', latest, '--data', dataDir, '--force'], { env });
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.stderr).toContain('lotse is running');
    expect(whileRunning.stderr).toContain('lotse läuft');
    expect(await serve.stop()).toBe(0);
    serve = undefined;

    const notEmpty = await runCli(['restore', latest, '--data', dataDir], { env });
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain('--force');
    writeFileSync(join(root, 'kaputt.db'), 'kein SQLite');
    expect((await runCli(['restore', join(root, 'kaputt.db'), '--data', join(root, 'leer')], { env })).stderr).toContain('beschädigt');
    expect(existsSync(join(root, 'leer', 'lotse.db'))).toBe(false);

    rmSync(folder, { recursive: true, force: true }); // answers must come from the restored data, not from the folder
    const restore = await runCli(['restore', latest, '--data', restored, '--key', join(dataDir, 'audit.key')], { env });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Audit chain intact: ${manifest.audit!.records} record(s)`);
    expect(statSync(restored).mode & 0o777).toBe(0o700);
    expect(statSync(join(restored, 'lotse.db')).mode & 0o777).toBe(0o600);
    const asked = await runCli(['ask', '--data', restored, 'Wann hat die Kantine geöffnet?'], { env });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toContain('11:30');
    const verified = await runCli(['audit', 'verify', '--data', restored, '--head', manifest.audit!.head], { env });
    expect(verified.stdout).toContain('Audit chain intact');
    const database = new Database(join(restored, 'lotse.db'), { readonly: true });
    expect(database.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM messages WHERE text LIKE '%Kantine%'").get()!.n).toBeGreaterThan(
      0,
    );
    database.close();
  }, 180_000);
});
