/**
 * FAQ drafts made from answered tickets (issue #7): numbered drafts, each decided once by a document owner
 * other than the drafter, and the notices sent about them (each step once). Asynchronous (issue #20).
 */

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

/** Where FAQ drafts are kept. */
export interface FaqDraftStore {
  /** Stores a new draft and returns it with its number. */
  create(input: { ticketId: string; question: string; answer: string; draftedBy: string; at: string }): Promise<FaqDraft>;
  get(id: number): Promise<FaqDraft | undefined>;
  /** Decides a draft once; false when it was already decided (or is unknown). */
  decide(id: number, state: 'approved' | 'rejected', by: string, at: string): Promise<boolean>;
  /** Records that an owner confirmed an approved entry (replicas rebuild its Stand from this). */
  markRevalidated(id: number, by: string, at: string): Promise<void>;
  /** Drafts in number order, all or those in one state. */
  list(state?: FaqDraft['state']): Promise<FaqDraft[]>;
  /** Records that a notice step was sent for a draft; false when it already was (no double sends). */
  markNotice(draftId: number, step: string, at: string): Promise<boolean>;
}
