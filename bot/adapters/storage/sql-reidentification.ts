/**
 * Re-identification of one audit pseudonym (DV KI § 6 Abs. 3) on the store database (issue #20): requests,
 * approvals and the reveal in the table of migration `0019-reidentification`. Approvals are written with a
 * compare-and-set on the stored approvals, and the reveal only while nothing revealed the request yet, so two
 * replicas approving at once neither lose an approval nor reveal twice. Every step is audited (`onStep`,
 * awaited) before its result is returned.
 *
 * Approvals are written and read with `storedApprovals` (`stored-documents.ts`: versioned, zod-checked). A request
 * whose approvals this lotse cannot read (written by a newer lotse, or invalid) is left out of `open` (logged once
 * per request and reason, `stored-json-refused`), and `approve` on it rejects with a `StoredJsonError`: an approval
 * must never be decided on approvals that were not understood, nor overwrite them.
 */
import { sql } from 'kysely';
import {
  refusalOf,
  type ApprovalRole,
  type OpenReidentification,
  type Reidentification,
  type ReidentificationOptions,
  type ReidentificationResult,
} from '../../ports/reidentification.ts';
import { first, rows, run, type StoreDatabase } from '../sql/store-database.ts';
import { refusedRowReporter, StoredJsonError } from '../sql/stored-json.ts';
import { storedApprovals } from './stored-documents.ts';

interface RequestRow {
  id: number;
  pseudonym: string;
  reason: string;
  requested_at: string;
  expires_at: string;
  requested_by: string;
  approvals: string;
  revealed_at: string | null;
}

/** Approvals of one request are compared and set this many times before another writer is taken as racing forever. */
const approvalAttempts = 5;

/** Requests, approvals and the reveal, stored in SQLite or PostgreSQL. */
export class SqlReidentification implements Reidentification {
  private readonly refused: (key: string, reason: string) => void;

  constructor(
    private readonly database: StoreDatabase,
    private readonly options: ReidentificationOptions,
  ) {
    this.refused = refusedRowReporter('reidentification', database.logger);
  }

  async request(input: { pseudonym: string; reason: string; by: string; now: Date }): Promise<ReidentificationResult> {
    if (input.reason.trim().length < 10) return { kind: 'refused', reason: 'reason_missing' };
    const expiresAt = new Date(input.now.getTime() + this.options.validDays * 86_400_000).toISOString();
    const inserted = await first(
      this.database.db,
      sql<{ id: number }>`INSERT INTO reidentification_requests (pseudonym, reason, requested_by, requested_at, expires_at)
      VALUES (${input.pseudonym}, ${input.reason.trim()}, ${input.by}, ${input.now.toISOString()}, ${expiresAt}) RETURNING id`,
    );
    const id = Number(inserted!.id);
    await this.options.onStep('requested', id);
    return { kind: 'requested', id, expiresAt };
  }

  async open(now: Date): Promise<OpenReidentification[]> {
    const found = await rows(
      this.database.db,
      sql<RequestRow>`SELECT * FROM reidentification_requests WHERE revealed_at IS NULL AND expires_at >= ${now.toISOString()} ORDER BY id`,
    );
    return found.flatMap((row) => {
      const approvals = storedApprovals.decode(row.approvals);
      if (!approvals.ok) {
        this.refused(String(row.id), approvals.reason);
        return [];
      }
      return [
        {
          id: Number(row.id),
          pseudonym: row.pseudonym,
          reason: row.reason,
          requestedBy: row.requested_by,
          requestedAt: row.requested_at,
          expiresAt: row.expires_at,
          approvals: approvals.value,
        },
      ];
    });
  }

  async approve(input: { id: number; role: ApprovalRole; by: string; now: Date }): Promise<ReidentificationResult> {
    for (let attempt = 1; ; attempt += 1) {
      const row = await first(this.database.db, sql<RequestRow>`SELECT * FROM reidentification_requests WHERE id = ${input.id}`);
      if (!row) return { kind: 'refused', reason: 'not_found' };
      const decoded = storedApprovals.decode(row.approvals);
      if (!decoded.ok) throw new StoredJsonError(`approvals of re-identification request ${input.id}`, decoded.reason);
      const previous: Partial<Record<ApprovalRole, string>> = decoded.value;
      const refusal = refusalOf(
        { requestedBy: row.requested_by, expiresAt: row.expires_at, revealed: row.revealed_at !== null, approvals: previous },
        input,
        this.options.holdsRole,
      );
      if (refusal) return refusal;
      const approvals = { ...previous, [input.role]: input.by };
      const changed = await run(
        this.database.db,
        sql`UPDATE reidentification_requests SET approvals = ${storedApprovals.encode(approvals)}
        WHERE id = ${input.id} AND approvals = ${row.approvals} AND revealed_at IS NULL`,
      );
      if (!changed) {
        if (attempt >= approvalAttempts)
          throw new Error(`re-identification request ${input.id}: approvals changed concurrently ${attempt} times`);
        continue; // another approval landed in between: decide again on what is stored now
      }
      await this.options.onStep(`approved-${input.role}`, input.id);
      const missing = (['personalrat', 'dsb'] as const).filter((role) => !approvals[role]);
      if (missing.length) return { kind: 'approved', id: input.id, missing };
      return this.reveal(row.pseudonym, input.id, input.now);
    }
  }

  private async reveal(pseudonym: string, id: number, now: Date): Promise<ReidentificationResult> {
    const userIds = (await this.options.candidates()).filter((userId) => this.options.pseudonym(userId) === pseudonym);
    const revealed = await run(
      this.database.db,
      sql`UPDATE reidentification_requests SET revealed_at = ${now.toISOString()} WHERE id = ${id} AND revealed_at IS NULL`,
    );
    if (!revealed) return { kind: 'refused', reason: 'already_revealed' };
    await this.options.onStep('revealed', id);
    return { kind: 'revealed', id, userIds };
  }
}
