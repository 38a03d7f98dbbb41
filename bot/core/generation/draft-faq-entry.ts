/**
 * Drafts a general FAQ entry from an answered ticket with the chat model (issue #7, optional): the
 * question generalised, the answer restricted to what the Lotse wrote. The model's JSON is validated; a
 * draft that adds numbers or dates the Lotse did not write is discarded. A human approves every entry.
 */
import { z } from 'zod';
import type { ChatModel } from '../../ports/chat-model.ts';
import type { PromptTemplate } from '../../ports/prompt-template.ts';

/** Template id (`prompts/faq/draft.md`). */
export const faqDraftPromptId = 'faq.draft';

const draftSchema = z.object({ frage: z.string().trim().min(5).max(300), antwort: z.string().trim().min(5).max(2000) });

/** A model draft, or why there is none (the caller keeps the ticket's own text then). */
export type FaqDraftResult =
  | { readonly kind: 'drafted'; readonly question: string; readonly answer: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

const figures = (text: string): string[] => text.match(/\d+(?:[.,:]\d+)*/g) ?? [];

function jsonOf(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/** Asks the model for a draft; never throws. */
export async function draftFaqEntry(
  deps: { model: ChatModel; templates: ReadonlyMap<string, PromptTemplate> },
  ticket: { question: string; answer: string },
): Promise<FaqDraftResult> {
  const template = deps.templates.get(faqDraftPromptId);
  if (!template) return { kind: 'unavailable', reason: `prompt template ${faqDraftPromptId} is not loaded` };
  const data = (text: string): string => text.replace(/<\s*\/?\s*(anfrage|antwort)/gi, '‹$1');
  const result = await deps.model.generate({
    messages: [{ role: 'user', content: template.render({ question: data(ticket.question), answer: data(ticket.answer) }) }],
    temperature: 0,
    maxTokens: 600,
  });
  if (result.kind !== 'ok') return { kind: 'unavailable', reason: `model: ${result.kind}` };
  const parsed = draftSchema.safeParse(jsonOf(result.text));
  if (!parsed.success) return { kind: 'unavailable', reason: 'model output is not the expected JSON' };
  const allowed = new Set(figures(ticket.answer));
  const added = figures(parsed.data.antwort).filter((figure) => !allowed.has(figure));
  if (added.length) return { kind: 'unavailable', reason: `model added figures the Lotse did not write: ${added.join(', ')}` };
  return { kind: 'drafted', question: parsed.data.frage, answer: parsed.data.antwort };
}
