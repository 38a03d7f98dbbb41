/**
 * German texts of the login pages and the console (`prompts/ui/console.de.yaml`), validated at start:
 * flat strings plus `labels`, the display names of stored values (ticket states, reasons, roles, …),
 * each of which must list every value so that no raw value reaches a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { adminActions } from '../../ports/audit-log.ts';
import { roles } from '../../ports/directory.ts';
import { documentTypes } from '../../ports/knowledge.ts';
import { feedbackStates } from '../../ports/feedback-queue.ts';
import { ticketStates } from '../../ports/tickets.ts';
import { builtInChannelNames } from '../../ports/turn.ts';

const keys = [
  'consoleTitle',
  'loginTitle',
  'loginUnavailable',
  'loginFailed',
  'loginAgain',
  'loggedOutTitle',
  'loggedOut',
  'logoutAtProvider',
  'logout',
  'devModeWarning',
  'devLoopbackOnly',
  'devPickPerson',
  'devPickRole',
  'devLoginButton',
  'devDemoName',
  'signedInAs',
  'rolesLabel',
  'backToChat',
  'overviewTitle',
  'overviewIntro',
  'overviewWaiting',
  'overviewNone',
  'skipLink',
  'navLabel',
  'navTickets',
  'navFaq',
  'navSources',
  'navFeedback',
  'navReports',
  'navNews',
  'navSurveys',
  'actionsColumn',
  'backToOverview',
  'forbiddenText',
  'notFoundText',
  'notAvailableText',
  'errorTitle',
  'errorText',
  'actionUnknown',
  'answerInvalid',
  'uploadBusy',
  'uploadFailed',
  'forbiddenTitle',
  'notFoundTitle',
  'ticketsTitle',
  'ticketsEmpty',
  'ticketsEmptyAll',
  'ticketsIntroAll',
  'ticketsIntroMine',
  'ticketHeading',
  'ticketCreated',
  'ticketUpdated',
  'ticketUnit',
  'ticketUnitUnknown',
  'ticketChannel',
  'ticketPool',
  'ticketResponsible',
  'ticketAssignee',
  'ticketExcerpt',
  'ticketExcerptUser',
  'ticketExcerptBot',
  'ticketTriedNone',
  'ticketNotYours',
  'ticketNumber',
  'ticketQuestion',
  'ticketState',
  'ticketReason',
  'ticketTried',
  'ticketClaim',
  'ticketAnswer',
  'ticketAnswerLabel',
  'faqTitle',
  'faqEmpty',
  'faqAnswer',
  'faqApprove',
  'faqReject',
  'sourcesTitle',
  'sourcesUpload',
  'sourcesUploadHint',
  'sourcesUploadFile',
  'sourcesReindex',
  'sourcesSkipped',
  'sourceType',
  'sourceOwner',
  'sourceStand',
  'sourceValidity',
  'sourceChunks',
  'sourcePath',
  'sourceTitle',
  'skippedFile',
  'skippedReason',
  'feedbackDocument',
  'feedbackNoSource',
  'feedbackTitle',
  'feedbackEmpty',
  'feedbackCount',
  'feedbackReasons',
  'reportsTitle',
  'reportsNote',
  'reportWeek',
  'reportWeekFormat',
  'reportTurns',
  'reportRefused',
  'reportEscalated',
  'reportNoAnswer',
  'reportRules',
  'reportTopics',
  'suppressed',
  'actionDone',
  'hrNewsTitle',
  'hrSurveysTitle',
  'hrNewHeading',
  'hrNewsHeadline',
  'hrNewsText',
  'hrNewsLink',
  'hrNewsUnits',
  'hrUnitsHint',
  'hrNewsAcknowledge',
  'hrNewsSendAt',
  'hrTimeInvalid',
  'hrNewsSave',
  'hrNewsRelease',
  'hrNewsDelivery',
  'hrNewsNone',
  'hrNewsFourEyes',
  'hrNewsColumns',
  'hrInvalid',
  'hrSurveyApprove',
  'hrSurveyOpen',
  'hrSurveyClose',
  'hrSurveyResults',
  'hrSurveyApproved',
  'hrSurveyColumns',
  'hrSurveysNone',
  'hrSurveyNewHeading',
  'hrSurveyTitle',
  'hrSurveyIntro',
  'hrSurveyOpensAt',
  'hrSurveyClosesAt',
  'hrSurveyAudience',
  'hrSurveyQuestion',
  'hrSurveyQuestionsHint',
  'hrSurveyQuestionText',
  'hrSurveyQuestionType',
  'hrSurveyQuestionOptions',
  'hrSurveyQuestionOptional',
  'hrSurveySave',
  'hrSurveyInvalidYaml',
  'hrSurveyNoQuestion',
  'hrSurveySuppressed',
  'hrSurveyCsv',
  'hrNotYours',
  'hrResultsTitle',
  'faqEntriesTitle',
  'faqRevalidate',
  'validityTitle',
  'validityDocument',
  'validityDate',
  'validitySupersedes',
  'validitySave',
  'validityDateInvalid',
  'validityUnknownDocument',
  'validityNotOwner',
  'navReidentification',
  'uploadForeignFile',
  'uploadForeignOwner',
  'uploadForeignTenant',
  'supersedesForeign',
  'feedbackState',
  'feedbackSetState',
  'feedbackNewState',
  'feedbackFixSource',
  'feedbackNote',
  'feedbackStateInvalid',
  'documentEditTitle',
  'documentEditLink',
  'documentSave',
  'documentDelete',
  'documentDeleteConfirm',
  'documentDeleteUnconfirmed',
  'documentTitleInvalid',
  'documentOwnerForeign',
  'uploadLegacyFormat',
  'reportAdminTitle',
  'reportAdminNote',
  'reportAdminAction',
  'reportAdminCount',
] as const;

const text = z.string().min(1);
/** A label for every one of `values` (and nothing else). */
const labelsOf = <const T extends readonly [string, ...string[]]>(values: T) => z.record(z.enum(values), text);

const labelsSchema = z
  .object({
    ticketStates: labelsOf(ticketStates),
    ticketReasons: labelsOf(['no_answer', 'user_request', 'unhelpful_answer']),
    pools: labelsOf(['unit', 'central', 'it-servicedesk', 'dsb']),
    channels: labelsOf(builtInChannelNames),
    roles: labelsOf(roles),
    documentTypes: labelsOf(documentTypes),
    broadcastStates: labelsOf(['draft', 'released', 'sending', 'sent', 'cancelled']),
    surveyStates: labelsOf(['draft', 'approved', 'open', 'closed']),
    questionTypes: labelsOf(['scale', 'single', 'multiple', 'text']),
    feedbackStates: labelsOf(feedbackStates),
    adminActions: labelsOf(adminActions),
  })
  .strict();

const schema = z
  .object({
    ...(Object.fromEntries(keys.map((key) => [key, text])) as Record<(typeof keys)[number], typeof text>),
    labels: labelsSchema,
  })
  .strict();

/** Display names of stored values. */
export type ConsoleLabels = z.infer<typeof labelsSchema>;

/** Texts of the console. */
export type ConsoleTexts = Readonly<Record<(typeof keys)[number], string>> & { readonly labels: ConsoleLabels };

/** Loads and validates the console texts; throws naming the file and the missing or unknown keys. */
export function loadConsoleTexts(file = join(import.meta.dirname, '../../../prompts/ui/console.de.yaml')): ConsoleTexts {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid console texts ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible. */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** German names of a person's roles, in the order of the role list. */
export function roleNames(texts: ConsoleTexts, personRoles: readonly string[]): string {
  return roles
    .filter((role) => personRoles.includes(role))
    .map((role) => texts.labels.roles[role])
    .join(', ');
}
