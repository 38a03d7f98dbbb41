/**
 * Loads the German texts of the Teams channel (`prompts/channels/teams.de.yaml`), validated with zod:
 * a missing or empty key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Every key the Teams channel uses. */
export const teamsTextKeys = [
  'aiLabel',
  'sourcesHeading',
  'section',
  'stand',
  'noStand',
  'openSource',
  'helpful',
  'notHelpful',
  'feedbackReasonLabel',
  'feedbackReasonPlaceholder',
  'feedbackSend',
  'feedbackThanks',
  'feedbackNotFound',
  'askLotse',
  'usageRules',
  'thinking',
  'streamingTooLong',
  'greeting',
  'emptyMessage',
  'unsupported',
  'staleAction',
  'replayedAction',
  'invalidAction',
  'unknownPerson',
  'notALotse',
  'ticketTitle',
  'ticketQuestion',
  'ticketReason',
  'ticketTried',
  'ticketNoneTried',
  'ticketState',
  'ticketAssignee',
  'ticketReturnNote',
  'ticketAnswer',
  'ticketClaim',
  'ticketAnswerInputLabel',
  'ticketAnswerPlaceholder',
  'ticketSendAnswer',
  'ticketReroute',
  'ticketClaimed',
  'ticketAnswered',
  'ticketRerouted',
  'stateOpen',
  'stateClaimed',
  'stateAnswered',
  'stateClosed',
  'stateReturned',
  'stateRerouted',
  'stateExpired',
  'reasonNoAnswer',
  'reasonUserRequest',
  'reasonUnhelpful',
  'answerFromLotse',
  'answerHelpful',
  'answerReturn',
  'answerReturnNoteLabel',
  'answerClosed',
  'answerReturned',
  'reminderTitle',
  'noticeTitle',
  'hrAcknowledge',
  'hrOpenLink',
  'hrSubmit',
  'hrAcknowledged',
  'hrAlreadyAcknowledged',
  'hrStaleSurvey',
  'hrNoOpenSurvey',
  'hrSurveyIntro',
  'hrSurveyInvalid',
  'devModeLoopbackOnly',
  'foreignTenant',
  'plainLanguageOn',
  'plainLanguageOff',
  'suggestionsHeading',
] as const;

/** The Teams channel's German texts by key. */
export type TeamsTexts = Readonly<Record<(typeof teamsTextKeys)[number], string>>;

const fileSchema = z.object({
  id: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String),
  texts: z.object(Object.fromEntries(teamsTextKeys.map((key) => [key, z.string().min(1)]))).strict(),
});

/** Default location of the Teams texts. */
export const defaultTeamsTextsFile = join(import.meta.dirname, 'channels', 'teams.de.yaml');

/** Reads and validates the Teams texts; throws an Error naming the file and the failing keys. */
export function loadTeamsTexts(file: string = defaultTeamsTextsFile): TeamsTexts {
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `Invalid Teams texts ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data.texts as TeamsTexts;
}

/** Fills `{name}` placeholders. */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
