/**
 * The audit trail on SQLite: every record stores the sha256 of (previous hash + canonical JSON of its
 * entry), so an edited, removed or reordered record breaks the chain at that sequence number. Purging
 * expired records removes a prefix and keeps its last hash as the anchor the chain continues from.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditEntry, AuditHead, AuditLog, AuditRecordType, AuditVerification } from '../../ports/audit-log.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';
import { retryOnUniqueViolation } from './sql-database.ts';

const migrations = [
  `CREATE TABLE audit_records (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE audit_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL, purged_at TEXT NOT NULL);`,
];
const genesis = '0'.repeat(64);

/** JSON with sorted keys, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const plainHash = (previous: string, body: string): string => createHash('sha256').update(previous).update(body).digest('hex');

interface Row {
  seq: number;
  at: string;
  type: string;
  body: string;
  prev_hash: string;
  hash: string;
}

/** SQLite implementation of the audit log. */
export class SqliteAuditLog implements AuditLog {
  private readonly chainHash: (previous: string, body: string) => string;

  /**
   * `key` (the audit HMAC key, kept outside the database) turns the chain into an HMAC chain: whoever can write
   * the database but lacks the key cannot recompute it after an edit (issue #18, item 12).
   */
  constructor(private readonly database: SqliteDatabase, options: { key?: string } = {}) {
    migrate(database, 'audit', migrations);
    const key = options.key;
    this.chainHash = key ? (previous, body) => createHmac('sha256', key).update(previous).update(body).digest('hex') : plainHash;
  }

  private anchor(): { seq: number; hash: string } {
    return this.database.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_anchor WHERE id = 1').get() ?? { seq: 0, hash: genesis };
  }

  append(entry: AuditEntry): void {
    // Replicas on PostgreSQL may race for the next sequence number: the loser re-reads and chains after the winner.
    retryOnUniqueViolation(() => this.database.transaction(() => {
      const last = this.database.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').get() ?? this.anchor();
      const body = canonicalJson(entry);
      this.database
        .prepare('INSERT INTO audit_records (seq, at, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
        .run(last.seq + 1, entry.at, entry.type, body, last.hash, this.chainHash(last.hash, body));
    })());
  }

  /** Checks the chain; with `head` (an exported head) also that no record up to it was removed from the end. */
  verify(head?: AuditHead): AuditVerification {
    let { seq: expected, hash: previous } = this.anchor();
    const purgedUpTo = expected;
    let count = 0;
    let headSeen = head === undefined || head.seq <= purgedUpTo;
    for (const row of this.database.prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq').iterate()) {
      expected += 1;
      if (row.seq !== expected || row.prev_hash !== previous) return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
      if (this.chainHash(row.prev_hash, row.body) !== row.hash) {
        // A plain sha256 link in a keyed log: written before the key was introduced (run `lotse audit rekey`) or forged.
        const reason = this.chainHash !== plainHash && plainHash(row.prev_hash, row.body) === row.hash ? 'unkeyed' : 'edited';
        return { kind: 'broken', atSequence: row.seq, reason };
      }
      if (head && row.seq === head.seq) {
        if (row.hash !== head.hash) return { kind: 'broken', atSequence: row.seq, reason: 'edited' };
        headSeen = true;
      }
      previous = row.hash;
      count += 1;
    }
    if (!headSeen && head) return { kind: 'broken', atSequence: head.seq, reason: 'truncated' };
    return { kind: 'intact', records: count };
  }

  /** The newest record (or the purge anchor): what operators export to detect truncation. */
  head(): AuditHead {
    return this.database.prepare<[], AuditHead>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').get() ?? this.anchor();
  }

  /**
   * One-time upgrade of a chain written without key: checks it as a plain chain and, when intact, recomputes
   * every link with the key. Refuses (returns the plain verification) when the plain chain is broken.
   */
  rekey(): AuditVerification {
    if (this.chainHash === plainHash) throw new Error('rekey needs the audit key');
    return this.database.transaction((): AuditVerification => {
      let { seq: expected, hash: previous } = this.anchor();
      const rows = this.database.prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq').all();
      for (const row of rows) {
        expected += 1;
        if (row.seq !== expected || row.prev_hash !== previous) return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
        const keyed = this.chainHash(row.prev_hash, row.body) === row.hash;
        if (!keyed && plainHash(row.prev_hash, row.body) !== row.hash) return { kind: 'broken', atSequence: row.seq, reason: 'edited' };
        previous = row.hash;
      }
      let link = this.anchor().hash;
      for (const row of rows) {
        const hash = this.chainHash(link, row.body);
        this.database.prepare('UPDATE audit_records SET prev_hash = ?, hash = ? WHERE seq = ?').run(link, hash, row.seq);
        link = hash;
      }
      return { kind: 'intact', records: rows.length };
    })();
  }


  /** Removes the longest prefix of expired records (retention in days per type); the chain stays verifiable. */
  purge(now: Date, retentionDays: Readonly<Record<AuditRecordType, number>>): { removed: number } {
    const expired = (row: Row): boolean => {
      const days = retentionDays[row.type as AuditRecordType] ?? Number.POSITIVE_INFINITY;
      return new Date(row.at).getTime() + days * 86_400_000 < now.getTime();
    };
    return this.database.transaction(() => {
      let last: Row | undefined;
      for (const row of this.database.prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq').all()) {
        if (!expired(row)) break;
        last = row;
      }
      if (!last) return { removed: 0 };
      const removed = this.database.prepare('DELETE FROM audit_records WHERE seq <= ?').run(last.seq).changes;
      this.database
        .prepare('INSERT INTO audit_anchor (id, seq, hash, purged_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, purged_at = excluded.purged_at')
        .run(last.seq, last.hash, now.toISOString());
      return { removed };
    })();
  }

  /** All entries with their sequence numbers (for aggregated reports). */
  entries(): { seq: number; entry: AuditEntry }[] {
    return this.database
      .prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq')
      .all()
      .map((row) => ({ seq: row.seq, entry: JSON.parse(row.body) as AuditEntry }));
  }
}
