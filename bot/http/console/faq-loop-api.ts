/**
 * The answer → FAQ loop as the console (and the CLI) sees it: drafts, four-eyes decisions, revalidation.
 * Defined on the HTTP side so that `bot/http` never imports `bot/app` (the composition root imports `bot/http`,
 * not the other way round); `createFaqLoop` in `bot/app/faq-loop.ts` implements it and re-exports these types.
 */
import type { FaqDraft } from '../../ports/faq-drafts.ts';

/** Outcome of a loop step (German message for the CLI/console). */
export type FaqStep =
  { readonly kind: 'ok'; readonly message: string; readonly draftId?: number } | { readonly kind: 'refused'; readonly message: string };

/** The FAQ loop's API. */
export interface FaqLoop {
  /** Asks the owner of every FAQ entry that expires within `days` (or has expired) to revalidate it, once per expiry date. */
  remindRevalidation(days?: number): Promise<number>;
  /** Keeps an approved FAQ entry for another year (an owner confirms it is still right). */
  revalidate(draftId: number, by: string): Promise<FaqStep>;
  /** Drafts waiting for an owner's decision. */
  pending(): Promise<FaqDraft[]>;
  /** Drafts an FAQ entry from an answered ticket (only by the Lotse who answered it), optionally edited. */
  draft(ticketRef: string, by: string, edits?: { question?: string; answer?: string }): Promise<FaqStep>;
  /** Like `draft`, with question and answer first drafted by the language model (falls back to the ticket's text). */
  draftWithModel(ticketRef: string, by: string): Promise<FaqStep>;
  /** Approves (indexed at once) or rejects a draft; never by the person who drafted it (four eyes). */
  decide(draftId: number, by: string, approve: boolean): Promise<FaqStep>;
}
