/**
 * Console pages of issue #22: a Digitallotse enters „abwesend bis“ (`/konsole/abwesenheit`), Lotsen, admins and
 * the Personalrat see the aggregated ticket statistics (`/konsole/statistik`, k ≥ 5, no figure per Lotse), and
 * the DSB runs GDPR access and erasure (`/konsole/datenschutz`). The acting person is always the session's
 * directory person, never a form field; refusals come from the core with German text.
 */
import type { AvailabilityResult } from '../../core/escalation/lotse-availability.ts';
import type { DataSubjectResult } from '../../core/privacy/data-subject-requests.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { escapeHtml as e } from '../pages.ts';
import type { ConsoleDeps, LotseDsbConsole } from './console-deps.ts';
import { calendarWeek, consolePage, poolName } from './console-pages.ts';
import { fillText } from './console-texts.ts';
import { postForm, sendHtml, table } from './html.ts';

/** Paths of the pages (also in the route table). */
export const absencePath = '/konsole/abwesenheit';
export const statsPath = '/konsole/statistik';
export const privacyPath = '/konsole/datenschutz';

const notice = (text: string): string => `<p class="notice" role="status">${e(text)}</p>`;
const refusedKinds = new Set<AvailabilityResult['kind']>(['invalid_date', 'in_past', 'too_far', 'not_lotse']);

/** Ids of the routes in the route table. */
export type LotseDsbRouteId = 'absence-page' | 'absence-form' | 'stats-page' | 'privacy-page' | 'privacy-request';

/** Handlers of the routes (ids as in the route table). */
export function lotseDsbHandlers(deps: ConsoleDeps, tools: LotseDsbConsole): Record<LotseDsbRouteId, ProtectedHandler> {
  const t = tools.texts;
  const csrf = (caller: Caller): string => caller.session?.csrfToken ?? '';
  const render = (
    response: Parameters<ProtectedHandler>[1],
    caller: Caller,
    page: { status: number; title: string; body: string; path: string },
  ): void => sendHtml(response, page.status, consolePage(deps, caller, page.title, page.body, page.path));

  const absenceBody = async (caller: Caller, result?: AvailabilityResult): Promise<string> => {
    const personId = caller.principal?.personId;
    const current = personId ? await tools.availability.status(personId) : tools.availability.notLotse();
    const save = postForm(
      absencePath,
      csrf(caller),
      `<p><label>${e(t.absenceLabel)} <input type="date" name="until" required></label></p><p><button type="submit">${e(t.absenceSave)}</button></p>`,
    );
    const clear =
      current.kind === 'status'
        ? postForm(
            absencePath,
            csrf(caller),
            `<input type="hidden" name="clear" value="1"><p><button type="submit" class="secondary">${e(t.absenceClear)}</button></p>`,
          )
        : '';
    return `${result ? notice(result.text) : ''}<p>${e(t.absenceIntro)}</p><p>${e(current.text)}</p>${save}${clear}`;
  };

  const statsBody = async (): Promise<string> => {
    const rows = (await tools.ticketStats()).map((row) => [
      calendarWeek(deps.texts, row.week),
      poolName(deps, row.pool),
      row.tickets ?? '<5',
      row.answered ?? '<5',
      row.medianHoursToAnswer ?? '<5',
      row.open ?? '<5',
    ]);
    return `<p>${e(t.statsIntro)}</p>${rows.length ? table(t.statsCaption, t.statsColumns.split('|'), rows) : `<p class="empty">${e(t.statsNone)}</p>`}`;
  };

  const privacyForm = (caller: Caller): string =>
    postForm(
      privacyPath,
      csrf(caller),
      `<p><label>${e(t.privacyPersonLabel)} <input name="person" required pattern="[A-Za-z0-9._@-]{1,100}" maxlength="100"></label></p>
<p><button type="submit" name="action" value="export">${e(t.privacyExport)}</button></p>
<p><label><input type="checkbox" name="confirm" value="1"> ${e(t.privacyConfirmLabel)}</label></p>
<p><button type="submit" name="action" value="erase" class="secondary">${e(t.privacyErase)}</button></p>`,
    );
  const privacyResult = (result: DataSubjectResult): string => {
    if (result.kind === 'refused') return notice(result.text);
    const heading = fillText(result.kind === 'exported' ? t.privacyExportHeading : t.privacyErasedHeading, { person: result.subject });
    const content = result.kind === 'exported' ? result.data : result.counts;
    return `<h2>${e(heading)}</h2>${result.notes.map((note) => `<p>${e(note)}</p>`).join('')}<pre>${e(JSON.stringify(content, null, 2))}</pre>`;
  };

  return {
    'absence-page': async (_request, response, caller) =>
      render(response, caller, { status: 200, title: t.absenceTitle, body: await absenceBody(caller), path: absencePath }),
    'absence-form': async (_request, response, caller) => {
      const personId = caller.principal?.personId;
      const form = caller.form ?? new URLSearchParams();
      const result = !personId
        ? tools.availability.notLotse()
        : form.get('clear')
          ? await tools.availability.clear(personId)
          : await tools.availability.setAbsent(personId, (form.get('until') ?? '').trim().slice(0, 20));
      // A refusal is a state conflict of this person (409), never an access denial: the route already checked the role.
      render(response, caller, {
        status: refusedKinds.has(result.kind) ? (result.kind === 'not_lotse' ? 409 : 400) : 200,
        title: t.absenceTitle,
        body: await absenceBody(caller, result),
        path: absencePath,
      });
    },
    'stats-page': async (_request, response, caller) =>
      render(response, caller, { status: 200, title: t.statsTitle, body: await statsBody(), path: statsPath }),
    'privacy-page': async (_request, response, caller) =>
      render(response, caller, {
        status: 200,
        title: t.privacyTitle,
        body: `<p>${e(t.privacyIntro)}</p>${privacyForm(caller)}`,
        path: privacyPath,
      }),
    'privacy-request': async (_request, response, caller) => {
      const form = caller.form ?? new URLSearchParams();
      const person = (form.get('person') ?? '').trim();
      const page = (status: number, message: string): void =>
        render(response, caller, {
          status,
          title: t.privacyTitle,
          body: `${message}<p>${e(t.privacyIntro)}</p>${privacyForm(caller)}`,
          path: privacyPath,
        });
      if (!/^[\w.@-]{1,100}$/.test(person)) return page(400, notice(t.privacyPersonMissing));
      const erase = form.get('action') === 'erase';
      if (erase && !form.get('confirm')) return page(400, notice(t.privacyConfirmMissing));
      const by = caller.principal?.personId ?? '';
      const result = erase ? await tools.privacy.erase({ subject: person, by }) : await tools.privacy.export({ subject: person, by });
      page(result.kind === 'refused' ? 409 : 200, privacyResult(result));
    },
  };
}
