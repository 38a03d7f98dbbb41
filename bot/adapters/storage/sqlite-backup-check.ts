/**
 * Verifies a copied SQLite database without changing it: opened read-only, `PRAGMA integrity_check`, the
 * audit chain checked with its key (when given), and the stored documents listed so that the caller can
 * compare them with a copied index snapshot.
 */
import Database from 'better-sqlite3';
import type { AuditHead, AuditVerification } from '../../ports/audit-log.ts';
import { sqliteStoreDatabase } from '../sql/sqlite-store-database.ts';
import { SqlAuditLog } from './sql-audit-log.ts';

/** What the check of one database copy found. */
export interface SqliteBackupCheck {
  /** `ok`, or the first problem `PRAGMA integrity_check` reported. */
  readonly integrity: string;
  /** The audit chain (undefined without the key: it cannot be checked). */
  readonly audit?: { readonly verification: AuditVerification; readonly head: AuditHead };
  /** Ids and checksums of the stored documents (the index must match them). */
  readonly documents: readonly { id: string; checksum: string }[];
}

const hasTable = (database: Database.Database, name: string): boolean =>
  database.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)!.n > 0;

/** Checks the database file `file` read-only; `chainKey` is the audit chain's HMAC key. */
export async function checkSqliteBackup(file: string, chainKey?: string): Promise<SqliteBackupCheck> {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(database.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') return { integrity, documents: [] };
    const documents = hasTable(database, 'documents')
      ? database.prepare<[], { id: string; checksum: string }>('SELECT id, checksum FROM documents').all()
      : [];
    if (!chainKey || !hasTable(database, 'audit_records')) return { integrity, documents };
    const log = new SqlAuditLog(sqliteStoreDatabase(database), { key: chainKey });
    return { integrity, documents, audit: { verification: await log.verify(), head: await log.head() } };
  } finally {
    database.close();
  }
}
