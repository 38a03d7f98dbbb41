/**
 * The console pages (server-rendered, German): overview, FAQ approvals, feedback queue, the staff-council
 * report and the error pages. The queue and the sources have their own files; each renderer gets only
 * what it shows.
 */
import type { Caller } from '../auth/access.ts';
import { escapeHtml } from '../pages.ts';
import { formatGermanDate } from './berlin-time.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { renderConsolePage, type NavEntry } from './console-layout.ts';
import { fillText, roleNames } from './console-texts.ts';
import { postForm, table } from './html.ts';
import { consoleRoutes } from './route-table.ts';
import { queueOf } from './tickets-page.ts';

/** Full titles of the pages (shown as page heading and on the overview tiles). */
const pageTitles: Record<string, (texts: ConsoleDeps['texts']) => string> = {
  '/konsole/tickets': (texts) => texts.ticketsTitle,
  '/konsole/faq': (texts) => texts.faqTitle,
  '/konsole/quellen': (texts) => texts.sourcesTitle,
  '/konsole/rueckmeldungen': (texts) => texts.feedbackTitle,
  '/konsole/berichte': (texts) => texts.reportsTitle,
  '/konsole/hr': (texts) => texts.hrNewsTitle,
  '/konsole/umfragen': (texts) => texts.hrSurveysTitle,
};

/** Short navigation labels of the pages (the page titles are longer). */
const navLabels: Record<string, (texts: ConsoleDeps['texts']) => string> = {
  '/konsole/tickets': (texts) => texts.navTickets,
  '/konsole/faq': (texts) => texts.navFaq,
  '/konsole/quellen': (texts) => texts.navSources,
  '/konsole/rueckmeldungen': (texts) => texts.navFeedback,
  '/konsole/berichte': (texts) => texts.navReports,
  '/konsole/hr': (texts) => texts.navNews,
  '/konsole/umfragen': (texts) => texts.navSurveys,
  '/konsole/reidentifizierung': (texts) => texts.navReidentification,
};

/** Navigation labels of the issue #22 pages, from their own texts; absent when those pages are not wired. */
function toolLabels(deps: ConsoleDeps): Record<string, string> {
  const t = deps.lotseTools?.texts;
  return t ? { '/konsole/abwesenheit': t.navAbsence, '/konsole/statistik': t.navStats, '/konsole/datenschutz': t.navPrivacy } : {};
}

/** Navigation entries the caller may open (the same table the server enforces). */
export function navFor(deps: ConsoleDeps, caller: Caller): NavEntry[] {
  const roles = caller.principal?.roles ?? [];
  return consoleRoutes
    .filter((route) => route.method === 'GET' && (navLabels[route.path] || toolLabels(deps)[route.path]))
    .filter((route) => !Array.isArray(route.access) || route.access.some((role) => roles.includes(role)))
    .map((route) => ({ href: route.path, label: navLabels[route.path]?.(deps.texts) ?? toolLabels(deps)[route.path]! }));
}

/** Wraps a body into the console frame for the caller; `current` marks the navigation entry of the page. */
export function consolePage(deps: ConsoleDeps, caller: Caller, title: string, body: string, current?: string): string {
  return renderConsolePage(deps.texts, {
    title,
    body,
    nav: navFor(deps, caller),
    ...(current ? { current } : {}),
    ...(caller.principal ? { principal: caller.principal } : {}),
    ...(caller.session ? { csrfToken: caller.session.csrfToken } : {}),
  });
}

/** The German error page (403, 404, 409, 500 …) inside the console frame. */
export function errorPage(deps: ConsoleDeps, caller: Caller, page: { title: string; message: string }): string {
  const back = `<p><a href="/konsole">${escapeHtml(deps.texts.backToOverview)}</a></p>`;
  return consolePage(deps, caller, page.title, `<p class="notice" role="alert">${escapeHtml(page.message)}</p>${back}`);
}

/** The 403 page: names the caller's roles, so they know what to ask the administration for. */
export function forbiddenPage(deps: ConsoleDeps, caller: Caller): string {
  return errorPage(deps, caller, {
    title: deps.texts.forbiddenTitle,
    message: fillText(deps.texts.forbiddenText, { roles: roleNames(deps.texts, caller.principal?.roles ?? []) || '–' }),
  });
}

/** Overview: a greeting and a tile per page the caller may open, with what waits there (queue, FAQ drafts). */
export async function overviewBody(deps: ConsoleDeps, caller: Caller): Promise<string> {
  const t = deps.texts;
  const entries = navFor(deps, caller);
  const greeting = `<p>${escapeHtml(fillText(t.overviewIntro, { name: caller.principal?.displayName ?? '' }))}</p>`;
  if (!entries.length) return `<p>${escapeHtml(t.overviewNone)}</p><p><a href="/">${escapeHtml(t.backToChat)}</a></p>`;
  const queued = entries.some((entry) => entry.href === '/konsole/tickets') ? (await queueOf(deps, caller)).length : 0;
  const pending = entries.some((entry) => entry.href === '/konsole/faq') ? (await deps.pendingDrafts()).length : 0;
  const waiting: Record<string, () => number> = { '/konsole/tickets': () => queued, '/konsole/faq': () => pending };
  const tile = (entry: NavEntry): string => {
    const count = waiting[entry.href]?.();
    const badge =
      count === undefined ? '' : ` <span class="badge">${escapeHtml(fillText(t.overviewWaiting, { count: String(count) }))}</span>`;
    const title = pageTitles[entry.href]?.(t) ?? entry.label;
    return `<li><a href="${escapeHtml(entry.href)}"><span class="tile-label">${escapeHtml(entry.label)}</span>${badge}${title === entry.label ? '' : `<span class="tile-text">${escapeHtml(title)}</span>`}</a></li>`;
  };
  return greeting + `<ul class="tiles">${entries.map(tile).join('')}</ul>`;
}

/** Approved FAQ entries with their expiry and a "keep one more year" button for owners. */
function faqEntriesTable(deps: ConsoleDeps, csrf: string, mayDecide: boolean): string {
  const entries = deps.faqEntries();
  if (!entries.length) return '';
  const t = deps.texts;
  return table(
    t.faqEntriesTitle,
    [t.ticketNumber, t.ticketQuestion, t.sourceValidity, ...(mayDecide ? [t.actionsColumn] : [])],
    entries.map((entry) => [
      String(entry.draftId),
      entry.question,
      formatGermanDate(entry.validTo),
      ...(mayDecide
        ? [
            {
              html: postForm(
                `/konsole/faq/${entry.draftId}/revalidate`,
                csrf,
                `<button type="submit" class="secondary">${escapeHtml(t.faqRevalidate)}</button>`,
              ),
            },
          ]
        : []),
    ]),
  );
}

/** Pending FAQ drafts with approve/reject forms, then the approved entries. */
export async function faqBody(deps: ConsoleDeps, caller: Caller): Promise<string> {
  const t = deps.texts;
  const drafts = await deps.pendingDrafts();
  const csrf = caller.session?.csrfToken ?? '';
  const mayDecide = caller.principal?.roles.includes('owner') ?? false;
  const entries = faqEntriesTable(deps, csrf, mayDecide);
  if (!drafts.length) return `<p class="empty">${escapeHtml(t.faqEmpty)}</p>${entries}`;
  return (
    table(
      t.faqTitle,
      [t.ticketNumber, t.ticketQuestion, t.faqAnswer, ...(mayDecide ? [t.actionsColumn] : [])],
      drafts.map((draft) => [
        String(draft.id),
        draft.question,
        draft.answer,
        ...(mayDecide
          ? [
              {
                html:
                  postForm(`/konsole/faq/${draft.id}/approve`, csrf, `<button type="submit">${escapeHtml(t.faqApprove)}</button>`) +
                  postForm(
                    `/konsole/faq/${draft.id}/reject`,
                    csrf,
                    `<button type="submit" class="secondary">${escapeHtml(t.faqReject)}</button>`,
                  ),
              },
            ]
          : []),
      ]),
    ) + entries
  );
}

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

/** An ISO week (`2026-W49`) as a German calendar week (`KW 49/2026`); other values unchanged. */
export function calendarWeek(texts: ConsoleDeps['texts'], week: string): string {
  return week.replace(/^(\d{4})-W(\d{2})$/, (_whole, year: string, number: string) =>
    fillText(texts.reportWeekFormat, { week: String(Number(number)), year }),
  );
}

/** A stored pool key (`unit:A36`, `central`, …) as German text: the unit's name or the queue's label. */
export function poolName(deps: ConsoleDeps, pool: string): string {
  if (pool.startsWith('unit:')) return deps.directory.unit(pool.slice('unit:'.length))?.name ?? pool.slice('unit:'.length);
  const labels: Record<string, string> = deps.texts.labels.pools;
  return labels[pool] ?? pool;
}

/** The aggregated weekly report (k ≥ 5, no per-person figures). */
export async function reportsBody(deps: ConsoleDeps): Promise<string> {
  const texts = deps.texts;
  const show = (value: number | null, percent = false): string =>
    value === null ? texts.suppressed : percent ? `${Math.round(value * 100)} %` : String(value);
  const rows = (await deps.weeklyReport()).map((week) => [
    calendarWeek(texts, week.week),
    show(week.turns),
    show(week.refusedRate, true),
    show(week.escalatedRate, true),
    show(week.noAnswerRate, true),
    week.rules.map((rule) => `${rule.id} (${rule.clause}): ${show(rule.count)}`).join('; ') || '–',
    week.unansweredTopics.map((topic) => `${topic.topic} (${topic.askers})`).join(', ') || '–',
  ]);
  return (
    `<p>${escapeHtml(texts.reportsNote)}</p>` +
    table(
      texts.reportsTitle,
      [
        texts.reportWeek,
        texts.reportTurns,
        texts.reportRefused,
        texts.reportEscalated,
        texts.reportNoAnswer,
        texts.reportRules,
        texts.reportTopics,
      ],
      rows,
    ) +
    (await adminActionsTable(deps))
  );
}

/** Administrative actions per week and kind (issue #22), without persons. */
async function adminActionsTable(deps: ConsoleDeps): Promise<string> {
  const texts = deps.texts;
  const rows = ((await deps.adminReport?.()) ?? []).flatMap((week) =>
    week.actions.map((entry) => [calendarWeek(texts, week.week), texts.labels.adminActions[entry.action], String(entry.count)]),
  );
  return (
    `<h2>${escapeHtml(texts.reportAdminTitle)}</h2><p>${escapeHtml(texts.reportAdminNote)}</p>` +
    (rows.length
      ? table(texts.reportAdminTitle, [texts.reportWeek, texts.reportAdminAction, texts.reportAdminCount], rows)
      : '<p class="empty">–</p>')
  );
}
