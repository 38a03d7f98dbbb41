/**
 * The owners' queue of negative feedback per document (issue #22): counts per document shown only from
 * k answers on (no per-person data), a work state new → in Arbeit → Quelle geändert / verworfen, and the
 * rule that feedback given after a closed state reopens the queue as new.
 */
import type { NegativeFeedback } from '../../ports/conversation-store.ts';
import type { FeedbackQueueEntry, FeedbackState } from '../../ports/feedback-queue.ts';

/** Which state may follow which (closed states may be reopened by hand). */
const nextStates: Readonly<Record<FeedbackState, readonly FeedbackState[]>> = {
  new: ['in_progress', 'discarded'],
  in_progress: ['source_changed', 'discarded'],
  source_changed: ['in_progress'],
  discarded: ['in_progress'],
};

/** States the owner may choose next from `state`. */
export function allowedNextStates(state: FeedbackState): readonly FeedbackState[] {
  return nextStates[state];
}

/** One document in the owner's queue; `count` and `reasons` are absent below k. */
export interface FeedbackQueueRow {
  readonly document: string;
  readonly state: FeedbackState;
  readonly count?: number;
  readonly reasons: readonly string[];
}

/**
 * Groups negative feedback by cited document (entries without a source under `noSource`), keeps the
 * documents `visible` admits, and attaches the stored state; figures below `k` are withheld.
 */
export function feedbackQueue(
  feedback: readonly NegativeFeedback[],
  states: readonly FeedbackQueueEntry[],
  options: { readonly k: number; readonly noSource: string; readonly visible: (document: string) => boolean; readonly maxReasons?: number },
): FeedbackQueueRow[] {
  const stored = new Map(states.map((entry) => [entry.document, entry]));
  const groups = new Map<string, { count: number; latest: string; reasons: string[] }>();
  for (const entry of feedback) {
    for (const document of entry.documents.length ? entry.documents : [options.noSource]) {
      if (!options.visible(document)) continue;
      const group = groups.get(document) ?? { count: 0, latest: '', reasons: [] };
      group.count += 1;
      if (entry.at > group.latest) group.latest = entry.at;
      if (entry.reason) group.reasons.push(entry.reason);
      groups.set(document, group);
    }
  }
  return [...groups]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([document, group]) => {
      const entry = stored.get(document);
      const closed = entry && (entry.state === 'source_changed' || entry.state === 'discarded');
      const state: FeedbackState = !entry || (closed && group.latest > entry.updatedAt) ? 'new' : entry.state;
      const shown = group.count >= options.k;
      return {
        document,
        state,
        ...(shown ? { count: group.count } : {}),
        reasons: shown ? group.reasons.slice(0, options.maxReasons ?? 5) : [],
      };
    });
}
