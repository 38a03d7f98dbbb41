/**
 * The answer → FAQ loop: an answered ticket becomes a draft (by its Lotse), a document owner who did not
 * draft it approves it (four eyes), and the entry is indexed at once as an FAQ document with Stand, an
 * expiry date (one year) and a link to its ticket. Expired entries are no longer used (validity scope).
 */
import type { Directory } from '../ports/directory.ts';
import type { ChannelSender } from '../ports/channel-sender.ts';
import type { EscalationMessages } from '../core/escalation/escalation-messages.ts';
import { fillTemplate } from '../core/answer/answer-messages.ts';
import { formatGermanDate } from '../core/answer/format-date.ts';
import type { FaqDraftResult } from '../core/generation/draft-faq-entry.ts';
import type { IngestedDocument } from '../ports/knowledge.ts';
import type { EscalationService } from '../core/escalation/escalation-service.ts';
import type { FaqDraft, FaqDraftStore } from '../ports/faq-drafts.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import type { FaqLoop, FaqStep } from '../http/console/faq-loop-api.ts';

/** The loop's API and step outcome (defined in `bot/http/console/faq-loop-api.ts`, which the console consumes). */
export type { FaqLoop, FaqStep } from '../http/console/faq-loop-api.ts';

/** Prefix of FAQ documents made from tickets; folder ingests never remove them. */
export const ticketFaqPrefix = 'lotse-faq/';

/** FAQ entries from tickets are valid for one year from their Stand. */
function expiryOf(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
}

/** The FAQ document of an approved draft, with its Stand (approval or revalidation day) and owner. */
export function faqDocument(
  draft: { id: number; question: string; answer: string; ticketNumber: number },
  today: string,
  owner: string,
): IngestedDocument {
  const id = `${ticketFaqPrefix}${draft.id}.md`;
  const text = `${draft.question}\n${draft.answer}`;
  const expires = expiryOf(today);
  return {
    meta: {
      id,
      title: 'Antworten der Digitallotsen',
      type: 'faq',
      stand: today,
      validTo: expires,
      owner,
      supersedes: [],
      visibility: [],
      url: `ticket:${draft.ticketNumber}`,
      checksum: `faq-${draft.id}-${today}`,
    },
    text,
    chunks: [
      {
        id: `${id}#0`,
        documentId: id,
        ordinal: 0,
        section: draft.question,
        text,
        start: 0,
        end: text.length,
        kind: 'faq',
        faq: { question: draft.question, answer: draft.answer },
      },
    ],
  };
}

/** Creates the loop over tickets, drafts, directory and knowledge base. */
export function createFaqLoop(deps: {
  escalation: EscalationService;
  drafts: FaqDraftStore;
  directory: Directory;
  knowledge: KnowledgeBase;
  now: () => Date;
  sender: ChannelSender;
  messages: EscalationMessages;
  drafter?: (ticket: { question: string; answer: string }) => Promise<FaqDraftResult>;
  maskText?: (text: string) => string;
  indexFaq?: (document: IngestedDocument) => Promise<void>;
}): FaqLoop {
  // With replicas the re-index leader adds approved entries to the published index; alone, they are indexed here.
  const indexFaq =
    deps.indexFaq ??
    (async (document: IngestedDocument) => {
      await deps.knowledge.put(document);
      deps.knowledge.save();
    });
  const today = (): string => deps.now().toISOString().slice(0, 10);
  const faqDocuments = () => deps.knowledge.store.listDocuments().filter((meta) => meta.id.startsWith(ticketFaqPrefix));
  const draftIdOf = (documentId: string): number => Number(documentId.slice(ticketFaqPrefix.length).replace(/\.md$/, ''));
  return {
    /** Asks the owner of every FAQ entry that expires within `days` (or has expired) to revalidate it, once per expiry date. */
    async remindRevalidation(days = 14): Promise<number> {
      const horizon = new Date(deps.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
      let sent = 0;
      for (const meta of faqDocuments()) {
        if (!meta.validTo || meta.validTo > horizon || !meta.owner) continue;
        const draft = await deps.drafts.get(draftIdOf(meta.id));
        if (!draft || !(await deps.drafts.markNotice(draft.id, `revalidate:${meta.validTo}`, deps.now().toISOString()))) continue;
        const text = fillTemplate(deps.messages.faqRevalidate, {
          question: draft.question,
          date: formatGermanDate(meta.validTo),
          draft: String(draft.id),
        });
        await deps.sender.send({ kind: 'person', personId: meta.owner }, { kind: 'notice', text });
        sent += 1;
      }
      return sent;
    },
    /** Keeps an approved FAQ entry for another year (an owner confirms it is still right). */
    async revalidate(draftId: number, by: string): Promise<FaqStep> {
      const draft = await deps.drafts.get(draftId);
      const document = deps.knowledge.store.getDocument(`${ticketFaqPrefix}${draftId}.md`);
      if (!draft || draft.state !== 'approved' || !document)
        return { kind: 'refused', message: 'Diesen freigegebenen FAQ-Eintrag gibt es nicht.' };
      if (!deps.directory.person(by)?.roles.includes('owner'))
        return { kind: 'refused', message: 'Verlängern dürfen nur verantwortliche Personen für Dokumente.' };
      const ticketNumber = (await deps.escalation.get(draft.ticketId))?.number ?? 0;
      await deps.drafts.markRevalidated(draftId, by, deps.now().toISOString());
      await indexFaq(faqDocument({ id: draft.id, question: draft.question, answer: draft.answer, ticketNumber }, today(), by));
      return { kind: 'ok', message: `FAQ-Eintrag Nr. ${draftId} bleibt bis ${expiryOf(today())} gültig.` };
    },
    /** Drafts waiting for an owner's decision. */
    pending: (): Promise<FaqDraft[]> => deps.drafts.list('draft'),
    async draft(ticketRef: string, by: string, edits: { question?: string; answer?: string } = {}): Promise<FaqStep> {
      const ticket = await deps.escalation.get(ticketRef);
      if (!ticket?.answer) return { kind: 'refused', message: 'Nur beantwortete Anfragen können zu einem FAQ-Eintrag werden.' };
      if (ticket.answer.by !== by)
        return { kind: 'refused', message: 'Den Entwurf erstellt die Digitallotsin oder der Digitallotse, die oder der geantwortet hat.' };
      const draft = await deps.drafts.create({
        ticketId: ticket.id,
        question: edits.question ?? ticket.question,
        answer: edits.answer ?? ticket.answer.text,
        draftedBy: by,
        at: deps.now().toISOString(),
      });
      return {
        kind: 'ok',
        draftId: draft.id,
        message: `FAQ-Entwurf Nr. ${draft.id} wartet auf die Freigabe einer verantwortlichen Person.`,
      };
    },
    /** Like `draft`, with question and answer first drafted by the language model (falls back to the ticket's text). */
    async draftWithModel(ticketRef: string, by: string): Promise<FaqStep> {
      const ticket = await deps.escalation.get(ticketRef);
      if (!deps.drafter || !ticket?.answer) return await this.draft(ticketRef, by);
      // The model sees question and answer masked like chat questions (names, e-mail, phone …), issue #18 item 12.
      const mask = deps.maskText ?? ((text: string) => text);
      const drafted = await deps.drafter({ question: mask(ticket.question), answer: mask(ticket.answer.text) });
      const step = await this.draft(
        ticketRef,
        by,
        drafted.kind === 'drafted' ? { question: drafted.question, answer: drafted.answer } : {},
      );
      return drafted.kind === 'drafted' || step.kind === 'refused'
        ? step
        : { ...step, message: `${step.message} (Ohne Sprachmodell-Entwurf: ${drafted.reason}.)` };
    },
    async decide(draftId: number, by: string, approve: boolean): Promise<FaqStep> {
      const draft = await deps.drafts.get(draftId);
      if (!draft || draft.state !== 'draft') return { kind: 'refused', message: 'Diesen offenen Entwurf gibt es nicht.' };
      if (!deps.directory.person(by)?.roles.includes('owner'))
        return { kind: 'refused', message: 'Freigeben dürfen nur verantwortliche Personen für Dokumente.' };
      if (draft.draftedBy === by)
        return { kind: 'refused', message: 'Vier-Augen-Prinzip: Wer den Entwurf erstellt hat, kann ihn nicht freigeben.' };
      if (!(await deps.drafts.decide(draftId, approve ? 'approved' : 'rejected', by, deps.now().toISOString())))
        return { kind: 'refused', message: 'Der Entwurf wurde bereits entschieden.' };
      if (!approve) return { kind: 'ok', message: `FAQ-Entwurf Nr. ${draftId} abgelehnt.` };
      const ticketNumber = (await deps.escalation.get(draft.ticketId))?.number ?? 0;
      await indexFaq(
        faqDocument(
          { id: draft.id, question: draft.question, answer: draft.answer, ticketNumber },
          deps.now().toISOString().slice(0, 10),
          by,
        ),
      );
      return { kind: 'ok', message: `FAQ-Eintrag Nr. ${draftId} freigegeben und sofort im Index.` };
    },
  };
}
