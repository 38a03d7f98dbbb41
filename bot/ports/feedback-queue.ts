/**
 * The owners' work state of the negative feedback on one document (issue #22): new → in Arbeit →
 * Quelle geändert / verworfen. One row per document; no per-person data.
 */

/** States of a document's feedback queue. */
export const feedbackStates = ['new', 'in_progress', 'source_changed', 'discarded'] as const;

/** One state. */
export type FeedbackState = (typeof feedbackStates)[number];

/** The stored state of one document's feedback. */
export interface FeedbackQueueEntry {
  readonly document: string;
  readonly state: FeedbackState;
  /** When the state was set (ISO); feedback given later reopens a closed queue. */
  readonly updatedAt: string;
}

/** Stores the state per document (asynchronous, issue #20); `by` is the actor's audit pseudonym. */
export interface FeedbackQueueStore {
  /** Every document's state, ordered by document (rows with an unknown state are skipped). */
  list(): Promise<readonly FeedbackQueueEntry[]>;
  /** Sets (or replaces) a document's state. */
  set(entry: FeedbackQueueEntry & { readonly by: string }): Promise<void>;
}
