/**
 * Adaptive Card JSON (schema 1.5, plain objects, no SDK) for HR messages in Teams: a broadcast with image,
 * link and the „zur Kenntnis genommen“ button; one survey question with its inputs; and results with a
 * Teams bar chart (`Chart.VerticalBar`, with a FactSet fallback for hosts without charts). Submit actions
 * carry `{ hr: 'acknowledge', job }` or `{ hr: 'survey-answer', surveyId, questionId, index }` plus the input `value`.
 */
import type { OutboundMessage } from '../../ports/channel-sender.ts';
import type { Survey } from '../../ports/hr-types.ts';
import type { SurveyResults } from './k-anonymous-results.ts';

/** An Adaptive Card as a JSON object. */
export type AdaptiveCard = { readonly type: 'AdaptiveCard'; readonly version: '1.5'; readonly body: readonly object[]; readonly actions?: readonly object[] };

const card = (body: readonly object[], actions: readonly object[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard', version: '1.5', body, ...(actions.length ? { actions } : {}),
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
    ...(message.acknowledgeJob ? [{ type: 'Action.Submit', title: labels.acknowledge, data: { hr: 'acknowledge', job: message.acknowledgeJob } }] : []),
  ];
  return card(body, actions);
}

/**
 * Question `index` of a survey as a card with one input and a submit button. Values follow the chat
 * convention (1-based numbers, "1,3" for several), so the channel passes `value` to `lotse.hr.chat.handle`.
 */
export function surveyQuestionCard(survey: Survey, index: number, labels: { submit: string; header: string }): AdaptiveCard {
  const question = survey.questions[index]!;
  const choices = question.type === 'scale'
    ? ['1', '2', '3', '4', '5'].map((value) => ({ title: value, value }))
    : (question.options ?? []).map((option, position) => ({ title: option, value: String(position + 1) }));
  const input = question.type === 'text'
    ? { type: 'Input.Text', id: 'value', isMultiline: true, maxLength: 2000, label: question.text }
    : { type: 'Input.ChoiceSet', id: 'value', style: 'expanded', isMultiSelect: question.type === 'multiple', isRequired: !question.optional, label: question.text, choices };
  return card(
    [{ type: 'TextBlock', text: labels.header, isSubtle: true, wrap: true }, input],
    [{ type: 'Action.Submit', title: labels.submit, data: { hr: 'survey-answer', surveyId: survey.id, questionId: question.id, index } }],
  );
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
      type: 'Chart.VerticalBar', title: `${question.text} (n = ${question.total.n})`,
      data: question.options.map((option, index) => ({ x: option, y: counts[index] ?? 0 })),
      fallback: { type: 'FactSet', facts },
    });
  }
  return card(body);
}
