/**
 * `lotse restore`: puts a backup (a folder written by the daily job, or a single `.db` file from `lotse backup`)
 * into a data dir. Refuses a data dir that a running lotse has open, and a non-empty one without `force`; checks
 * the copy first (integrity, audit chain with the key, the manifest's head) so a damaged backup never replaces data.
 */
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkSqliteBackup } from '../adapters/storage/sqlite-backup-check.ts';
import { auditChainKey } from './audit-trail.ts';
import { backupManifestSchema, type BackupManifest } from './data-backup.ts';

/** Outcome of a restore; `refused` changes nothing. */
export type RestoreOutcome =
  | {
      readonly kind: 'restored';
      readonly audit?: { readonly records: number; readonly head: string };
      readonly index: 'restored' | 'rebuilt-on-start';
      readonly keyCopied: boolean;
    }
  | {
      readonly kind: 'refused';
      readonly reason: 'not-a-backup' | 'running' | 'not-empty' | 'damaged' | 'chain-broken';
      readonly detail: string;
    };

/** What to restore where. */
export interface RestoreOptions {
  readonly source: string;
  readonly dataDir: string;
  readonly force: boolean;
  /** An `audit.key` file to install beside the database. */
  readonly keyFile?: string;
  /** `AUDIT_HMAC_KEY` when configured. */
  readonly configuredKey?: string;
}

/** True when a process has `<dataDir>/lotse.db` open (a WAL connection holds a shared lock; an exclusive one is refused). */
export function databaseInUse(dataDir: string): boolean {
  const file = join(dataDir, 'lotse.db');
  if (!existsSync(file) || statSync(file).size === 0) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT;');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code?.startsWith('SQLITE_LOCKED'))
      return true;
    throw error;
  } finally {
    probe.close();
  }
}

function readManifest(dir: string): BackupManifest | undefined {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  const parsed = backupManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** The key that will open the restored chain: `--key`, `AUDIT_HMAC_KEY`, or the data dir's own `audit.key`. */
function keyFor(options: RestoreOptions): string | undefined {
  if (options.keyFile) return readFileSync(options.keyFile, 'utf8').trim();
  if (options.configuredKey) return options.configuredKey;
  const own = join(options.dataDir, 'audit.key');
  return existsSync(own) ? readFileSync(own, 'utf8').trim() : undefined;
}

/** Checks the backup and, when it is sound and the target allows it, copies it into the data dir. */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreOutcome> {
  if (!existsSync(options.source)) return { kind: 'refused', reason: 'not-a-backup', detail: options.source };
  const isFolder = statSync(options.source).isDirectory();
  const database = isFolder ? join(options.source, 'lotse.db') : options.source;
  if (!existsSync(database)) return { kind: 'refused', reason: 'not-a-backup', detail: `${options.source} holds no lotse.db` };
  const manifest = isFolder ? readManifest(options.source) : undefined;
  if (databaseInUse(options.dataDir)) return { kind: 'refused', reason: 'running', detail: options.dataDir };
  const present = existsSync(options.dataDir) ? readdirSync(options.dataDir).filter((entry) => entry !== 'audit.key') : [];
  if (present.length > 0 && !options.force) return { kind: 'refused', reason: 'not-empty', detail: present.slice(0, 5).join(', ') };
  const key = keyFor(options);
  let check;
  try {
    check = await checkSqliteBackup(database, key ? auditChainKey(key) : undefined);
  } catch (error) {
    return { kind: 'refused', reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  if (check.integrity !== 'ok') return { kind: 'refused', reason: 'damaged', detail: check.integrity };
  const verification = check.audit?.verification;
  if (verification?.kind === 'broken')
    return { kind: 'refused', reason: 'chain-broken', detail: `record ${verification.atSequence} (${verification.reason})` };
  const head = check.audit ? `${check.audit.head.seq}:${check.audit.head.hash}` : undefined;
  if (manifest?.audit && head && manifest.audit.head !== head)
    return { kind: 'refused', reason: 'chain-broken', detail: `head ${head} differs from the manifest's ${manifest.audit.head}` };
  install(options, database, {
    index: isFolder && manifest?.index ? join(options.source, 'index') : undefined,
    source: isFolder ? join(options.source, 'source.json') : undefined,
  });
  return {
    kind: 'restored',
    ...(verification?.kind === 'intact' && head ? { audit: { records: verification.records, head } } : {}),
    index: isFolder && manifest?.index ? 'restored' : 'rebuilt-on-start',
    keyCopied: options.keyFile !== undefined,
  };
}

function install(options: RestoreOptions, database: string, copied: { index: string | undefined; source: string | undefined }): void {
  const { dataDir } = options;
  // A data dir created here gets exactly 0700, as openSqliteDatabase gives a new one (issue #18, item 14).
  if (mkdirSync(dataDir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dataDir, 0o700);
  for (const stale of ['lotse.db', 'lotse.db-wal', 'lotse.db-shm', 'index', 'reindex-work', 'last-ingest.json'])
    rmSync(join(dataDir, stale), { recursive: true, force: true });
  copyFileSync(database, join(dataDir, 'lotse.db'));
  chmodSync(join(dataDir, 'lotse.db'), 0o600);
  if (copied.index) cpSync(copied.index, join(dataDir, 'index'), { recursive: true });
  if (copied.source && existsSync(copied.source)) copyFileSync(copied.source, join(dataDir, 'source.json'));
  if (options.keyFile) writeFileSync(join(dataDir, 'audit.key'), readFileSync(options.keyFile), { mode: 0o600 });
}
