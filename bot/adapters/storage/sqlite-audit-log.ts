/**
 * The audit trail on SQLite: every record stores the sha256 of (previous hash + canonical JSON of its
 * entry), so an edited, removed or reordered record breaks the chain at that sequence number. Purging
 * removes expired records per type: a removed prefix is folded into `audit_anchor`, a removed run in the
 * middle is declared by an anchor record appended to the chain (`audit-anchors.ts`), so it stays verifiable.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditEntry, AuditHead, AuditLog, AuditRecordType, AuditVerification } from '../../ports/audit-log.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';
import { retryOnUniqueViolation } from './sql-database.ts';
import { anchorType, canonicalJson, declaredGaps, expiredRuns, foldPrefix, stepOverGaps, type AnchorBody, type AuditGap, type ChainPoint, type ChainRow } from './audit-anchors.ts';

const migrations = [
  `CREATE TABLE audit_records (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE audit_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL, purged_at TEXT NOT NULL);`,
];
const genesis = '0'.repeat(64);

/** Re-exported: the canonical JSON every chain link hashes. */
export { canonicalJson };

const plainHash = (previous: string, body: string): string => createHash('sha256').update(previous).update(body).digest('hex');

type Row = ChainRow;

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
    let point: ChainPoint = this.anchor();
    let count = 0;
    let headSeen = head === undefined || head.seq <= point.seq;
    const gaps = this.gaps();
    for (const row of this.database.prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq').iterate()) {
      const step = stepOverGaps(point, row.seq, gaps);
      if (step.kind === 'undeclared') return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
      for (const gap of step.passed) {
        if (!head || head.seq < gap.from || head.seq > gap.to) continue;
        if (head.seq === gap.to && head.hash !== gap.lastHash) return { kind: 'broken', atSequence: head.seq, reason: 'edited' };
        headSeen = true; // an exported head purged since: only the last record of its run can still be compared
      }
      point = step.at;
      if (row.seq !== point.seq + 1 || row.prev_hash !== point.hash) return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
      if (this.chainHash(row.prev_hash, row.body) !== row.hash) {
        // A plain sha256 link in a keyed log: written before the key was introduced (run `lotse audit rekey`) or forged.
        const reason = this.chainHash !== plainHash && plainHash(row.prev_hash, row.body) === row.hash ? 'unkeyed' : 'edited';
        return { kind: 'broken', atSequence: row.seq, reason };
      }
      if (head && row.seq === head.seq) {
        if (row.hash !== head.hash) return { kind: 'broken', atSequence: row.seq, reason: 'edited' };
        headSeen = true;
      }
      point = { seq: row.seq, hash: row.hash };
      count += 1;
    }
    if (!headSeen && head) return { kind: 'broken', atSequence: head.seq, reason: 'truncated' };
    return { kind: 'intact', records: count };
  }

  /** The gaps declared by the anchor records still in the chain. */
  private gaps(): Map<number, AuditGap> {
    return declaredGaps(this.database.prepare<[string], Row>('SELECT type, body FROM audit_records WHERE type = ?').all(anchorType));
  }

  /** The newest record (or the purge anchor): what operators export to detect truncation. */
  head(): AuditHead {
    return this.database.prepare<[], AuditHead>('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1').get() ?? this.anchor();
  }

  /**
   * One-time upgrade of a chain written without key: checks it as a plain chain and, when intact, recomputes
   * every link with the key. Refuses (returns the plain verification) when the plain chain is broken. A purged
   * run keeps its last (plain) hash; the anchor record declaring it is rewritten with the new hash before it.
   */
  rekey(): AuditVerification {
    if (this.chainHash === plainHash) throw new Error('rekey needs the audit key');
    return this.database.transaction((): AuditVerification => {
      let point: ChainPoint = this.anchor();
      const gaps = this.gaps();
      const rows = this.database.prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq').all();
      const gapsBefore = new Map<number, readonly AuditGap[]>();
      for (const row of rows) {
        const step = stepOverGaps(point, row.seq, gaps);
        if (step.kind === 'undeclared' || row.seq !== step.at.seq + 1 || row.prev_hash !== step.at.hash) return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
        const keyed = this.chainHash(row.prev_hash, row.body) === row.hash;
        if (!keyed && plainHash(row.prev_hash, row.body) !== row.hash) return { kind: 'broken', atSequence: row.seq, reason: 'edited' };
        gapsBefore.set(row.seq, step.passed);
        point = { seq: row.seq, hash: row.hash };
      }
      let link = this.anchor().hash;
      const rewritten = new Map<number, AuditGap>();
      for (const row of rows) {
        for (const gap of gapsBefore.get(row.seq) ?? []) {
          rewritten.set(gap.from, { ...gap, prevHash: link });
          link = gap.lastHash;
        }
        const body = row.type === anchorType ? this.rewriteAnchor(row.body, rewritten) : row.body;
        const hash = this.chainHash(link, body);
        this.database.prepare('UPDATE audit_records SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(body, link, hash, row.seq);
        link = hash;
      }
      return { kind: 'intact', records: rows.length };
    })();
  }

  private rewriteAnchor(body: string, rewritten: ReadonlyMap<number, AuditGap>): string {
    const anchor = JSON.parse(body) as AnchorBody;
    return canonicalJson({ ...anchor, removed: anchor.removed.map((gap) => rewritten.get(gap.from) ?? gap) });
  }

  /**
   * Removes every record past the retention of its type (days per type). A removed prefix moves the anchor;
   * removed runs after a kept record are declared in one anchor record appended to the chain.
   */
  purge(now: Date, retentionDays: Readonly<Partial<Record<AuditRecordType, number>>>): { removed: number; byType: Partial<Record<AuditRecordType, number>> } {
    const expired = (row: Row): boolean => {
      const days = retentionDays[row.type as AuditRecordType] ?? Number.POSITIVE_INFINITY;
      return new Date(row.at).getTime() + days * 86_400_000 < now.getTime();
    };
    return retryOnUniqueViolation(() => this.database.transaction(() => {
      const rows = this.database.prepare<[], Row>('SELECT * FROM audit_records ORDER BY seq').all();
      const runs = expiredRuns(rows, expired);
      const byType: Partial<Record<AuditRecordType, number>> = {};
      const gone = new Set<number>();
      for (const row of rows) {
        if (row.type === anchorType || !expired(row)) continue;
        gone.add(row.seq);
        byType[row.type as AuditRecordType] = (byType[row.type as AuditRecordType] ?? 0) + 1;
      }
      if (runs.length === 0) return { removed: 0, byType };
      const last = rows[rows.length - 1]!;
      const deleteRun = this.database.prepare('DELETE FROM audit_records WHERE seq BETWEEN ? AND ?');
      for (const run of runs) deleteRun.run(run.from, run.to);
      const kept = new Map(rows.filter((row) => !gone.has(row.seq)).map((row) => [row.seq, row]));
      const gaps = this.gaps();
      for (const run of runs) gaps.set(run.from, run);
      const prefix = foldPrefix(this.anchor(), kept, gaps);
      if (prefix.seq > this.anchor().seq) {
        // Anchor records passed by the prefix declare only gaps before themselves: they can go too.
        this.database.prepare('DELETE FROM audit_records WHERE seq <= ?').run(prefix.seq);
        this.database
          .prepare('INSERT INTO audit_anchor (id, seq, hash, purged_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, purged_at = excluded.purged_at')
          .run(prefix.seq, prefix.hash, now.toISOString());
      }
      const declared = runs.filter((run) => run.from > prefix.seq);
      if (declared.length > 0) this.appendAnchor({ kind: 'anchor', at: now.toISOString(), removed: declared }, last);
      return { removed: gone.size, byType };
    })());
  }

  private appendAnchor(anchor: AnchorBody, after: ChainPoint): void {
    const body = canonicalJson(anchor);
    this.database
      .prepare('INSERT INTO audit_records (seq, at, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(after.seq + 1, anchor.at, anchorType, body, after.hash, this.chainHash(after.hash, body));
  }

  /** All entries with their sequence numbers (for aggregated reports); anchor records are not entries. */
  entries(): { seq: number; entry: AuditEntry }[] {
    return this.database
      .prepare<[string], Row>('SELECT * FROM audit_records WHERE type <> ? ORDER BY seq')
      .all(anchorType)
      .map((row) => ({ seq: row.seq, entry: JSON.parse(row.body) as AuditEntry }));
  }
}
