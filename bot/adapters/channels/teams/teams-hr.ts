/**
 * HR in Teams: news as a card (headline, image, link, „zur Kenntnis genommen“), the acknowledge button,
 * and surveys as one card with all questions ("Umfrage"): the answers travel with the card's single submit,
 * so no dialog state is kept on the server and any replica can take the submit. Everything else is left to
 * the answer pipeline.
 */
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { broadcastCard, readSurveyCard, surveyCard } from './hr-cards.ts';
import type { SubmitResult } from '../../../core/hr/survey-service.ts';
import type { OutboundMessage } from '../../../ports/channel-sender.ts';
import type { AnswerValue, Survey } from '../../../ports/hr-types.ts';
import { cardAttachment } from './answer-card.ts';
import { fillText, type TeamsTexts } from '../../../../prompts/load-teams-texts.ts';

/** What Teams needs from HR. */
export interface TeamsHrDeps {
  /** HR chat commands (newsletter, acknowledgement): a reply, or undefined when the text is not HR's. */
  readonly chat: (personId: string, text: string) => Promise<string | undefined>;
  /** The first open survey the person may still answer. */
  readonly openSurvey: (personId: string) => Promise<Survey | undefined>;
  readonly survey: (id: string) => Promise<Survey | undefined>;
  /** Submits a complete response (the survey service validates it). */
  readonly submit: (personId: string, surveyId: string, answers: Readonly<Record<string, AnswerValue>>) => Promise<SubmitResult>;
  readonly acknowledge: (personId: string, job: string) => Promise<boolean>;
  readonly labels: TeamsHrLabels;
}

/** The German labels of HR in Teams. */
export interface TeamsHrLabels {
  readonly acknowledge: string;
  readonly link: string;
  readonly submit: string;
  readonly acknowledged: string;
  readonly alreadyAcknowledged: string;
  readonly staleSurvey: string;
  readonly noOpenSurvey: string;
  readonly surveyIntro: string;
  readonly surveyInvalid: string;
}

const hrActionSchema = z.discriminatedUnion('hr', [
  z.object({ hr: z.literal('acknowledge'), job: z.string().min(1).max(200) }),
  z
    .object({ hr: z.literal('survey-submit'), surveyId: z.string().min(1).max(200) })
    .catchall(z.union([z.string().max(4000), z.number(), z.boolean()])),
  // Question-by-question cards of earlier versions: answered with a hint to open the current card.
  z.object({ hr: z.literal('survey-answer') }).passthrough(),
]);

const surveyCommand = /^umfrage\.?$/i;

/** The HR labels from the Teams texts. */
export function hrLabels(texts: TeamsTexts): TeamsHrLabels {
  return {
    acknowledge: texts.hrAcknowledge,
    link: texts.hrOpenLink,
    submit: texts.hrSubmit,
    acknowledged: texts.hrAcknowledged,
    alreadyAcknowledged: texts.hrAlreadyAcknowledged,
    staleSurvey: texts.hrStaleSurvey,
    noOpenSurvey: texts.hrNoOpenSurvey,
    surveyIntro: texts.hrSurveyIntro,
    surveyInvalid: texts.hrSurveyInvalid,
  };
}

/** The outgoing activity for an HR message, or undefined for other kinds. */
export function hrActivity(message: OutboundMessage, labels: TeamsHrLabels): Activity | undefined {
  if (message.kind !== 'broadcast') return undefined;
  return Activity.fromObject({
    type: 'message',
    text: message.title ?? message.text,
    attachments: [cardAttachment(broadcastCard(message, labels))],
  });
}

const say = (context: TurnContext, text: string): Promise<unknown> => context.sendActivity(Activity.fromObject({ type: 'message', text }));

/** „Umfrage“: the person's open survey as one card with all questions. */
async function sendSurveyCard(context: TurnContext, deps: TeamsHrDeps, personId: string): Promise<void> {
  const survey = await deps.openSurvey(personId);
  if (!survey) {
    await say(context, deps.labels.noOpenSurvey);
    return;
  }
  const text = fillText(deps.labels.surveyIntro, { title: survey.title, count: String(survey.questions.length) });
  const attachments = [cardAttachment(surveyCard(survey, { submit: deps.labels.submit, header: survey.title }))];
  await context.sendActivity(Activity.fromObject({ type: 'message', text, attachments }));
}

/** Handles a chat text if it belongs to HR; returns whether it did. */
export async function handleHrText(context: TurnContext, deps: TeamsHrDeps, personId: string, text: string): Promise<boolean> {
  if (surveyCommand.test(text.trim())) {
    await sendSurveyCard(context, deps, personId);
    return true;
  }
  const reply = await deps.chat(personId, text);
  if (reply === undefined) return false;
  await say(context, reply);
  return true;
}

async function submitSurveyCard(
  context: TurnContext,
  deps: TeamsHrDeps,
  personId: string,
  data: Readonly<Record<string, unknown>> & { surveyId: string },
): Promise<void> {
  const survey = await deps.survey(data.surveyId);
  if (!survey) {
    await say(context, deps.labels.staleSurvey);
    return;
  }
  const result = await deps.submit(personId, survey.id, readSurveyCard(survey, data));
  if (result.kind !== 'invalid') {
    await say(context, result.message);
    return;
  }
  const question = survey.questions.find((entry) => entry.id === result.questionId)?.text ?? result.questionId;
  await say(context, fillText(deps.labels.surveyInvalid, { question }));
}

/** Handles an HR card action (`{ hr: … }`); returns whether the value was one. */
export async function handleHrAction(
  context: TurnContext,
  deps: TeamsHrDeps,
  personId: string | undefined,
  value: unknown,
): Promise<boolean> {
  if (typeof value !== 'object' || value === null || !('hr' in value)) return false;
  const action = hrActionSchema.safeParse(value);
  if (!action.success || !personId) return false;
  if (action.data.hr === 'acknowledge') {
    const done = await deps.acknowledge(personId, action.data.job);
    await say(context, done ? deps.labels.acknowledged : deps.labels.alreadyAcknowledged);
  } else if (action.data.hr === 'survey-submit') {
    await submitSurveyCard(context, deps, personId, action.data);
  } else {
    await say(context, deps.labels.staleSurvey);
  }
  return true;
}
