/**
 * The audit trail on SQLite or PostgreSQL: every record stores the hash of (previous hash + canonical JSON of
 * its entry), so an edited, removed or reordered record breaks the chain at that sequence number. Purging
 * removes expired records per type: a removed prefix is folded into `audit_anchor`, a removed run in the
 * middle is declared by an anchor record appended to the chain (`audit-anchors.ts`), so it stays verifiable.
 * Tables: migration `0003-audit`. Writers take turns under a lock (`lockChain`).
 *
 * Bodies are written exactly as before (canonical JSON of the entry, no version field): the hash covers the body
 * text, and old and new records must verify alike. `entries()` validates each body with `storedAuditEntry`
 * (`stored-documents.ts`); a body it cannot read is left out of the reports and logged once per record
 * (`stored-json-refused`, with its sequence number) — it stays in the chain, and `verify` still checks its hash.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditEntry, AuditHead, AuditLog, AuditRecordType, AuditVerification } from '../../ports/audit-log.ts';
import { first, rows, run, withRetry, type SqlExecutor, type StoreDatabase } from '../sql/store-database.ts';
import { refusedRowReporter } from '../sql/stored-json.ts';
import { storedAuditEntry } from './stored-documents.ts';
import {
  anchorType,
  canonicalJson,
  declaredGaps,
  expiredRuns,
  foldPrefix,
  stepOverGaps,
  type AnchorBody,
  type AuditGap,
  type ChainPoint,
  type ChainRow,
} from './audit-anchors.ts';

const genesis = '0'.repeat(64);
/** Advisory lock that serialises writers of the chain across replicas on PostgreSQL ("audit" in ASCII). */
const chainLockKey = 0x61756469;
/** Rows read per query while verifying (the chain is never loaded at once). */
const pageSize = 2_000;

/** Re-exported: the canonical JSON every chain link hashes. */
export { canonicalJson };

const plainHash = (previous: string, body: string): string => createHash('sha256').update(previous).update(body).digest('hex');

type Row = ChainRow;

/** The audit log on the asynchronous store database. */
export class SqlAuditLog implements AuditLog {
  private readonly chainHash: (previous: string, body: string) => string;
  private readonly refused: (key: string, reason: string) => void;

  /**
   * `key` (the audit HMAC key, kept outside the database) turns the chain into an HMAC chain: whoever can write
   * the database but lacks the key cannot recompute it after an edit (issue #18, item 12).
   */
  constructor(
    private readonly database: StoreDatabase,
    options: { key?: string } = {},
  ) {
    const key = options.key;
    this.chainHash = key ? (previous, body) => createHmac('sha256', key).update(previous).update(body).digest('hex') : plainHash;
    this.refused = refusedRowReporter('audit-log', database.logger);
  }

  private async anchor(executor: SqlExecutor = this.database.db): Promise<ChainPoint> {
    return (await first(executor, sql<ChainPoint>`SELECT seq, hash FROM audit_anchor WHERE id = 1`)) ?? { seq: 0, hash: genesis };
  }

  private async last(executor: SqlExecutor): Promise<ChainPoint> {
    return (await first(executor, sql<ChainPoint>`SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1`)) ?? this.anchor(executor);
  }

  /**
   * Writers of the chain take turns: on PostgreSQL a transaction-scoped advisory lock (replicas and pool connections
   * would otherwise race for the next sequence number); on SQLite the one connection already serialises transactions.
   */
  private async lockChain(tx: SqlExecutor): Promise<void> {
    if (this.database.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${chainLockKey})`.execute(tx);
  }

  async append(entry: AuditEntry): Promise<void> {
    // A lost connection repeats the whole append; a unique violation (a writer without the lock, e.g. an older replica) too.
    await withRetry(
      () =>
        this.database.transaction(async (tx) => {
          await this.lockChain(tx);
          const last = await this.last(tx);
          const body = canonicalJson(entry);
          await run(
            tx,
            sql`INSERT INTO audit_records (seq, at, type, body, prev_hash, hash)
        VALUES (${last.seq + 1}, ${entry.at}, ${entry.type}, ${body}, ${last.hash}, ${this.chainHash(last.hash, body)})`,
          );
        }),
      { onUniqueViolation: true, attempts: 8 },
    );
  }

  /** The records after `seq`, in order, one page at a time. */
  private async *records(executor: SqlExecutor = this.database.db): AsyncGenerator<Row> {
    let after = -1;
    for (;;) {
      const page = await rows(executor, sql<Row>`SELECT * FROM audit_records WHERE seq > ${after} ORDER BY seq LIMIT ${pageSize}`);
      for (const row of page) yield { ...row, seq: Number(row.seq) };
      if (page.length < pageSize) return;
      after = Number(page[page.length - 1]!.seq);
    }
  }

  /** Checks the chain; with `head` (an exported head) also that no record up to it was removed from the end. */
  async verify(head?: AuditHead): Promise<AuditVerification> {
    let point: ChainPoint = await this.anchor();
    let count = 0;
    let headSeen = head === undefined || head.seq <= point.seq;
    const gaps = await this.gaps();
    for await (const row of this.records()) {
      const step = stepOverGaps(point, row.seq, gaps);
      if (step.kind === 'undeclared') return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
      for (const gap of step.passed) {
        if (!head || head.seq < gap.from || head.seq > gap.to) continue;
        if (head.seq === gap.to && head.hash !== gap.lastHash) return { kind: 'broken', atSequence: head.seq, reason: 'edited' };
        headSeen = true; // an exported head purged since: only the last record of its run can still be compared
      }
      point = step.at;
      if (row.seq !== point.seq + 1 || row.prev_hash !== point.hash)
        return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
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
  private async gaps(executor: SqlExecutor = this.database.db): Promise<Map<number, AuditGap>> {
    return declaredGaps(await rows(executor, sql<Row>`SELECT type, body FROM audit_records WHERE type = ${anchorType}`));
  }

  /** The newest record (or the purge anchor): what operators export to detect truncation. */
  async head(): Promise<AuditHead> {
    const point = await this.last(this.database.db);
    return { seq: Number(point.seq), hash: point.hash };
  }

  /**
   * One-time upgrade of a chain written without key: checks it as a plain chain and, when intact, recomputes
   * every link with the key. Refuses (returns the plain verification) when the plain chain is broken. A purged
   * run keeps its last (plain) hash; the anchor record declaring it is rewritten with the new hash before it.
   */
  async rekey(): Promise<AuditVerification> {
    if (this.chainHash === plainHash) throw new Error('rekey needs the audit key');
    return this.database.transaction(async (tx): Promise<AuditVerification> => {
      await this.lockChain(tx);
      let point: ChainPoint = await this.anchor(tx);
      const gaps = await this.gaps(tx);
      const all = (await rows(tx, sql<Row>`SELECT * FROM audit_records ORDER BY seq`)).map((row) => ({ ...row, seq: Number(row.seq) }));
      const gapsBefore = new Map<number, readonly AuditGap[]>();
      for (const row of all) {
        const step = stepOverGaps(point, row.seq, gaps);
        if (step.kind === 'undeclared' || row.seq !== step.at.seq + 1 || row.prev_hash !== step.at.hash)
          return { kind: 'broken', atSequence: row.seq, reason: 'removed_or_reordered' };
        const keyed = this.chainHash(row.prev_hash, row.body) === row.hash;
        if (!keyed && plainHash(row.prev_hash, row.body) !== row.hash) return { kind: 'broken', atSequence: row.seq, reason: 'edited' };
        gapsBefore.set(row.seq, step.passed);
        point = { seq: row.seq, hash: row.hash };
      }
      let link = (await this.anchor(tx)).hash;
      const rewritten = new Map<number, AuditGap>();
      for (const row of all) {
        for (const gap of gapsBefore.get(row.seq) ?? []) {
          rewritten.set(gap.from, { ...gap, prevHash: link });
          link = gap.lastHash;
        }
        const body = row.type === anchorType ? this.rewriteAnchor(row.body, rewritten) : row.body;
        const hash = this.chainHash(link, body);
        await run(tx, sql`UPDATE audit_records SET body = ${body}, prev_hash = ${link}, hash = ${hash} WHERE seq = ${row.seq}`);
        link = hash;
      }
      return { kind: 'intact', records: all.length };
    });
  }

  private rewriteAnchor(body: string, rewritten: ReadonlyMap<number, AuditGap>): string {
    const anchor = JSON.parse(body) as AnchorBody;
    return canonicalJson({ ...anchor, removed: anchor.removed.map((gap) => rewritten.get(gap.from) ?? gap) });
  }

  /**
   * Removes every record past the retention of its type (days per type). A removed prefix moves the anchor;
   * removed runs after a kept record are declared in one anchor record appended to the chain.
   */
  async purge(
    now: Date,
    retentionDays: Readonly<Partial<Record<AuditRecordType, number>>>,
  ): Promise<{ removed: number; byType: Partial<Record<AuditRecordType, number>> }> {
    const expired = (row: Row): boolean => {
      const days = retentionDays[row.type as AuditRecordType] ?? Number.POSITIVE_INFINITY;
      return new Date(row.at).getTime() + days * 86_400_000 < now.getTime();
    };
    return withRetry(
      () =>
        this.database.transaction(async (tx) => {
          await this.lockChain(tx);
          const all = (await rows(tx, sql<Row>`SELECT * FROM audit_records ORDER BY seq`)).map((row) => ({ ...row, seq: Number(row.seq) }));
          const runs = expiredRuns(all, expired);
          const byType: Partial<Record<AuditRecordType, number>> = {};
          const gone = new Set<number>();
          for (const row of all) {
            if (row.type === anchorType || !expired(row)) continue;
            gone.add(row.seq);
            byType[row.type as AuditRecordType] = (byType[row.type as AuditRecordType] ?? 0) + 1;
          }
          if (runs.length === 0) return { removed: 0, byType };
          const last = all[all.length - 1]!;
          for (const expiredRun of runs)
            await run(tx, sql`DELETE FROM audit_records WHERE seq BETWEEN ${expiredRun.from} AND ${expiredRun.to}`);
          const kept = new Map(all.filter((row) => !gone.has(row.seq)).map((row) => [row.seq, row]));
          const gaps = await this.gaps(tx);
          for (const expiredRun of runs) gaps.set(expiredRun.from, expiredRun);
          const anchor = await this.anchor(tx);
          const prefix = foldPrefix(anchor, kept, gaps);
          if (prefix.seq > anchor.seq) {
            // Anchor records passed by the prefix declare only gaps before themselves: they can go too.
            await run(tx, sql`DELETE FROM audit_records WHERE seq <= ${prefix.seq}`);
            await run(
              tx,
              sql`INSERT INTO audit_anchor (id, seq, hash, purged_at) VALUES (1, ${prefix.seq}, ${prefix.hash}, ${now.toISOString()})
          ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, purged_at = excluded.purged_at`,
            );
          }
          const declared = runs.filter((expiredRun) => expiredRun.from > prefix.seq);
          if (declared.length > 0) await this.appendAnchor(tx, { kind: 'anchor', at: now.toISOString(), removed: declared }, last);
          return { removed: gone.size, byType };
        }),
      { onUniqueViolation: true },
    );
  }

  private async appendAnchor(tx: SqlExecutor, anchor: AnchorBody, after: ChainPoint): Promise<void> {
    const body = canonicalJson(anchor);
    await run(
      tx,
      sql`INSERT INTO audit_records (seq, at, type, body, prev_hash, hash)
      VALUES (${after.seq + 1}, ${anchor.at}, ${anchorType}, ${body}, ${after.hash}, ${this.chainHash(after.hash, body)})`,
    );
  }

  /**
   * All entries with their sequence numbers (for aggregated reports); anchor records are not entries. A body that
   * does not validate is left out and logged once (see the header).
   */
  async entries(): Promise<{ seq: number; entry: AuditEntry }[]> {
    const found = await rows(this.database.db, sql<Row>`SELECT * FROM audit_records WHERE type <> ${anchorType} ORDER BY seq`);
    return found.flatMap((row) => {
      const decoded = storedAuditEntry.decode(row.body);
      if (decoded.ok) return [{ seq: Number(row.seq), entry: decoded.value }];
      this.refused(`seq ${Number(row.seq)}`, decoded.reason);
      return [];
    });
  }
}
