/**
 * HR in Teams: news as a card (headline, image, link, „zur Kenntnis genommen“), survey questions as
 * cards whose answers go through the same chat dialog as on Jabber ("Umfrage", numbers), and the
 * acknowledge button. Everything else is left to the answer pipeline.
 */
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { broadcastCard, surveyQuestionCard } from '../../../core/hr/hr-cards.ts';
import type { OutboundMessage } from '../../../ports/channel-sender.ts';
import type { Survey } from '../../../ports/hr-types.ts';
import { cardAttachment } from './answer-card.ts';
import type { TeamsTexts } from '../../../../prompts/load-teams-texts.ts';

/** What Teams needs from HR. */
export interface TeamsHrDeps {
  /** The chat dialog: a reply, or undefined when the text is not HR's. */
  readonly chat: (personId: string, text: string) => string | undefined;
  /** The survey question a person is at, if they are in a survey. */
  readonly position: (personId: string) => { readonly surveyId: string; readonly index: number } | undefined;
  readonly survey: (id: string) => Survey | undefined;
  readonly acknowledge: (personId: string, job: string) => boolean;
  readonly labels: { readonly acknowledge: string; readonly link: string; readonly submit: string; readonly acknowledged: string; readonly alreadyAcknowledged: string; readonly staleSurvey: string };
}

const hrActionSchema = z.discriminatedUnion('hr', [
  z.object({ hr: z.literal('acknowledge'), job: z.string().min(1).max(200) }),
  z.object({ hr: z.literal('survey-answer'), surveyId: z.string().min(1).max(200), questionId: z.string().max(60), index: z.number().int().min(0), value: z.union([z.string(), z.number()]).optional() }),
]);

/** The HR labels from the Teams texts. */
export function hrLabels(texts: TeamsTexts): TeamsHrDeps['labels'] {
  return { acknowledge: texts.hrAcknowledge, link: texts.hrOpenLink, submit: texts.hrSubmit, acknowledged: texts.hrAcknowledged, alreadyAcknowledged: texts.hrAlreadyAcknowledged, staleSurvey: texts.hrStaleSurvey };
}

/** The outgoing activity for an HR message, or undefined for other kinds. */
export function hrActivity(message: OutboundMessage, labels: TeamsHrDeps['labels']): Activity | undefined {
  if (message.kind !== 'broadcast') return undefined;
  return Activity.fromObject({ type: 'message', text: message.title ?? message.text, attachments: [cardAttachment(broadcastCard(message, labels))] });
}

async function replyWithNextQuestion(context: TurnContext, deps: TeamsHrDeps, personId: string, reply: string): Promise<void> {
  const position = deps.position(personId);
  const survey = position ? deps.survey(position.surveyId) : undefined;
  const attachments = survey && position ? [cardAttachment(surveyQuestionCard(survey, position.index, { submit: deps.labels.submit, header: survey.title }))] : [];
  await context.sendActivity(Activity.fromObject({ type: 'message', text: reply, ...(attachments.length ? { attachments } : {}) }));
}

/** Handles a chat text if it belongs to HR; returns whether it did. */
export async function handleHrText(context: TurnContext, deps: TeamsHrDeps, personId: string, text: string): Promise<boolean> {
  const reply = deps.chat(personId, text);
  if (reply === undefined) return false;
  await replyWithNextQuestion(context, deps, personId, reply);
  return true;
}

/** Handles an HR card action (`{ hr: … }`); returns whether the value was one. */
export async function handleHrAction(context: TurnContext, deps: TeamsHrDeps, personId: string | undefined, value: unknown): Promise<boolean> {
  if (typeof value !== 'object' || value === null || !('hr' in value)) return false;
  const action = hrActionSchema.safeParse(value);
  if (!action.success || !personId) return false;
  if (action.data.hr === 'acknowledge') {
    const done = deps.acknowledge(personId, action.data.job);
    await context.sendActivity(Activity.fromObject({ type: 'message', text: done ? deps.labels.acknowledged : deps.labels.alreadyAcknowledged }));
    return true;
  }
  const position = deps.position(personId);
  if (!position || position.surveyId !== action.data.surveyId || position.index !== action.data.index) {
    await context.sendActivity(Activity.fromObject({ type: 'message', text: deps.labels.staleSurvey }));
    return true;
  }
  const reply = deps.chat(personId, String(action.data.value ?? ''));
  await replyWithNextQuestion(context, deps, personId, reply ?? deps.labels.staleSurvey);
  return true;
}
