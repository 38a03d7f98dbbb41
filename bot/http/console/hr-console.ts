/**
 * HR and Personalrat in the console: compose news (audience, preview count, four-eyes release, delivery
 * report), and surveys (paste a definition, Personalrat approval, open/close, k-anonymous results with
 * SVG charts and a CSV of aggregates). The services do the checks; the pages only render and forward.
 */
import { parse as parseYaml } from 'yaml';
import type { Hr } from '../../app/create-hr.ts';
import { broadcastDraftSchema, describeIssues, surveyDraftSchema } from '../../core/hr/hr-schemas.ts';
import { fillTemplate } from '../../core/answer/answer-messages.ts';
import { resultCharts, resultsCsvDownload } from '../../core/hr/results-export.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { escapeHtml } from '../pages.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { consolePage } from './console-pages.ts';
import { postForm, seeOther, sendHtml, table } from './html.ts';
import type { ConsoleTexts } from './console-texts.ts';

const actorOf = (caller: Caller): string => caller.principal?.personId ?? caller.userId;
const alert = (text: string): string => `<p role="alert">${escapeHtml(text)}</p>`;
const e = escapeHtml;

function composeForm(t: ConsoleTexts, csrf: string): string {
  return postForm('/konsole/hr/nachrichten', csrf, `<h2>${e(t.hrNewHeading)}</h2>
<p><label for="news-title">${e(t.hrNewsHeadline)}</label><br><input id="news-title" name="title" required minlength="3" maxlength="200" size="60"></p>
<p><label for="news-text">${e(t.hrNewsText)}</label><br><textarea id="news-text" name="text" required rows="5" maxlength="4000"></textarea></p>
<p><label for="news-link">${e(t.hrNewsLink)}</label><br><input id="news-link" name="link" type="url" size="60"></p>
<p><label for="news-units">${e(t.hrNewsUnits)}</label><br><input id="news-units" name="units" size="40"></p>
<p><label><input type="checkbox" name="acknowledge" value="true"> ${e(t.hrNewsAcknowledge)}</label></p>
<p><label for="news-send-at">${e(t.hrNewsSendAt)}</label><br><input id="news-send-at" name="sendAt" pattern="\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"></p>
<button type="submit">${e(t.hrNewsSave)}</button>`);
}

function newsBody(t: ConsoleTexts, hr: Hr, caller: Caller): string {
  const csrf = caller.session?.csrfToken ?? '';
  const rows = hr.broadcasts.list().slice(-50).reverse().map((broadcast) => {
    const report = hr.broadcasts.report(broadcast.id);
    const counts = report.kind === 'ok' ? fillTemplate(t.hrNewsDelivery, { sent: String(report.report.sent), recipients: String(report.report.recipients), failed: String(report.report.failed), acknowledged: String(report.report.acknowledged) }) : '–';
    const release = broadcast.state === 'draft' ? postForm(`/konsole/hr/nachrichten/${broadcast.id}/freigeben`, csrf, `<button type="submit">${e(t.hrNewsRelease)}</button>`) : '';
    return [broadcast.content.title, broadcast.state, broadcast.sendAt.slice(0, 16).replace('T', ' '), counts, { html: release }];
  });
  const list = rows.length ? table(t.hrNewsTitle, [...t.hrNewsColumns.split('|'), ''], rows) : `<p>${e(t.hrNewsNone)}</p>`;
  return list + (caller.principal?.roles.includes('hr') ? composeForm(t, csrf) : '') + `<p>${e(t.hrNewsFourEyes)}</p>`;
}

function surveysBody(t: ConsoleTexts, hr: Hr, caller: Caller): string {
  const csrf = caller.session?.csrfToken ?? '';
  const roles = caller.principal?.roles ?? [];
  const step = (id: string, action: string, label: string): string => postForm(`/konsole/umfragen/${id}/${action}`, csrf, `<button type="submit">${escapeHtml(label)}</button>`);
  const rows = hr.surveys.list().slice(-50).reverse().map((survey) => {
    const actions = [
      survey.state === 'draft' && roles.includes('personalrat') ? step(survey.id, 'freigeben', t.hrSurveyApprove) : '',
      survey.state === 'approved' && roles.includes('hr') ? step(survey.id, 'oeffnen', t.hrSurveyOpen) : '',
      survey.state === 'open' && roles.includes('hr') ? step(survey.id, 'schliessen', t.hrSurveyClose) : '',
      survey.state !== 'draft' ? `<a href="/konsole/umfragen/${encodeURIComponent(survey.id)}/ergebnisse">${e(t.hrSurveyResults)}</a>` : '',
    ].join(' ');
    return [survey.title, `${survey.state}${survey.approvedBy ? ` ${t.hrSurveyApproved}` : ''}`, `${survey.opensAt.slice(0, 10)} – ${survey.closesAt.slice(0, 10)}`, String(survey.questions.length), { html: actions }];
  });
  const list = rows.length ? table(t.hrSurveysTitle, [...t.hrSurveyColumns.split('|'), ''], rows) : `<p>${e(t.hrSurveysNone)}</p>`;
  const create = roles.includes('hr') ? postForm('/konsole/umfragen', csrf, `<h2>${e(t.hrSurveyNewHeading)}</h2>
<p><label for="survey-definition">${e(t.hrSurveyDefinition)}</label><br><textarea id="survey-definition" name="definition" rows="14" cols="80" required></textarea></p>
<button type="submit">${e(t.hrSurveySave)}</button>`) : '';
  return list + create;
}

function resultsBody(t: ConsoleTexts, hr: Hr, id: string): string {
  const results = hr.surveys.results(id);
  if (results.kind !== 'ok') return alert(results.message);
  const charts = resultCharts(results.results).map((chart) => chart.svg ?? `<p>${e(t.hrSurveySuppressed)}</p>`).join('\n');
  return `${charts}<p><a href="/konsole/umfragen/${encodeURIComponent(id)}/ergebnisse.csv">${e(t.hrSurveyCsv)}</a></p>`;
}

function audienceOf(units: string): { kind: 'all' } | { kind: 'units'; units: string[]; includeSubunits: true } {
  const list = units.split(',').map((unit) => unit.trim()).filter(Boolean);
  return list.length ? { kind: 'units', units: list, includeSubunits: true } : { kind: 'all' };
}

/** Handlers of the HR console routes (ids as in the route table). */
export function hrConsoleHandlers(deps: ConsoleDeps, hr: Hr): Record<'hr-news-page' | 'hr-news-create' | 'hr-news-release' | 'hr-surveys-page' | 'hr-survey-create' | 'hr-survey-step' | 'hr-survey-results' | 'hr-survey-csv', ProtectedHandler> {
  const render = (response: Parameters<ProtectedHandler>[1], caller: Caller, title: string, body: string, status = 200): void => sendHtml(response, status, consolePage(deps, caller, title, body));
  return {
    'hr-news-page': async (_request, response, caller) => render(response, caller, deps.texts.hrNewsTitle, newsBody(deps.texts, hr, caller)),
    'hr-news-create': async (_request, response, caller) => {
      const form = caller.form ?? new URLSearchParams();
      const draft = broadcastDraftSchema.safeParse({
        title: form.get('title') ?? '', text: form.get('text') ?? '', acknowledge: form.get('acknowledge') === 'true',
        audience: audienceOf(form.get('units') ?? ''),
        ...(form.get('link') ? { link: form.get('link') } : {}), ...(form.get('sendAt') ? { sendAt: `${form.get('sendAt')}:00Z` } : {}),
      });
      if (!draft.success) return render(response, caller, deps.texts.hrNewsTitle, alert(fillTemplate(deps.texts.hrInvalid, { details: describeIssues(draft.error) })) + newsBody(deps.texts, hr, caller), 400);
      const created = hr.broadcasts.create(actorOf(caller), draft.data);
      if (created.kind !== 'ok') return render(response, caller, deps.texts.hrNewsTitle, alert(created.message) + newsBody(deps.texts, hr, caller), 409);
      seeOther(response, '/konsole/hr');
    },
    'hr-news-release': async (request, response, caller) => {
      const released = hr.broadcasts.release(actorOf(caller), String(request.params.id));
      if (released.kind !== 'ok') return render(response, caller, deps.texts.hrNewsTitle, alert(released.message) + newsBody(deps.texts, hr, caller), 409);
      await hr.jobs.runDue();
      seeOther(response, '/konsole/hr');
    },
    'hr-surveys-page': async (_request, response, caller) => render(response, caller, deps.texts.hrSurveysTitle, surveysBody(deps.texts, hr, caller)),
    'hr-survey-create': async (_request, response, caller) => {
      let raw: unknown;
      try {
        raw = parseYaml(caller.form?.get('definition') ?? '');
      } catch (error) {
        return render(response, caller, deps.texts.hrSurveysTitle, alert(fillTemplate(deps.texts.hrSurveyInvalidYaml, { details: error instanceof Error ? error.message.split('\n')[0] ?? '' : '' })) + surveysBody(deps.texts, hr, caller), 400);
      }
      const draft = surveyDraftSchema.safeParse(raw);
      if (!draft.success) return render(response, caller, deps.texts.hrSurveysTitle, alert(fillTemplate(deps.texts.hrInvalid, { details: describeIssues(draft.error) })) + surveysBody(deps.texts, hr, caller), 400);
      const created = hr.surveys.create(actorOf(caller), draft.data);
      if (created.kind !== 'ok') return render(response, caller, deps.texts.hrSurveysTitle, alert(created.message) + surveysBody(deps.texts, hr, caller), 409);
      seeOther(response, '/konsole/umfragen');
    },
    'hr-survey-step': async (request, response, caller) => {
      const id = String(request.params.id);
      const step = String(request.params.step);
      const roles = caller.principal?.roles ?? [];
      const result = step === 'freigeben' ? hr.surveys.approve(actorOf(caller), id)
        : (step === 'oeffnen' || step === 'schliessen') && roles.includes('hr') ? (step === 'oeffnen' ? hr.surveys.open(id) : hr.surveys.close(id))
        : { kind: 'refused' as const, message: deps.texts.hrNotYours };
      if (result.kind !== 'ok') return render(response, caller, deps.texts.hrSurveysTitle, alert(result.message) + surveysBody(deps.texts, hr, caller), 409);
      seeOther(response, '/konsole/umfragen');
    },
    'hr-survey-results': async (request, response, caller) => render(response, caller, deps.texts.hrResultsTitle, resultsBody(deps.texts, hr, String(request.params.id))),
    'hr-survey-csv': async (request, response) => {
      const results = hr.surveys.results(String(request.params.id));
      if (results.kind !== 'ok') return sendHtml(response, 404, alert(results.message));
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', 'attachment; filename="umfrage-ergebnisse.csv"');
      response.sendRaw(200, resultsCsvDownload(results.results));
    },
  };
}
