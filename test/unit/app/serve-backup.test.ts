/**
 * One run of the daily backup (issue #22): on SQLite a verified folder with manifest, the oldest pruned to
 * `BACKUP_KEEP`; with `DATABASE_URL` the database is skipped with the pg_dump reason and nothing is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../bot/adapters/storage/sqlite-database.ts';
import { runMigrations } from '../../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../../bot/adapters/sql/sqlite-store-database.ts';
import { SqlAuditLog } from '../../../bot/adapters/storage/sql-audit-log.ts';
import { auditChainKey } from '../../../bot/app/audit-trail.ts';
import { backupRunOf, postgresBackupReason } from '../../../bot/app/serve-backup.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';

describe('backupRunOf', () => {
  const root = mkdtempSync(join(tmpdir(), 'lotse-serve-backup-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes a verified backup and keeps the newest BACKUP_KEEP', async () => {
    const dataDir = join(root, 'data');
    const database = openSqliteDatabase(dataDir);
    const store = sqliteStoreDatabase(database);
    await runMigrations(store);
    await new SqlAuditLog(store, { key: auditChainKey('k'.repeat(32)) }).append({
      type: 'answer',
      at: '2026-12-06T01:00:00.000Z',
      pseudonym: 'p',
      channel: 'web',
      outcome: 'answered',
      rules: [],
      policyVersion: '1',
      indexVersion: 'v',
      documents: [],
    });
    database.close();
    const backupDir = join(root, 'backups');
    mkdirSync(join(backupDir, 'lotse-20200101T010000Z'), { recursive: true });
    writeFileSync(join(backupDir, 'lotse-20200101T010000Z', 'manifest.json'), '{}');
    const run = backupRunOf(
      { dataDir, backup: { dir: backupDir, keep: 1, hour: 2 }, auditKey: 'k'.repeat(32) },
      new FixedClock(new Date('2026-12-06T01:00:00Z')),
    );
    expect(await run()).toMatchObject({ kind: 'written', details: { auditRecords: 1, pruned: 1, index: 'rebuilt-on-restore' } });
    expect(readdirSync(backupDir)).toEqual(['lotse-20261206T010000Z']);
    expect(existsSync(join(backupDir, 'lotse-20261206T010000Z', 'lotse.db'))).toBe(true);
  });

  it('fails (and keeps nothing half-written) when the audit chain of the copy does not verify with the key', async () => {
    const run = backupRunOf(
      { dataDir: join(root, 'data'), backup: { dir: join(root, 'other'), keep: 1, hour: 2 }, auditKey: 'x'.repeat(32) },
      new FixedClock(new Date('2026-12-07T01:00:00Z')),
    );
    expect(await run()).toMatchObject({ kind: 'failed', reason: expect.stringContaining('audit chain') });
    expect(readdirSync(join(root, 'other'))).toEqual([]);
  });

  it('skips the database with DATABASE_URL and says to use pg_dump', async () => {
    const run = backupRunOf(
      { dataDir: join(root, 'pg'), backup: { dir: join(root, 'pg-backups'), keep: 7, hour: 2 }, databaseUrl: 'postgres://lotse@db/lotse' },
      new FixedClock(),
    );
    expect(await run()).toEqual({ kind: 'skipped', reason: postgresBackupReason });
    expect(postgresBackupReason).toContain('pg_dump');
    expect(existsSync(join(root, 'pg-backups'))).toBe(false);
  });
});
