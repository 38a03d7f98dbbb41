/**
 * The HR forms of the console as a German admin UI (issue #19, item 8): labelled fields, date and time
 * pickers read as Berlin time, the audience picked from the directory's units, and a survey built from up
 * to five question rows instead of pasted YAML. Reading a form returns the raw draft for the zod schemas.
 */
import type { OrgUnit } from '../../ports/directory.ts';
import { escapeHtml as e } from '../pages.ts';
import { berlinLocalToIso } from './berlin-time.ts';
import { fillText, type ConsoleTexts } from './console-texts.ts';
import { postForm } from './html.ts';

/** Question rows offered by the survey form. */
export const surveyQuestionSlots = 5;
const questionTypes = ['scale', 'single', 'multiple', 'text'] as const;

/** Reads previously entered values back into a form after a refusal. */
type Values = URLSearchParams | undefined;
const valueOf = (values: Values, name: string): string => e(values?.get(name) ?? '');

/** Checkboxes of all units (indented by depth), named `units`. */
export function unitPicker(units: readonly OrgUnit[], text: { legend: string; hint: string }, prefix: string, values: Values): string {
  const depth = (unit: OrgUnit): number => {
    let level = 0;
    for (let parent = unit.parent; parent && level < 3; parent = units.find((other) => other.id === parent)?.parent) level += 1;
    return level;
  };
  const chosen = new Set(values?.getAll('units') ?? []);
  const items = units
    .map(
      (unit) =>
        `<li class="depth-${Math.min(depth(unit), 3)}"><label><input type="checkbox" name="units" value="${e(unit.id)}"${chosen.has(unit.id) ? ' checked' : ''}> ${e(unit.name)}</label></li>`,
    )
    .join('');
  return `<fieldset id="${prefix}-units" aria-describedby="${prefix}-units-hint"><legend>${e(text.legend)}</legend><p id="${prefix}-units-hint" class="muted">${e(text.hint)}</p><ul class="plain units">${items}</ul></fieldset>`;
}

/** The compose form for news. */
export function composeForm(t: ConsoleTexts, csrf: string, units: readonly OrgUnit[], values?: Values): string {
  return `<section class="card" aria-labelledby="news-heading"><h2 id="news-heading">${e(t.hrNewHeading)}</h2>${postForm(
    '/konsole/hr/nachrichten',
    csrf,
    `
<p><label for="news-title">${e(t.hrNewsHeadline)}</label><input id="news-title" name="title" required minlength="3" maxlength="200" value="${valueOf(values, 'title')}"></p>
<p><label for="news-text">${e(t.hrNewsText)}</label><textarea id="news-text" name="text" required rows="5" maxlength="4000">${valueOf(values, 'text')}</textarea></p>
<p><label for="news-link">${e(t.hrNewsLink)}</label><input id="news-link" name="link" type="url" value="${valueOf(values, 'link')}"></p>
${unitPicker(units, { legend: t.hrNewsUnits, hint: t.hrUnitsHint }, 'news', values)}
<p><label class="inline"><input type="checkbox" name="acknowledge" value="true"${values?.get('acknowledge') === 'true' ? ' checked' : ''}> ${e(t.hrNewsAcknowledge)}</label></p>
<p><label for="news-send-at">${e(t.hrNewsSendAt)}</label><input id="news-send-at" name="sendAt" type="datetime-local" value="${valueOf(values, 'sendAt')}"></p>
<button type="submit">${e(t.hrNewsSave)}</button>`,
  )}</section>`;
}

function questionRow(t: ConsoleTexts, slot: number, values: Values): string {
  const name = (field: string): string => `q${slot}-${field}`;
  const type = values?.get(name('type')) ?? 'scale';
  const options = questionTypes
    .map((option) => `<option value="${option}"${option === type ? ' selected' : ''}>${e(t.labels.questionTypes[option])}</option>`)
    .join('');
  return `<fieldset class="question"><legend>${e(fillText(t.hrSurveyQuestion, { number: String(slot) }))}</legend>
<p><label for="${name('text')}">${e(t.hrSurveyQuestionText)}</label><input id="${name('text')}" name="${name('text')}" maxlength="500"${slot === 1 ? ' required' : ''} value="${valueOf(values, name('text'))}"></p>
<p><label for="${name('type')}">${e(t.hrSurveyQuestionType)}</label><select id="${name('type')}" name="${name('type')}">${options}</select></p>
<p><label for="${name('options')}">${e(t.hrSurveyQuestionOptions)}</label><textarea id="${name('options')}" name="${name('options')}" rows="3">${valueOf(values, name('options'))}</textarea></p>
<p><label class="inline"><input type="checkbox" name="${name('optional')}" value="true"${values?.get(name('optional')) === 'true' ? ' checked' : ''}> ${e(t.hrSurveyQuestionOptional)}</label></p></fieldset>`;
}

/** The form for a new survey (HR only). */
export function surveyForm(t: ConsoleTexts, csrf: string, units: readonly OrgUnit[], values?: Values): string {
  const rows = Array.from({ length: surveyQuestionSlots }, (_, index) => questionRow(t, index + 1, values)).join('\n');
  return `<section class="card" aria-labelledby="survey-heading"><h2 id="survey-heading">${e(t.hrSurveyNewHeading)}</h2>${postForm(
    '/konsole/umfragen',
    csrf,
    `
<p><label for="survey-title">${e(t.hrSurveyTitle)}</label><input id="survey-title" name="title" required minlength="3" maxlength="200" value="${valueOf(values, 'title')}"></p>
<p><label for="survey-intro">${e(t.hrSurveyIntro)}</label><textarea id="survey-intro" name="intro" rows="2" maxlength="1000">${valueOf(values, 'intro')}</textarea></p>
<div class="row"><p><label for="survey-opens">${e(t.hrSurveyOpensAt)}</label><input id="survey-opens" name="opensAt" type="datetime-local" required value="${valueOf(values, 'opensAt')}"></p>
<p><label for="survey-closes">${e(t.hrSurveyClosesAt)}</label><input id="survey-closes" name="closesAt" type="datetime-local" required value="${valueOf(values, 'closesAt')}"></p></div>
${unitPicker(units, { legend: t.hrSurveyAudience, hint: t.hrUnitsHint }, 'survey', values)}
<p class="muted">${e(fillText(t.hrSurveyQuestionsHint, { count: String(surveyQuestionSlots) }))}</p>
${rows}
<button type="submit">${e(t.hrSurveySave)}</button>`,
  )}</section>`;
}

/** The audience of a form: the chosen unit ids (or a comma-separated list from scripts), else everybody. */
export function audienceOf(form: URLSearchParams): { kind: 'all' } | { kind: 'units'; units: string[]; includeSubunits: true } {
  const list = form
    .getAll('units')
    .flatMap((value) => value.split(','))
    .map((unit) => unit.trim())
    .filter(Boolean);
  return list.length ? { kind: 'units', units: [...new Set(list)], includeSubunits: true } : { kind: 'all' };
}

/** A Berlin date-time field as ISO UTC: absent when empty, `invalid` when malformed. */
export function timeField(form: URLSearchParams, name: string): { kind: 'empty' } | { kind: 'ok'; iso: string } | { kind: 'invalid' } {
  const raw = (form.get(name) ?? '').trim();
  if (!raw) return { kind: 'empty' };
  const iso = berlinLocalToIso(raw);
  return iso ? { kind: 'ok', iso } : { kind: 'invalid' };
}

/** The survey draft (unvalidated) of the form; the caller validates it with `surveyDraftSchema`. */
export function surveyDraftOf(form: URLSearchParams, times: { opensAt: string; closesAt: string }): Record<string, unknown> {
  const questions = Array.from({ length: surveyQuestionSlots }, (_, index) => index + 1).flatMap((slot) => {
    const text = (form.get(`q${slot}-text`) ?? '').trim();
    if (!text) return [];
    const type = questionTypes.find((entry) => entry === form.get(`q${slot}-type`)) ?? 'scale';
    const options = (form.get(`q${slot}-options`) ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const optional = type === 'text' || form.get(`q${slot}-optional`) === 'true';
    return [{ id: `frage-${slot}`, type, text, optional, ...(type === 'single' || type === 'multiple' ? { options } : {}) }];
  });
  const intro = (form.get('intro') ?? '').trim();
  return { title: form.get('title') ?? '', ...(intro ? { intro } : {}), questions, audience: audienceOf(form), ...times };
}
