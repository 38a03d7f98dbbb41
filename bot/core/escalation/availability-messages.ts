/**
 * Keys of the German texts about a Lotse's absence (`prompts/messages/availability.de.yaml`).
 */

/** Every key must exist in the YAML file. */
export const availabilityMessageKeys = [
  'absenceSet',
  'absenceCleared',
  'absenceNone',
  'absenceStatus',
  'invalidDate',
  'dateInPast',
  'dateTooFar',
  'notLotse',
] as const;

/** The texts, by key. */
export type AvailabilityMessages = Readonly<Record<(typeof availabilityMessageKeys)[number], string>>;
