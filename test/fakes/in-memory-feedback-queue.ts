import type { FeedbackQueueEntry, FeedbackQueueStore } from '../../bot/ports/feedback-queue.ts';

/** Feedback queue states in a map (with who set them, for assertions); asynchronous like the real store. */
export class InMemoryFeedbackQueue implements FeedbackQueueStore {
  readonly entries = new Map<string, FeedbackQueueEntry & { readonly by: string }>();

  async list(): Promise<FeedbackQueueEntry[]> {
    return [...this.entries.values()]
      .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0))
      .map((entry) => ({ document: entry.document, state: entry.state, updatedAt: entry.updatedAt }));
  }
  async set(entry: FeedbackQueueEntry & { readonly by: string }): Promise<void> {
    this.entries.set(entry.document, entry);
  }
}
