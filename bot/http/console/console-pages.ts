/**
 * The console pages (server-rendered, German): overview, Lotse queue, FAQ approvals, knowledge
 * sources, feedback queue and the staff-council report. Each renderer gets only what it shows.
 */
import type { Ticket } from '../../ports/tickets.ts';
import type { Caller } from '../auth/access.ts';
import { escapeHtml } from '../pages.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { renderConsolePage, type NavEntry } from './console-layout.ts';
import { postForm, table } from './html.ts';
import { consoleRoutes } from './route-table.ts';

const pageTitles: Record<string, (texts: ConsoleDeps['texts']) => string> = {
  '/konsole/tickets': (texts) => texts.ticketsTitle,
  '/konsole/faq': (texts) => texts.faqTitle,
  '/konsole/quellen': (texts) => texts.sourcesTitle,
  '/konsole/rueckmeldungen': (texts) => texts.feedbackTitle,
  '/konsole/berichte': (texts) => texts.reportsTitle,
  '/konsole/hr': (texts) => texts.hrNewsTitle,
  '/konsole/umfragen': (texts) => texts.hrSurveysTitle,
};

/** Navigation entries the caller may open (the same table the server enforces). */
export function navFor(deps: ConsoleDeps, caller: Caller): NavEntry[] {
  const roles = caller.principal?.roles ?? [];
  return consoleRoutes
    .filter((route) => route.method === 'GET' && pageTitles[route.path])
    .filter((route) => !Array.isArray(route.access) || route.access.some((role) => roles.includes(role)))
    .map((route) => ({ href: route.path, label: pageTitles[route.path]!(deps.texts) }));
}

/** Wraps a body into the console frame for the caller. */
export function consolePage(deps: ConsoleDeps, caller: Caller, title: string, body: string): string {
  return renderConsolePage(deps.texts, {
    title, body, nav: navFor(deps, caller),
    ...(caller.principal ? { principal: caller.principal } : {}),
    ...(caller.session ? { csrfToken: caller.session.csrfToken } : {}),
  });
}

/** Overview: links to what the caller may do. */
export function overviewBody(deps: ConsoleDeps, caller: Caller): string {
  const entries = navFor(deps, caller);
  return entries.length ? `<ul>${entries.map((entry) => `<li><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.label)}</a></li>`).join('')}</ul>` : `<p>${escapeHtml(deps.texts.backToChat)}: <a href="/">lotse</a></p>`;
}

function ticketRow(deps: ConsoleDeps, caller: Caller, ticket: Ticket): (string | { html: string })[] {
  const csrf = caller.session?.csrfToken ?? '';
  const tried = ticket.tried.map((passage) => `${passage.title} – ${passage.section}`).join('; ');
  const claim = ticket.state !== 'claimed' ? postForm(`/konsole/tickets/${ticket.id}/claim`, csrf, `<button type="submit">${escapeHtml(deps.texts.ticketClaim)}</button>`) : '';
  const answerId = `answer-${ticket.number}`;
  const answer = postForm(`/konsole/tickets/${ticket.id}/answer`, csrf,
    `<label for="${answerId}">${escapeHtml(deps.texts.ticketAnswerLabel)}</label><textarea id="${answerId}" name="text" rows="3" required maxlength="4000"></textarea><button type="submit">${escapeHtml(deps.texts.ticketAnswer)}</button>`);
  return [String(ticket.number), ticket.question, ticket.state, ticket.reason, tried, { html: claim + answer }];
}

/** The Lotse queue with claim and answer forms. */
export function ticketsBody(deps: ConsoleDeps, caller: Caller, tickets: readonly Ticket[]): string {
  if (!tickets.length) return `<p>${escapeHtml(deps.texts.ticketsEmpty)}</p>`;
  const texts = deps.texts;
  return table(texts.ticketsTitle, [texts.ticketNumber, texts.ticketQuestion, texts.ticketState, texts.ticketReason, texts.ticketTried, ''], tickets.map((ticket) => ticketRow(deps, caller, ticket)));
}

/** Approved FAQ entries with their expiry and a "keep one more year" button for owners. */
function faqEntriesTable(deps: ConsoleDeps, csrf: string, mayDecide: boolean): string {
  const entries = deps.faqEntries();
  if (!entries.length) return '';
  return table(deps.texts.faqEntriesTitle, ['Nr.', deps.texts.ticketQuestion, deps.texts.sourceValidity, ''], entries.map((entry) => [
    String(entry.draftId), entry.question, entry.validTo,
    { html: mayDecide ? postForm(`/konsole/faq/${entry.draftId}/revalidate`, csrf, `<button type="submit">${escapeHtml(deps.texts.faqRevalidate)}</button>`) : '' },
  ]));
}

/** Pending FAQ drafts with approve/reject forms, then the approved entries. */
export function faqBody(deps: ConsoleDeps, caller: Caller): string {
  const drafts = deps.pendingDrafts();
  const csrf = caller.session?.csrfToken ?? '';
  const mayDecide = caller.principal?.roles.includes('owner') ?? false;
  const entries = faqEntriesTable(deps, csrf, mayDecide);
  if (!drafts.length) return `<p>${escapeHtml(deps.texts.faqEmpty)}</p>${entries}`;
  return entries + table(deps.texts.faqTitle, ['Nr.', deps.texts.ticketQuestion, deps.texts.ticketAnswer, ''], drafts.map((draft) => [
    String(draft.id), draft.question, draft.answer,
    { html: mayDecide ? postForm(`/konsole/faq/${draft.id}/approve`, csrf, `<button type="submit">${escapeHtml(deps.texts.faqApprove)}</button>`) + postForm(`/konsole/faq/${draft.id}/reject`, csrf, `<button type="submit">${escapeHtml(deps.texts.faqReject)}</button>`) : '' },
  ]));
}

/** Knowledge sources with index status, the last skipped files, upload and re-index. */
export function sourcesBody(deps: ConsoleDeps, caller: Caller): string {
  const texts = deps.texts;
  const documents = deps.documents();
  const rows = documents.map(({ meta, chunks }) => [meta.id, meta.title, meta.type, meta.owner ?? '–', meta.stand ?? '–', meta.validTo ?? '–', String(chunks)]);
  const last = deps.lastIngest();
  const skipped = last?.skipped.length ? table(texts.sourcesSkipped, ['Datei', 'Grund'], last.skipped.map((entry) => [entry.file, entry.reason])) : '';
  const upload = `<section aria-labelledby="upload-heading"><h2 id="upload-heading">${escapeHtml(texts.sourcesUpload)}</h2><p>${escapeHtml(texts.sourcesUploadHint)}</p>
<form id="upload-form" data-csrf="${escapeHtml(caller.session?.csrfToken ?? '')}"><label for="upload-file">${escapeHtml(texts.sourcesUpload)}</label><input id="upload-file" type="file" required><button type="submit">${escapeHtml(texts.sourcesUpload)}</button><p id="upload-status" role="status"></p></form></section>
<script src="/assets/console.js" type="module"></script>`;
  const reindex = caller.principal?.roles.includes('admin') ? postForm('/konsole/quellen/neu-indizieren', caller.session?.csrfToken ?? '', `<button type="submit">${escapeHtml(texts.sourcesReindex)}</button>`) : '';
  const options = documents.map(({ meta }) => `<option value="${escapeHtml(meta.id)}">${escapeHtml(meta.title)} (${escapeHtml(meta.id)})</option>`).join('');
  const validity = `<section aria-labelledby="validity-heading"><h2 id="validity-heading">${escapeHtml(texts.validityTitle)}</h2>${postForm('/konsole/quellen/gueltigkeit', caller.session?.csrfToken ?? '',
    `<p><label for="validity-document">${escapeHtml(texts.validityDocument)}</label> <select id="validity-document" name="document" required>${options}</select></p>
<p><label for="validity-date">${escapeHtml(texts.validityDate)}</label> <input id="validity-date" name="valid_to" pattern="\\d{4}-\\d{2}-\\d{2}"></p>
<p><label for="validity-supersedes">${escapeHtml(texts.validitySupersedes)}</label> <input id="validity-supersedes" name="supersedes"></p>
<button type="submit">${escapeHtml(texts.validitySave)}</button>`)}</section>`;
  const listing = table(texts.sourcesTitle, ['Pfad', 'Titel', texts.sourceType, texts.sourceOwner, texts.sourceStand, texts.sourceValidity, texts.sourceChunks], rows);
  return listing + skipped + upload + validity + reindex;
}

/** Names of the caller's unit and its parents (document owners are unit names). */
/** Names of the caller's unit and its parents (documents name these as `owner`). */
export function callerUnitNames(deps: ConsoleDeps, caller: Caller): Set<string> {
  const person = caller.principal?.personId ? deps.directory.person(caller.principal.personId) : undefined;
  return new Set(person ? deps.directory.unitPath(person.unit).map((unit) => unit.name) : []);
}

/** Admins may change every document; owners those owned by their unit (or a parent unit). */
export function ownsDocument(deps: ConsoleDeps, caller: Caller, documentId: string): boolean {
  if (caller.principal?.roles.includes('admin')) return true;
  const owner = deps.document(documentId)?.owner;
  return owner !== undefined && callerUnitNames(deps, caller).has(owner);
}

/** Thumbs-down answers grouped by cited document; owners see the documents of their units, admins all. */
export function feedbackBody(deps: ConsoleDeps, caller: Caller): string {
  const roles = caller.principal?.roles ?? [];
  const units = callerUnitNames(deps, caller);
  const ownerOf = (document: string): string => deps.document(document)?.owner ?? '';
  const groups = new Map<string, { count: number; reasons: string[] }>();
  for (const entry of deps.negativeFeedback()) {
    for (const document of entry.documents.length ? entry.documents : ['(ohne Quelle)']) {
      if (!roles.includes('admin') && !units.has(ownerOf(document))) continue;
      const group = groups.get(document) ?? { count: 0, reasons: [] };
      group.count += 1;
      if (entry.reason) group.reasons.push(entry.reason);
      groups.set(document, group);
    }
  }
  if (!groups.size) return `<p>${escapeHtml(deps.texts.feedbackEmpty)}</p>`;
  const rows = [...groups].sort((a, b) => b[1].count - a[1].count).map(([document, group]) => [document, ownerOf(document) || '–', String(group.count), group.reasons.slice(0, 5).join(' · ')]);
  return table(deps.texts.feedbackTitle, ['Dokument', deps.texts.sourceOwner, deps.texts.feedbackCount, deps.texts.feedbackReasons], rows);
}

/** The aggregated weekly report (k ≥ 5, no per-person figures). */
export function reportsBody(deps: ConsoleDeps): string {
  const texts = deps.texts;
  const show = (value: number | null, percent = false): string => (value === null ? texts.suppressed : percent ? `${Math.round(value * 100)} %` : String(value));
  const rows = deps.weeklyReport().map((week) => [week.week, show(week.turns), show(week.refusedRate, true), show(week.escalatedRate, true), show(week.noAnswerRate, true),
    week.rules.map((rule) => `${rule.id} (${rule.clause}): ${show(rule.count)}`).join('; '), week.unansweredTopics.map((topic) => `${topic.topic} (${topic.askers})`).join(', ') || '–']);
  return `<p>${escapeHtml(texts.reportsNote)}</p>` + table(texts.reportsTitle, [texts.reportWeek, texts.reportTurns, texts.reportRefused, texts.reportEscalated, texts.reportNoAnswer, texts.reportRules, texts.reportTopics], rows);
}
