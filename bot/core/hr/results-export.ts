/**
 * Exports of k-anonymous survey results: CSV of aggregates only (suppressed cells marked, never a row per
 * person), one SVG chart per question, and the German results message for all staff.
 */
import { fillTemplate } from '../answer/answer-messages.ts';
import type { HrMessages } from './hr-messages.ts';
import type { GroupResult, QuestionResult, SurveyResults } from './k-anonymous-results.ts';
import { renderBarChart } from './render-bar-chart.ts';

// Spreadsheets run a cell starting with = + - @ (or tab/CR before one) as a formula: prefix those with an
// apostrophe so HR-written option texts and unit names stay text (issue #18, item 14; OWASP "CSV injection").
const formulaStart = /^[=+\-@\t\r]/;

const csvCell = (value: string | number): string => {
  const raw = String(value);
  const text = typeof value === 'string' && formulaStart.test(raw) ? `'${raw}` : raw;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 byte order mark: Excel opens a semicolon CSV as UTF-8 only with it (umlauts in unit names). */
export const utf8Bom = '\uFEFF';

function groupRows(question: QuestionResult, group: GroupResult, k: number): string[][] {
  if (group.n === null || group.counts === null) return [[question.questionId, group.label, `<${k}`, '', '']];
  if (question.type === 'text') return [[question.questionId, group.label, String(group.n), '', '']];
  return question.options.map((option, index) => [
    question.questionId,
    group.label,
    String(group.n),
    option,
    String(group.counts![index] ?? 0),
  ]);
}

/** CSV (semicolon-separated, as German spreadsheets expect) of aggregates: question, group, n, option, count. */
export function resultsToCsv(results: SurveyResults): string {
  const header = ['frage', 'gruppe', 'n', 'antwort', 'anzahl'];
  const rows = results.questions.flatMap((question) =>
    [question.total, ...question.groups].flatMap((group) => groupRows(question, group, results.k)),
  );
  return [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** The CSV as a download for spreadsheets: `resultsToCsv` with a UTF-8 byte order mark. */
export function resultsCsvDownload(results: SurveyResults): string {
  return `${utf8Bom}${resultsToCsv(results)}`;
}

/** One SVG chart per question (whole survey), or `null` where the total is suppressed or free text. */
export function resultCharts(results: SurveyResults): readonly { questionId: string; svg: string | null }[] {
  return results.questions.map((question) => {
    if (question.type === 'text' || question.total.counts === null) return { questionId: question.questionId, svg: null };
    const bars = question.options.map((label, index) => ({ label, value: question.total.counts![index] ?? 0 }));
    return {
      questionId: question.questionId,
      svg: renderBarChart({ title: question.text, description: `n = ${question.total.n}.`, bars }, `q-${question.questionId}`),
    };
  });
}

function summaryOf(question: QuestionResult, results: SurveyResults, messages: HrMessages): string {
  const total = question.total;
  if (total.n === null || total.counts === null) return fillTemplate(messages.resultsSuppressed, { k: String(results.k) });
  if (question.type === 'scale') return `Ø ${String(total.mean).replace('.', ',')} von 5 (n = ${total.n})`;
  if (question.type === 'text') return `${question.texts.length} freigegebene Kommentare (n = ${total.n})`;
  const parts = question.options.map((option, index) => `${option}: ${Math.round(((total.counts![index] ?? 0) / total.n!) * 100)} %`);
  return `${parts.join(', ')} (n = ${total.n})`;
}

/** The "Digitalisierung in Zahlen" message: title and one line per question, aggregates only. */
export function resultsMessage(results: SurveyResults, messages: HrMessages): { title: string; text: string } {
  const lines = results.questions.map((question) =>
    fillTemplate(messages.resultsLine, { question: question.text, summary: summaryOf(question, results, messages) }),
  );
  const outro = fillTemplate(messages.resultsOutro, {
    respondents: results.respondents === null ? `<${results.k}` : String(results.respondents),
    k: String(results.k),
  });
  return { title: fillTemplate(messages.resultsTitle, { title: results.title }), text: [...lines, outro].join('\n') };
}
