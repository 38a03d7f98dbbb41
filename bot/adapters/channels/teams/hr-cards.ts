/**
 * Adaptive Card JSON (schema 1.5, plain objects, no SDK) for HR messages in Teams: a broadcast with image,
 * link and the „zur Kenntnis genommen“ button; the whole survey as one card with all questions as inputs; and results with a
 * Teams bar chart (`Chart.VerticalBar`, with a FactSet fallback for hosts without charts). Submit actions
 * carry `{ hr: 'acknowledge', job }` or `{ hr: 'survey-submit', surveyId }` plus one input value per question.
 */
import type { OutboundMessage } from '../../../ports/channel-sender.ts';
import type { AnswerValue, Survey, SurveyQuestion } from '../../../ports/hr-types.ts';
import type { SurveyResults } from '../../../core/hr/k-anonymous-results.ts';

/** An Adaptive Card as a JSON object. */
export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly version: '1.5';
  readonly body: readonly object[];
  readonly actions?: readonly object[];
};

const card = (body: readonly object[], actions: readonly object[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...(actions.length ? { actions } : {}),
});

/** A broadcast message as a card. */
export function broadcastCard(message: OutboundMessage, labels: { acknowledge: string; link: string }): AdaptiveCard {
  const body: object[] = [
    ...(message.title ? [{ type: 'TextBlock', text: message.title, size: 'Large', weight: 'Bolder', wrap: true }] : []),
    ...(message.image ? [{ type: 'Image', url: message.image, altText: message.title ?? '' }] : []),
    { type: 'TextBlock', text: message.text, wrap: true },
    ...(message.from ? [{ type: 'TextBlock', text: message.from, isSubtle: true, size: 'Small', wrap: true }] : []),
  ];
  const actions: object[] = [
    ...(message.link ? [{ type: 'Action.OpenUrl', title: labels.link, url: message.link }] : []),
    ...(message.acknowledgeJob
      ? [{ type: 'Action.Submit', title: labels.acknowledge, data: { hr: 'acknowledge', job: message.acknowledgeJob } }]
      : []),
  ];
  return card(body, actions);
}

/** The input id of a question on the survey card. */
export const surveyInputId = (questionId: string): string => `q_${questionId}`;

function questionInput(question: SurveyQuestion): object {
  const choices =
    question.type === 'scale'
      ? ['1', '2', '3', '4', '5'].map((value) => ({ title: value, value }))
      : (question.options ?? []).map((option, position) => ({ title: option, value: String(position + 1) }));
  return question.type === 'text'
    ? { type: 'Input.Text', id: surveyInputId(question.id), isMultiline: true, maxLength: 2000, label: question.text }
    : {
        type: 'Input.ChoiceSet',
        id: surveyInputId(question.id),
        style: 'expanded',
        isMultiSelect: question.type === 'multiple',
        isRequired: !question.optional,
        label: question.text,
        choices,
      };
}

/**
 * The whole survey as one card: every question is an input, one submit sends all answers at once
 * (`{ hr: 'survey-submit', surveyId }` plus the inputs), so no dialog state is kept on any server.
 * Values follow the chat convention (1-based numbers, "1,3" for several); {@link readSurveyCard} converts them.
 */
export function surveyCard(survey: Survey, labels: { submit: string; header: string }): AdaptiveCard {
  return card(
    [{ type: 'TextBlock', text: labels.header, weight: 'Bolder', wrap: true }, ...survey.questions.map(questionInput)],
    [{ type: 'Action.Submit', title: labels.submit, data: { hr: 'survey-submit', surveyId: survey.id } }],
  );
}

function cardValue(question: SurveyQuestion, raw: unknown): AnswerValue | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (question.type === 'text') return text;
  const numbers = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : Number.NaN));
  if (question.type === 'scale') return numbers.length === 1 ? numbers[0] : Number.NaN;
  const indexes = numbers.map((number) => number - 1);
  return question.type === 'multiple' ? indexes : indexes.length === 1 ? indexes[0] : Number.NaN;
}

/** The answers of a submitted survey card (unchecked; the survey service validates them). */
export function readSurveyCard(survey: Survey, data: Readonly<Record<string, unknown>>): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const question of survey.questions) {
    const value = cardValue(question, data[surveyInputId(question.id)]);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

/** Results as a card: one bar chart per question where the whole survey has k answers. */
export function resultsCard(results: SurveyResults, labels: { title: string; suppressed: string }): AdaptiveCard {
  const body: object[] = [{ type: 'TextBlock', text: labels.title, size: 'Large', weight: 'Bolder', wrap: true }];
  for (const question of results.questions) {
    if (question.type === 'text') continue;
    const counts = question.total.counts;
    if (!counts) {
      body.push({ type: 'TextBlock', text: `${question.text}: ${labels.suppressed}`, wrap: true });
      continue;
    }
    const facts = question.options.map((option, index) => ({ title: option, value: String(counts[index] ?? 0) }));
    body.push({
      type: 'Chart.VerticalBar',
      title: `${question.text} (n = ${question.total.n})`,
      data: question.options.map((option, index) => ({ x: option, y: counts[index] ?? 0 })),
      fallback: { type: 'FactSet', facts },
    });
  }
  return card(body);
}
