/**
 * Re-identification of one audit pseudonym (DV KI § 6 Abs. 3): only after two recorded approvals, by the
 * Personalrat and by the data-protection officer, within a time limit; every step is itself audited.
 */
import type { SqliteDatabase } from './sqlite-database.ts';
import { migrate } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE reidentification_requests (id INTEGER PRIMARY KEY, pseudonym TEXT NOT NULL, reason TEXT NOT NULL, requested_by TEXT NOT NULL,
     requested_at TEXT NOT NULL, expires_at TEXT NOT NULL, approvals TEXT NOT NULL DEFAULT '{}', revealed_at TEXT);`,
];

/** The roles whose approvals are both required. */
export type ApprovalRole = 'personalrat' | 'dsb';

/** Outcome of a re-identification step. */
export type ReidentificationResult =
  | { readonly kind: 'requested'; readonly id: number; readonly expiresAt: string }
  | { readonly kind: 'approved'; readonly id: number; readonly missing: readonly ApprovalRole[] }
  | { readonly kind: 'revealed'; readonly id: number; readonly userIds: readonly string[] }
  | { readonly kind: 'refused'; readonly reason: 'not_found' | 'expired' | 'already_revealed' | 'reason_missing' | 'own_request' | 'same_person' | 'not_permitted' };

/** A request waiting for approvals, as the console lists it. */
export interface OpenReidentification {
  readonly id: number;
  readonly pseudonym: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  /** Role → directory id of the person who approved. */
  readonly approvals: Readonly<Partial<Record<ApprovalRole, string>>>;
}

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

/** Requests, approvals and the reveal, stored in SQLite. */
export class SqliteReidentification {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly options: {
      validDays: number; candidates: () => readonly string[]; pseudonym: (userId: string) => string; onStep: (step: string, id: number) => void;
      /** Whether `by` (a directory person id) holds `role`; approvals from anyone else are refused (issue #18, item 12). */
      holdsRole?: (by: string, role: ApprovalRole) => boolean;
    },
  ) {
    migrate(database, 'reidentification', migrations);
  }

  request(input: { pseudonym: string; reason: string; by: string; now: Date }): ReidentificationResult {
    if (input.reason.trim().length < 10) return { kind: 'refused', reason: 'reason_missing' };
    const expiresAt = new Date(input.now.getTime() + this.options.validDays * 86_400_000).toISOString();
    const id = Number(this.database.prepare('INSERT INTO reidentification_requests (pseudonym, reason, requested_by, requested_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.pseudonym, input.reason.trim(), input.by, input.now.toISOString(), expiresAt).lastInsertRowid);
    this.options.onStep('requested', id);
    return { kind: 'requested', id, expiresAt };
  }

  /** Requests neither revealed nor expired at `now`, oldest first. */
  open(now: Date): OpenReidentification[] {
    return this.database
      .prepare<[string], RequestRow>('SELECT * FROM reidentification_requests WHERE revealed_at IS NULL AND expires_at >= ? ORDER BY id')
      .all(now.toISOString())
      .map((row) => ({
        id: row.id, pseudonym: row.pseudonym, reason: row.reason, requestedBy: row.requested_by, requestedAt: row.requested_at, expiresAt: row.expires_at,
        approvals: JSON.parse(row.approvals) as Partial<Record<ApprovalRole, string>>,
      }));
  }

  approve(input: { id: number; role: ApprovalRole; by: string; now: Date }): ReidentificationResult {
    const row = this.database.prepare<[number], RequestRow>('SELECT * FROM reidentification_requests WHERE id = ?').get(input.id);
    if (!row) return { kind: 'refused', reason: 'not_found' };
    if (row.revealed_at) return { kind: 'refused', reason: 'already_revealed' };
    if (row.expires_at < input.now.toISOString()) return { kind: 'refused', reason: 'expired' };
    // Four eyes for real: never the requester, never one person in both roles, only holders of the role.
    if (input.by === row.requested_by) return { kind: 'refused', reason: 'own_request' };
    const previous = JSON.parse(row.approvals) as Record<string, string>;
    if (Object.entries(previous).some(([role, by]) => role !== input.role && by === input.by)) return { kind: 'refused', reason: 'same_person' };
    if (this.options.holdsRole && !this.options.holdsRole(input.by, input.role)) return { kind: 'refused', reason: 'not_permitted' };
    const approvals = { ...previous, [input.role]: input.by };
    this.database.prepare('UPDATE reidentification_requests SET approvals = ? WHERE id = ?').run(JSON.stringify(approvals), input.id);
    this.options.onStep(`approved-${input.role}`, input.id);
    const missing = (['personalrat', 'dsb'] as const).filter((role) => !approvals[role]);
    if (missing.length) return { kind: 'approved', id: input.id, missing };
    const userIds = this.options.candidates().filter((userId) => this.options.pseudonym(userId) === row.pseudonym);
    this.database.prepare('UPDATE reidentification_requests SET revealed_at = ? WHERE id = ?').run(input.now.toISOString(), input.id);
    this.options.onStep('revealed', input.id);
    return { kind: 'revealed', id: input.id, userIds };
  }
}
