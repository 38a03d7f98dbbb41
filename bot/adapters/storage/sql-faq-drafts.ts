/**
 * FAQ drafts made from answered tickets (issue #7): a Lotse drafts, a document owner other than the
 * drafter approves or rejects (four eyes). Approved entries become FAQ documents of the knowledge base.
 * Asynchronous on SQLite or PostgreSQL (issue #20); the tables come from migration `0012-faq-drafts`.
 */
import { sql } from 'kysely';
import type { FaqDraft, FaqDraftStore } from '../../ports/faq-drafts.ts';
import { first, rows, run, type StoreDatabase } from '../sql/store-database.ts';

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
  id: Number(row.id),
  ticketId: row.ticket_id,
  question: row.question,
  answer: row.answer,
  draftedBy: row.drafted_by,
  state: row.state === 'approved' ? 'approved' : row.state === 'rejected' ? 'rejected' : 'draft',
  createdAt: row.created_at,
  ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
  ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
  ...(row.revalidated_by ? { revalidatedBy: row.revalidated_by } : {}),
  ...(row.revalidated_at ? { revalidatedAt: row.revalidated_at } : {}),
});

/** SQL storage of FAQ drafts. */
export class SqlFaqDrafts implements FaqDraftStore {
  constructor(private readonly database: StoreDatabase) {}

  /** Stores a new draft and returns it with its number. */
  async create(input: { ticketId: string; question: string; answer: string; draftedBy: string; at: string }): Promise<FaqDraft> {
    const row = await first(
      this.database.db,
      sql<Row>`INSERT INTO faq_drafts (ticket_id, question, answer, drafted_by, state, created_at)
      VALUES (${input.ticketId}, ${input.question}, ${input.answer}, ${input.draftedBy}, 'draft', ${input.at}) RETURNING *`,
    );
    if (!row) throw new Error('FAQ draft was not stored');
    return toDraft(row);
  }

  /** One draft by number. */
  async get(id: number): Promise<FaqDraft | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const row = await first(this.database.db, sql<Row>`SELECT * FROM faq_drafts WHERE id = ${id}`);
    return row ? toDraft(row) : undefined;
  }

  /** Decides a draft once; returns false when it was already decided. */
  async decide(id: number, state: 'approved' | 'rejected', by: string, at: string): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    return (
      (await run(
        this.database.db,
        sql`UPDATE faq_drafts SET state = ${state}, decided_by = ${by}, decided_at = ${at} WHERE id = ${id} AND state = 'draft'`,
      )) === 1
    );
  }

  /** Records that an owner confirmed an approved entry (replicas rebuild its Stand from this). */
  async markRevalidated(id: number, by: string, at: string): Promise<void> {
    if (!Number.isSafeInteger(id)) return;
    await run(
      this.database.db,
      sql`UPDATE faq_drafts SET revalidated_by = ${by}, revalidated_at = ${at} WHERE id = ${id} AND state = 'approved'`,
    );
  }

  /** Drafts in number order, all or those in one state. */
  async list(state?: FaqDraft['state']): Promise<FaqDraft[]> {
    const found = state
      ? await rows(this.database.db, sql<Row>`SELECT * FROM faq_drafts WHERE state = ${state} ORDER BY id`)
      : await rows(this.database.db, sql<Row>`SELECT * FROM faq_drafts ORDER BY id`);
    return found.map(toDraft);
  }

  /** Records that a notice step was sent for a draft; false when it already was (no double sends). */
  async markNotice(draftId: number, step: string, at: string): Promise<boolean> {
    return (
      (await run(
        this.database.db,
        sql`INSERT INTO faq_notices (draft_id, step, sent_at) VALUES (${draftId}, ${step}, ${at}) ON CONFLICT (draft_id, step) DO NOTHING`,
      )) === 1
    );
  }
}
