/**
 * FAQ drafts made from answered tickets (issue #7): a Lotse drafts, a document owner other than the
 * drafter approves or rejects (four eyes). Approved entries become FAQ documents of the knowledge base.
 */
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE faq_drafts (id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,
     drafted_by TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT);`,
  `CREATE TABLE faq_notices (draft_id INTEGER NOT NULL, step TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (draft_id, step));`,
  `ALTER TABLE faq_drafts ADD COLUMN revalidated_by TEXT;
   ALTER TABLE faq_drafts ADD COLUMN revalidated_at TEXT;`,
];

/** One FAQ draft. */
export interface FaqDraft {
  readonly id: number;
  readonly ticketId: string;
  readonly question: string;
  readonly answer: string;
  readonly draftedBy: string;
  readonly state: 'draft' | 'approved' | 'rejected';
  readonly createdAt: string;
  /** Who decided and when (approved or rejected drafts). */
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  /** The last revalidation (the entry's Stand and owner from then on). */
  readonly revalidatedBy?: string;
  readonly revalidatedAt?: string;
}

interface Row {
  id: number;
  ticket_id: string;
  question: string;
  answer: string;
  drafted_by: string;
  state: string;
  created_at: string;
  decided_by?: string | null;
  decided_at?: string | null;
  revalidated_by?: string | null;
  revalidated_at?: string | null;
}

const toDraft = (row: Row): FaqDraft => ({
  id: row.id, ticketId: row.ticket_id, question: row.question, answer: row.answer, draftedBy: row.drafted_by,
  state: row.state === 'approved' ? 'approved' : row.state === 'rejected' ? 'rejected' : 'draft', createdAt: row.created_at,
  ...(row.decided_by ? { decidedBy: row.decided_by } : {}), ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
  ...(row.revalidated_by ? { revalidatedBy: row.revalidated_by } : {}), ...(row.revalidated_at ? { revalidatedAt: row.revalidated_at } : {}),
});

/** SQLite storage of FAQ drafts. */
export class SqliteFaqDrafts {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'faq-drafts', migrations);
  }

  create(input: { ticketId: string; question: string; answer: string; draftedBy: string; at: string }): FaqDraft {
    const id = Number(this.database
      .prepare("INSERT INTO faq_drafts (ticket_id, question, answer, drafted_by, state, created_at) VALUES (?, ?, ?, ?, 'draft', ?)")
      .run(input.ticketId, input.question, input.answer, input.draftedBy, input.at).lastInsertRowid);
    return this.get(id)!;
  }

  get(id: number): FaqDraft | undefined {
    const row = this.database.prepare<[number], Row>('SELECT * FROM faq_drafts WHERE id = ?').get(id);
    return row ? toDraft(row) : undefined;
  }

  /** Decides a draft once; returns false when it was already decided. */
  decide(id: number, state: 'approved' | 'rejected', by: string, at: string): boolean {
    return this.database.prepare("UPDATE faq_drafts SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'draft'").run(state, by, at, id).changes === 1;
  }

  /** Records that an owner confirmed an approved entry (replicas rebuild its Stand from this). */
  markRevalidated(id: number, by: string, at: string): void {
    this.database.prepare("UPDATE faq_drafts SET revalidated_by = ?, revalidated_at = ? WHERE id = ? AND state = 'approved'").run(by, at, id);
  }

  list(state?: FaqDraft['state']): FaqDraft[] {
    const rows = state
      ? this.database.prepare<[string], Row>('SELECT * FROM faq_drafts WHERE state = ? ORDER BY id').all(state)
      : this.database.prepare<[], Row>('SELECT * FROM faq_drafts ORDER BY id').all();
    return rows.map(toDraft);
  }

  /** Records that a notice step was sent for a draft; false when it already was (no double sends). */
  markNotice(draftId: number, step: string, at: string): boolean {
    return this.database.prepare('INSERT OR IGNORE INTO faq_notices (draft_id, step, sent_at) VALUES (?, ?, ?)').run(draftId, step, at).changes === 1;
  }
}
