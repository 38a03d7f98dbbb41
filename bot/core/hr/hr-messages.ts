/**
 * Keys of the German HR texts (`prompts/hr/hr.de.yaml`): survey dialog, invitations, reminders,
 * refusals and the results message. Placeholders are `{name}`.
 */

/** Every key must exist in the YAML file. */
export const hrMessageKeys = [
  'questionHeader', 'scaleHint', 'singleHint', 'multipleHint', 'textHint', 'optionalHint', 'invalidAnswer',
  'surveyInvite', 'surveyReminder', 'surveyThanks', 'surveyStart', 'surveyCancelled', 'alreadyAnswered', 'surveyNotOpen', 'noOpenSurvey',
  'acknowledgeHint', 'acknowledged', 'subscribed', 'unsubscribed', 'unknownTopic', 'topicsList',
  'refusedNotPermitted', 'refusedUnitNotPermitted', 'refusedUnknownUnit', 'refusedUnknownTopic', 'refusedUnknownSender',
  'refusedEmptyAudience', 'refusedFourEyes', 'refusedWrongState', 'refusedNotFound', 'refusedImageTooLarge',
  'refusedNotPersonalrat', 'refusedNotApproved', 'refusedLocked', 'refusedNotHr', 'refusedResultsBeforeClose',
  'cardAcknowledge', 'cardLink', 'cardSubmit', 'nothingToAcknowledge',
  'resultsTitle', 'resultsLine', 'resultsSuppressed', 'resultsOutro', 'wholeSurvey',
] as const;

/** One German text per key. */
export type HrMessages = Readonly<Record<(typeof hrMessageKeys)[number], string>>;
