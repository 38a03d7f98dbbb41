/**
 * The answer → FAQ loop: an answered ticket becomes a draft (by its Lotse), a document owner who did not
 * draft it approves it (four eyes), and the entry is indexed at once as an FAQ document with Stand, an
 * expiry date (one year) and a link to its ticket. Expired entries are no longer used (validity scope).
 */
import type { Directory } from '../ports/directory.ts';
import type { IngestedDocument } from '../ports/knowledge.ts';
import type { EscalationService } from '../core/escalation/escalation-service.ts';
import type { SqliteFaqDrafts } from '../adapters/storage/sqlite-faq-drafts.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** Prefix of FAQ documents made from tickets; folder ingests never remove them. */
export const ticketFaqPrefix = 'lotse-faq/';

/** Outcome of a loop step (German message for the CLI/console). */
export type FaqStep = { readonly kind: 'ok'; readonly message: string; readonly draftId?: number } | { readonly kind: 'refused'; readonly message: string };

function faqDocument(draft: { id: number; question: string; answer: string; ticketNumber: number }, today: string, owner: string): IngestedDocument {
  const id = `${ticketFaqPrefix}${draft.id}.md`;
  const text = `${draft.question}\n${draft.answer}`;
  const expires = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return {
    meta: { id, title: 'Antworten der Digitallotsen', type: 'faq', stand: today, validTo: expires, owner, supersedes: [], visibility: [], url: `ticket:${draft.ticketNumber}`, checksum: `faq-${draft.id}` },
    text,
    chunks: [{ id: `${id}#0`, documentId: id, ordinal: 0, section: draft.question, text, start: 0, end: text.length, kind: 'faq', faq: { question: draft.question, answer: draft.answer } }],
  };
}

/** Creates the loop over tickets, drafts, directory and knowledge base. */
export function createFaqLoop(deps: { escalation: EscalationService; drafts: SqliteFaqDrafts; directory: Directory; knowledge: KnowledgeBase; now: () => Date }) {
  return {
    /** Drafts waiting for an owner's decision. */
    pending: () => deps.drafts.list('draft'),
    draft(ticketRef: string, by: string, edits: { question?: string; answer?: string } = {}): FaqStep {
      const ticket = deps.escalation.get(ticketRef);
      if (!ticket?.answer) return { kind: 'refused', message: 'Nur beantwortete Anfragen können zu einem FAQ-Eintrag werden.' };
      if (ticket.answer.by !== by) return { kind: 'refused', message: 'Den Entwurf erstellt die Digitallotsin oder der Digitallotse, die oder der geantwortet hat.' };
      const draft = deps.drafts.create({ ticketId: ticket.id, question: edits.question ?? ticket.question, answer: edits.answer ?? ticket.answer.text, draftedBy: by, at: deps.now().toISOString() });
      return { kind: 'ok', draftId: draft.id, message: `FAQ-Entwurf Nr. ${draft.id} wartet auf die Freigabe einer verantwortlichen Person.` };
    },
    async decide(draftId: number, by: string, approve: boolean): Promise<FaqStep> {
      const draft = deps.drafts.get(draftId);
      if (!draft || draft.state !== 'draft') return { kind: 'refused', message: 'Diesen offenen Entwurf gibt es nicht.' };
      if (!deps.directory.person(by)?.roles.includes('owner')) return { kind: 'refused', message: 'Freigeben dürfen nur verantwortliche Personen für Dokumente.' };
      if (draft.draftedBy === by) return { kind: 'refused', message: 'Vier-Augen-Prinzip: Wer den Entwurf erstellt hat, kann ihn nicht freigeben.' };
      if (!deps.drafts.decide(draftId, approve ? 'approved' : 'rejected', by, deps.now().toISOString())) return { kind: 'refused', message: 'Der Entwurf wurde bereits entschieden.' };
      if (!approve) return { kind: 'ok', message: `FAQ-Entwurf Nr. ${draftId} abgelehnt.` };
      const ticketNumber = deps.escalation.get(draft.ticketId)?.number ?? 0;
      await deps.knowledge.put(faqDocument({ id: draft.id, question: draft.question, answer: draft.answer, ticketNumber }, deps.now().toISOString().slice(0, 10), by));
      deps.knowledge.save();
      return { kind: 'ok', message: `FAQ-Eintrag Nr. ${draftId} freigegeben und sofort im Index.` };
    },
  };
}

/** The FAQ loop's API. */
export type FaqLoop = ReturnType<typeof createFaqLoop>;
