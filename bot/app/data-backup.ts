/**
 * A verified backup of a one-process data dir (issue #22): the SQLite database (online, SQLite's backup API),
 * the current index snapshot and `source.json`, written into `<backupDir>/.lotse-<time>.partial/`, checked
 * (read-only `integrity_check`, audit chain, index matches the stored documents) and only then renamed to
 * `lotse-<time>/` with a `manifest.json`. Older backups are pruned to the retention count afterwards.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { backupSqlite } from '../adapters/storage/sqlite-backup.ts';
import { checkSqliteBackup } from '../adapters/storage/sqlite-backup-check.ts';
import { describeError } from '../shared/errors.ts';
import { knowledgeStateHash, readCurrentSnapshot } from './index-snapshot.ts';

/** Names of backup folders: `lotse-20261206T010000Z` (UTC), so that names sort by time. */
export const backupNamePattern = /^lotse-\d{8}T\d{6}Z$/;

/** What a backup folder's `manifest.json` records. */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  databasePages: z.number().int().nonnegative(),
  /** The audit chain at backup time; null when no key was available to check it. */
  audit: z.object({ records: z.number().int().nonnegative(), head: z.string() }).nullable(),
  /** The copied index snapshot; null when it did not match the database (it is rebuilt on first start). */
  index: z.object({ version: z.string() }).nullable(),
});

/** A parsed backup manifest. */
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Outcome of one backup. */
export type DataBackupResult =
  | { readonly kind: 'written'; readonly dir: string; readonly manifest: BackupManifest }
  | { readonly kind: 'failed'; readonly reason: string };

/** The folder name of a backup taken at `at`. */
export function backupName(at: Date): string {
  return `lotse-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')}`;
}

/** Copies the current index snapshot into `<target>/index/`; its version, or undefined when there is none or it changed meanwhile. */
function copyIndex(dataDir: string, target: string): { version: string; stateHash: string } | undefined {
  const snapshot = readCurrentSnapshot(join(dataDir, 'index'));
  if (!snapshot) return undefined;
  try {
    const indexTarget = join(target, 'index');
    cpSync(snapshot.dir, join(indexTarget, basename(snapshot.dir)), { recursive: true });
    writeFileSync(join(indexTarget, 'CURRENT'), basename(snapshot.dir));
    return { version: snapshot.manifest.version, stateHash: snapshot.manifest.stateHash };
  } catch {
    rmSync(join(target, 'index'), { recursive: true, force: true }); // replaced by a re-index while copying: rebuilt on restore
    return undefined;
  }
}

/** Writes and verifies one backup of `dataDir` into `backupDir`; `chainKey` checks the audit chain of the copy. */
export async function writeDataBackup(options: {
  dataDir: string;
  backupDir: string;
  now: Date;
  chainKey?: string;
}): Promise<DataBackupResult> {
  const name = backupName(options.now);
  const partial = join(options.backupDir, `.${name}.partial`);
  const final = join(options.backupDir, name);
  try {
    if (existsSync(final)) return { kind: 'failed', reason: `${final} exists already` };
    mkdirSync(partial, { recursive: true, mode: 0o700 });
    const index = copyIndex(options.dataDir, partial);
    const databasePages = await backupSqlite(options.dataDir, join(partial, 'lotse.db'));
    if (existsSync(join(options.dataDir, 'source.json'))) copyFileSync(join(options.dataDir, 'source.json'), join(partial, 'source.json'));
    const check = await checkSqliteBackup(join(partial, 'lotse.db'), options.chainKey);
    if (check.integrity !== 'ok') throw new Error(`integrity_check of the copy: ${check.integrity}`);
    if (check.audit?.verification.kind === 'broken')
      throw new Error(
        `audit chain of the copy broken at record ${check.audit.verification.atSequence} (${check.audit.verification.reason})`,
      );
    const indexMatches = index !== undefined && index.stateHash === knowledgeStateHash(check.documents);
    if (!indexMatches) rmSync(join(partial, 'index'), { recursive: true, force: true });
    const manifest: BackupManifest = {
      format: 1,
      createdAt: options.now.toISOString(),
      databasePages,
      audit:
        check.audit?.verification.kind === 'intact'
          ? { records: check.audit.verification.records, head: `${check.audit.head.seq}:${check.audit.head.hash}` }
          : null,
      index: indexMatches ? { version: index.version } : null,
    };
    writeFileSync(join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2));
    renameSync(partial, final);
    return { kind: 'written', dir: final, manifest };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    return { kind: 'failed', reason: describeError(error) };
  }
}

/** Deletes the oldest backup folders (by name) beyond `keep`, and partial leftovers of crashed runs; returns the deleted names. */
export function pruneBackups(backupDir: string, keep: number): string[] {
  if (!existsSync(backupDir)) return [];
  const entries = readdirSync(backupDir);
  const backups = entries.filter((entry) => backupNamePattern.test(entry) && existsSync(join(backupDir, entry, 'manifest.json'))).sort();
  const leftovers = entries.filter((entry) => /^\.lotse-.*\.partial$/.test(entry));
  const doomed = [...backups.slice(0, Math.max(0, backups.length - keep)), ...leftovers];
  for (const entry of doomed) rmSync(join(backupDir, entry), { recursive: true, force: true });
  return doomed;
}
