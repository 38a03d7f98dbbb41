/**
 * German texts of the login pages and the console (`prompts/ui/console.de.yaml`), validated at start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const keys = [
  'consoleTitle', 'loginTitle', 'loginUnavailable', 'loginFailed', 'loginAgain', 'loggedOutTitle', 'loggedOut', 'logoutAtProvider', 'logout',
  'devModeWarning', 'devLoopbackOnly', 'devPickPerson', 'devPickRole', 'devLoginButton', 'devDemoName', 'signedInAs', 'rolesLabel', 'backToChat', 'overviewTitle',
  'forbiddenTitle', 'notFoundTitle', 'ticketsTitle', 'ticketsEmpty', 'ticketNumber', 'ticketQuestion', 'ticketState', 'ticketReason', 'ticketTried',
  'ticketClaim', 'ticketAnswer', 'ticketAnswerLabel', 'faqTitle', 'faqEmpty', 'faqApprove', 'faqReject', 'sourcesTitle', 'sourcesUpload',
  'sourcesUploadHint', 'sourcesReindex', 'sourcesSkipped', 'sourceType', 'sourceOwner', 'sourceStand', 'sourceValidity', 'sourceChunks',
  'feedbackTitle', 'feedbackEmpty', 'feedbackCount', 'feedbackReasons', 'reportsTitle', 'reportsNote', 'reportWeek', 'reportTurns',
  'reportRefused', 'reportEscalated', 'reportNoAnswer', 'reportRules', 'reportTopics', 'suppressed', 'actionDone',
  'hrNewsTitle', 'hrSurveysTitle', 'hrNewHeading', 'hrNewsHeadline', 'hrNewsText', 'hrNewsLink', 'hrNewsUnits', 'hrNewsAcknowledge', 'hrNewsSendAt', 'hrNewsSave', 'hrNewsRelease', 'hrNewsDelivery', 'hrNewsNone', 'hrNewsFourEyes', 'hrNewsColumns', 'hrInvalid', 'hrSurveyApprove', 'hrSurveyOpen', 'hrSurveyClose', 'hrSurveyResults', 'hrSurveyApproved', 'hrSurveyColumns', 'hrSurveysNone', 'hrSurveyNewHeading', 'hrSurveyDefinition', 'hrSurveySave', 'hrSurveyInvalidYaml', 'hrSurveySuppressed', 'hrSurveyCsv', 'hrNotYours', 'hrResultsTitle', 'faqEntriesTitle', 'faqRevalidate', 'validityTitle', 'validityDocument', 'validityDate', 'validitySupersedes', 'validitySave',
  'uploadForeignFile', 'uploadForeignOwner', 'uploadForeignTenant', 'supersedesForeign',
] as const;

const schema = z.object(Object.fromEntries(keys.map((key) => [key, z.string().min(1)])) as Record<(typeof keys)[number], z.ZodString>).strict();

/** Texts of the console. */
export type ConsoleTexts = Readonly<Record<(typeof keys)[number], string>>;

/** Loads and validates the console texts; throws naming the file and the missing or unknown keys. */
export function loadConsoleTexts(file = join(import.meta.dirname, '../../../prompts/ui/console.de.yaml')): ConsoleTexts {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid console texts ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
