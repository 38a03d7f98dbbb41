/**
 * Keys of the German escalation texts (`prompts/messages/escalation.de.yaml`).
 */

/** Every key must exist in the YAML file. */
export const escalationMessageKeys = [
  'ticketCreated',
  'ticketReferred',
  'poolUnit',
  'poolCentral',
  'poolItServicedesk',
  'poolDsb',
  'noQuestion',
  'lotseNotification',
  'askerAnswer',
  'reminder',
  'reasonNoAnswer',
  'reasonUserRequest',
  'reasonUnhelpful',
  'refusedWrongState',
  'refusedNotPermitted',
  'refusedEmptyAnswer',
  'refusedTooLong',
  'refusedNotFound',
  'whoIsMyLotse',
  'whoIsMyLotseUnknown',
  'directorySource',
  'ticketExpired',
  'ticketReassigned',
  'dailyDigest',
  'dailyDigestLine',
  'faqRevalidate',
  'itChecklist',
  'ticketReturned',
  'returnNoNote',
  'stateOpen',
  'stateClaimed',
  'stateRerouted',
  'stateReturned',
] as const;

/** One German text per key. */
export type EscalationMessages = Readonly<Record<(typeof escalationMessageKeys)[number], string>>;
