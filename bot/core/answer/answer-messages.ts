/**
 * The German texts the answer pipeline needs, injected from `prompts/messages/de.yaml`.
 */

/** Keys of the message catalogue (every key must exist in the YAML file). */
export const messageKeys = [
  'noAnswer',
  'noAnswerOffer',
  'noAnswerPersonalData',
  'personalDataRemoved',
  'unknownTenant',
  'tenantScope',
  'answerIntro',
  'sectionPart',
  'standPart',
  'editionNote',
  'olderEditionNote',
  'faqIntro',
  'courseIntro',
  'courseLine',
  'courseNextDates',
  'courseNoDates',
  'courseOnline',
  'coursePlace',
  'courseSeats',
  'courseSeatsUnknown',
  'courseMandatory',
  'courseNoLink',
  'lowConfidenceHint',
  'aiLabel',
  'actionEscalate',
  'actionFeedback',
  'actionUsageRules',
  'modelFallback',
  'internalError',
] as const;

/** One German text per key. */
export type AnswerMessages = Readonly<Record<(typeof messageKeys)[number], string>>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so that a missing value is noticed in tests. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
