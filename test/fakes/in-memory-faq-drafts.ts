import type { FaqDraft, FaqDraftStore } from '../../bot/ports/faq-drafts.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** FAQ drafts in an array, numbered from 1, and the sent notices; asynchronous like the real store. */
export class InMemoryFaqDrafts implements FaqDraftStore {
  readonly drafts: Mutable<FaqDraft>[] = [];
  readonly notices = new Set<string>();

  async create(input: { ticketId: string; question: string; answer: string; draftedBy: string; at: string }): Promise<FaqDraft> {
    const draft = {
      id: this.drafts.length + 1,
      ticketId: input.ticketId,
      question: input.question,
      answer: input.answer,
      draftedBy: input.draftedBy,
      state: 'draft' as const,
      createdAt: input.at,
    };
    this.drafts.push(draft);
    return { ...draft };
  }
  async get(id: number): Promise<FaqDraft | undefined> {
    const draft = this.drafts.find((entry) => entry.id === id);
    return draft ? { ...draft } : undefined;
  }
  async decide(id: number, state: 'approved' | 'rejected', by: string, at: string): Promise<boolean> {
    const draft = this.drafts.find((entry) => entry.id === id);
    if (draft?.state !== 'draft') return false;
    Object.assign(draft, { state, decidedBy: by, decidedAt: at });
    return true;
  }
  async markRevalidated(id: number, by: string, at: string): Promise<void> {
    const draft = this.drafts.find((entry) => entry.id === id);
    if (draft?.state === 'approved') Object.assign(draft, { revalidatedBy: by, revalidatedAt: at });
  }
  async list(state?: FaqDraft['state']): Promise<FaqDraft[]> {
    return this.drafts.filter((draft) => !state || draft.state === state).map((draft) => ({ ...draft }));
  }
  async markNotice(draftId: number, step: string, at: string): Promise<boolean> {
    void at;
    const key = `${draftId}\u0000${step}`;
    if (this.notices.has(key)) return false;
    this.notices.add(key);
    return true;
  }
}
