/**
 * HR and Personalrat in the console: compose news (audience from the directory, send time in Berlin time,
 * four-eyes release, delivery report), and surveys (a labelled form, Personalrat approval, open/close,
 * k-anonymous results with SVG charts and a CSV of aggregates). The services do the checks; the pages only
 * render and forward.
 */
import { parse as parseYaml } from 'yaml';
import type { Hr } from '../hr-deps.ts';
import { broadcastDraftSchema, describeIssues, surveyDraftSchema } from '../../core/hr/hr-schemas.ts';
import { resultCharts, resultsCsvDownload } from '../../core/hr/results-export.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { escapeHtml } from '../pages.ts';
import { formatBerlinDateTime } from './berlin-time.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { consolePage, errorPage } from './console-pages.ts';
import { fillText, type ConsoleTexts } from './console-texts.ts';
import { audienceOf, composeForm, surveyDraftOf, surveyForm, timeField } from './hr-forms.ts';
import { postForm, seeOther, sendHtml, table } from './html.ts';

const actorOf = (caller: Caller): string => caller.principal?.personId ?? caller.userId;
const alert = (text: string): string => `<p class="notice" role="alert">${escapeHtml(text)}</p>`;
const e = escapeHtml;

async function newsBody(deps: ConsoleDeps, hr: Hr, caller: Caller, values?: URLSearchParams): Promise<string> {
  const t = deps.texts;
  const csrf = caller.session?.csrfToken ?? '';
  const rows = await Promise.all(
    (await hr.broadcasts.list())
      .slice(-50)
      .reverse()
      .map(async (broadcast) => {
        const report = await hr.broadcasts.report(broadcast.id);
        const counts =
          report.kind === 'ok'
            ? fillText(t.hrNewsDelivery, {
                sent: String(report.report.sent),
                recipients: String(report.report.recipients),
                failed: String(report.report.failed),
                acknowledged: String(report.report.acknowledged),
              })
            : '–';
        const release =
          broadcast.state === 'draft'
            ? postForm(`/konsole/hr/nachrichten/${e(broadcast.id)}/freigeben`, csrf, `<button type="submit">${e(t.hrNewsRelease)}</button>`)
            : '';
        return [
          broadcast.content.title,
          t.labels.broadcastStates[broadcast.state],
          formatBerlinDateTime(broadcast.sendAt),
          counts,
          { html: release },
        ];
      }),
  );
  const list = rows.length
    ? table(t.hrNewsTitle, [...t.hrNewsColumns.split('|'), t.actionsColumn], rows)
    : `<p class="empty">${e(t.hrNewsNone)}</p>`;
  return (
    `<p>${e(t.hrNewsFourEyes)}</p>` +
    (caller.principal?.roles.includes('hr') ? composeForm(t, csrf, deps.directory.units(), values) : '') +
    list
  );
}

async function surveysBody(deps: ConsoleDeps, hr: Hr, caller: Caller, values?: URLSearchParams): Promise<string> {
  const t = deps.texts;
  const csrf = caller.session?.csrfToken ?? '';
  const roles = caller.principal?.roles ?? [];
  const step = (id: string, action: string, label: string): string =>
    postForm(`/konsole/umfragen/${e(id)}/${action}`, csrf, `<button type="submit">${e(label)}</button>`);
  const rows = (await hr.surveys.list())
    .slice(-50)
    .reverse()
    .map((survey) => {
      const actions = [
        survey.state === 'draft' && roles.includes('personalrat') ? step(survey.id, 'freigeben', t.hrSurveyApprove) : '',
        survey.state === 'approved' && roles.includes('hr') ? step(survey.id, 'oeffnen', t.hrSurveyOpen) : '',
        survey.state === 'open' && roles.includes('hr') ? step(survey.id, 'schliessen', t.hrSurveyClose) : '',
        survey.state !== 'draft'
          ? `<a href="/konsole/umfragen/${encodeURIComponent(survey.id)}/ergebnisse">${e(t.hrSurveyResults)}</a>`
          : '',
      ].join(' ');
      const state =
        t.labels.surveyStates[survey.state] + (survey.approvedBy && survey.state !== 'approved' ? ` ${t.hrSurveyApproved}` : '');
      return [
        survey.title,
        state,
        `${formatBerlinDateTime(survey.opensAt)} – ${formatBerlinDateTime(survey.closesAt)}`,
        String(survey.questions.length),
        { html: actions },
      ];
    });
  const list = rows.length
    ? table(t.hrSurveysTitle, [...t.hrSurveyColumns.split('|'), t.actionsColumn], rows)
    : `<p class="empty">${e(t.hrSurveysNone)}</p>`;
  return (roles.includes('hr') ? surveyForm(t, csrf, deps.directory.units(), values) : '') + list;
}

async function resultsBody(t: ConsoleTexts, hr: Hr, id: string): Promise<string> {
  const results = await hr.surveys.results(id);
  if (results.kind !== 'ok') return alert(results.message);
  const charts = resultCharts(results.results)
    .map((chart) => chart.svg ?? `<p>${e(t.hrSurveySuppressed)}</p>`)
    .join('\n');
  return `${charts}<p><a href="/konsole/umfragen/${encodeURIComponent(id)}/ergebnisse.csv">${e(t.hrSurveyCsv)}</a></p>`;
}

/** The survey draft of the form, or a German reason; `definition` (YAML) is still accepted from scripts. */
function surveyInput(t: ConsoleTexts, form: URLSearchParams): { kind: 'ok'; raw: unknown } | { kind: 'invalid'; message: string } {
  const definition = form.get('definition');
  if (definition !== null) {
    try {
      return { kind: 'ok', raw: parseYaml(definition) };
    } catch (error) {
      return {
        kind: 'invalid',
        message: fillText(t.hrSurveyInvalidYaml, { details: error instanceof Error ? (error.message.split('\n')[0] ?? '') : '' }),
      };
    }
  }
  const opensAt = timeField(form, 'opensAt');
  const closesAt = timeField(form, 'closesAt');
  if (opensAt.kind !== 'ok') return { kind: 'invalid', message: fillText(t.hrTimeInvalid, { field: t.hrSurveyOpensAt }) };
  if (closesAt.kind !== 'ok') return { kind: 'invalid', message: fillText(t.hrTimeInvalid, { field: t.hrSurveyClosesAt }) };
  const raw = surveyDraftOf(form, { opensAt: opensAt.iso, closesAt: closesAt.iso });
  if (!(raw.questions as unknown[]).length) return { kind: 'invalid', message: t.hrSurveyNoQuestion };
  return { kind: 'ok', raw };
}

/** Handlers of the HR console routes (ids as in the route table). */
export function hrConsoleHandlers(
  deps: ConsoleDeps,
  hr: Hr,
): Record<
  | 'hr-news-page'
  | 'hr-news-create'
  | 'hr-news-release'
  | 'hr-surveys-page'
  | 'hr-survey-create'
  | 'hr-survey-step'
  | 'hr-survey-results'
  | 'hr-survey-csv',
  ProtectedHandler
> {
  const t = deps.texts;
  const render = (
    response: Parameters<ProtectedHandler>[1],
    caller: Caller,
    page: { title: string; body: string; current?: string },
    status = 200,
  ): void => sendHtml(response, status, consolePage(deps, caller, page.title, page.body, page.current));
  const news = async (response: Parameters<ProtectedHandler>[1], caller: Caller, status = 200, problem?: string): Promise<void> =>
    render(
      response,
      caller,
      {
        title: t.hrNewsTitle,
        current: '/konsole/hr',
        body: (problem ? alert(problem) : '') + (await newsBody(deps, hr, caller, problem ? caller.form : undefined)),
      },
      status,
    );
  const surveys = async (response: Parameters<ProtectedHandler>[1], caller: Caller, status = 200, problem?: string): Promise<void> =>
    render(
      response,
      caller,
      {
        title: t.hrSurveysTitle,
        current: '/konsole/umfragen',
        body: (problem ? alert(problem) : '') + (await surveysBody(deps, hr, caller, problem ? caller.form : undefined)),
      },
      status,
    );
  return {
    'hr-news-page': async (_request, response, caller) => news(response, caller),
    'hr-news-create': async (_request, response, caller) => {
      const form = caller.form ?? new URLSearchParams();
      const sendAt = timeField(form, 'sendAt');
      if (sendAt.kind === 'invalid') return news(response, caller, 400, fillText(t.hrTimeInvalid, { field: t.hrNewsSendAt }));
      const draft = broadcastDraftSchema.safeParse({
        title: form.get('title') ?? '',
        text: form.get('text') ?? '',
        acknowledge: form.get('acknowledge') === 'true',
        audience: audienceOf(form),
        ...(form.get('link') ? { link: form.get('link') } : {}),
        ...(sendAt.kind === 'ok' ? { sendAt: sendAt.iso } : {}),
      });
      if (!draft.success) return news(response, caller, 400, fillText(t.hrInvalid, { details: describeIssues(draft.error) }));
      const created = await hr.broadcasts.create(actorOf(caller), draft.data);
      if (created.kind !== 'ok') return news(response, caller, 409, created.message);
      seeOther(response, '/konsole/hr');
    },
    'hr-news-release': async (request, response, caller) => {
      const released = await hr.broadcasts.release(actorOf(caller), String(request.params.id));
      if (released.kind !== 'ok') return news(response, caller, 409, released.message);
      await hr.jobs.runDue();
      seeOther(response, '/konsole/hr');
    },
    'hr-surveys-page': async (_request, response, caller) => surveys(response, caller),
    'hr-survey-create': async (_request, response, caller) => {
      const input = surveyInput(t, caller.form ?? new URLSearchParams());
      if (input.kind !== 'ok') return surveys(response, caller, 400, input.message);
      const draft = surveyDraftSchema.safeParse(input.raw);
      if (!draft.success) return surveys(response, caller, 400, fillText(t.hrInvalid, { details: describeIssues(draft.error) }));
      const created = await hr.surveys.create(actorOf(caller), draft.data);
      if (created.kind !== 'ok') return surveys(response, caller, 409, created.message);
      seeOther(response, '/konsole/umfragen');
    },
    'hr-survey-step': async (request, response, caller) => {
      const id = String(request.params.id);
      const step = String(request.params.step);
      const roles = caller.principal?.roles ?? [];
      const result =
        step === 'freigeben'
          ? await hr.surveys.approve(actorOf(caller), id)
          : (step === 'oeffnen' || step === 'schliessen') && roles.includes('hr')
            ? step === 'oeffnen'
              ? await hr.surveys.open(id)
              : await hr.surveys.close(id)
            : { kind: 'refused' as const, message: t.hrNotYours };
      if (result.kind !== 'ok') return surveys(response, caller, 409, result.message);
      seeOther(response, '/konsole/umfragen');
    },
    'hr-survey-results': async (request, response, caller) => {
      const id = String(request.params.id);
      if (!(await hr.surveys.get(id)))
        return sendHtml(response, 404, errorPage(deps, caller, { title: t.notFoundTitle, message: t.notFoundText }));
      render(response, caller, { title: t.hrResultsTitle, body: await resultsBody(t, hr, id) });
    },
    'hr-survey-csv': async (request, response, caller) => {
      const results = await hr.surveys.results(String(request.params.id));
      if (results.kind !== 'ok')
        return sendHtml(response, 404, errorPage(deps, caller, { title: t.notFoundTitle, message: results.message }));
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', 'attachment; filename="umfrage-ergebnisse.csv"');
      response.sendRaw(200, resultsCsvDownload(results.results));
    },
  };
}
