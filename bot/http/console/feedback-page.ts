/**
 * The owners' feedback queue (issue #22): negative feedback per document with its work state (new → in
 * Arbeit → Quelle geändert / verworfen), counts only from k on, masked reasons, a link to fix the source
 * (the document's address or the upload page), and the form that moves a document to its next state.
 */
import { allowedNextStates, feedbackQueue, type FeedbackQueueRow } from '../../core/feedback/feedback-queue.ts';
import { feedbackStates, type FeedbackState } from '../../ports/feedback-queue.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { escapeHtml as e } from '../pages.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { callerUnitNames, errorPage, ownsDocument } from './console-pages.ts';
import { fillText } from './console-texts.ts';
import { postForm, seeOther, sendHtml, table } from './html.ts';

/** Smallest number of feedback entries on a document that is shown as a number (with reasons). */
export const feedbackMinimum = 5;

async function rowsFor(deps: ConsoleDeps, caller: Caller): Promise<FeedbackQueueRow[]> {
  const admin = caller.principal?.roles.includes('admin') ?? false;
  const units = callerUnitNames(deps, caller);
  const visible = (document: string): boolean => admin || units.has(deps.document(document)?.owner ?? '');
  return feedbackQueue(await deps.negativeFeedback(), (await deps.feedbackQueue?.list()) ?? [], {
    k: feedbackMinimum,
    noSource: deps.texts.feedbackNoSource,
    visible,
  });
}

function fixLink(deps: ConsoleDeps, document: string): string {
  const meta = deps.document(document);
  if (!meta) return '–';
  const href = meta.url && /^https?:\/\//.test(meta.url) ? meta.url : '/konsole/quellen#upload-heading';
  return `<a href="${e(href)}" aria-label="${e(`${deps.texts.feedbackFixSource}: ${meta.title}`)}">${e(deps.texts.feedbackFixSource)}</a>`;
}

function stateForm(deps: ConsoleDeps, caller: Caller, row: FeedbackQueueRow, index: number): string {
  if (!deps.feedbackQueue || !ownsDocument(deps, caller, row.document) || !deps.document(row.document)) return '–';
  const t = deps.texts;
  const options = allowedNextStates(row.state)
    .map((state) => `<option value="${state}">${e(t.labels.feedbackStates[state])}</option>`)
    .join('');
  return postForm(
    '/konsole/rueckmeldungen/status',
    caller.session?.csrfToken ?? '',
    `<input type="hidden" name="document" value="${e(row.document)}">
<label for="feedback-state-${index}">${e(t.feedbackNewState)}</label> <select id="feedback-state-${index}" name="state">${options}</select> <button type="submit" class="secondary">${e(t.feedbackSetState)}</button>`,
  );
}

/** The queue page: one row per document the caller owns (admins: all). */
export async function feedbackBody(deps: ConsoleDeps, caller: Caller): Promise<string> {
  const t = deps.texts;
  const rows = await rowsFor(deps, caller);
  const note = `<p>${e(fillText(t.feedbackNote, { k: String(feedbackMinimum) }))}</p>`;
  if (!rows.length) return `<p class="empty">${e(t.feedbackEmpty)}</p>`;
  const title = (document: string): { html: string } => {
    const meta = deps.document(document);
    return { html: meta ? `${e(meta.title)} <span class="document">(${e(document)})</span>` : e(document) };
  };
  return (
    note +
    table(
      t.feedbackTitle,
      [t.feedbackDocument, t.sourceOwner, t.feedbackState, t.feedbackCount, t.feedbackReasons, t.feedbackFixSource, t.actionsColumn],
      rows.map((row, index) => [
        title(row.document),
        deps.document(row.document)?.owner ?? '–',
        t.labels.feedbackStates[row.state],
        row.count === undefined ? t.suppressed : String(row.count),
        row.reasons.join(' · ') || '–',
        { html: fixLink(deps, row.document) },
        { html: stateForm(deps, caller, row, index) },
      ]),
    )
  );
}

const isState = (value: string): value is FeedbackState => (feedbackStates as readonly string[]).includes(value);

/** `POST /konsole/rueckmeldungen/status`: moves one document's queue to an allowed next state. */
export function feedbackStateHandler(deps: ConsoleDeps, actorOf: (caller: Caller) => string): ProtectedHandler {
  return async (_request, response, caller) => {
    const t = deps.texts;
    const refused = (status: number, title: string, message: string): void =>
      sendHtml(response, status, errorPage(deps, caller, { title, message }));
    const form = caller.form ?? new URLSearchParams();
    const document = form.get('document') ?? '';
    const state = form.get('state') ?? '';
    if (!deps.feedbackQueue || !deps.document(document)) return refused(404, t.notFoundTitle, t.validityUnknownDocument);
    if (!ownsDocument(deps, caller, document)) return refused(403, t.forbiddenTitle, t.validityNotOwner);
    const current = (await rowsFor(deps, caller)).find((row) => row.document === document)?.state ?? 'new';
    if (!isState(state) || !allowedNextStates(current).includes(state)) return refused(409, t.feedbackTitle, t.feedbackStateInvalid);
    await deps.feedbackQueue.set(document, state, actorOf(caller));
    seeOther(response, '/konsole/rueckmeldungen');
  };
}
