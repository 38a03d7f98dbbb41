/**
 * Absences of Digitallotsen ("abwesend bis", issue #22): only the last absent day is kept, never a reason
 * (leave or illness is personal data the routing does not need).
 */

/** One person's absence: absent up to and including the local date `until`. */
export interface Absence {
  readonly personId: string;
  /** Last absent day, `YYYY-MM-DD` in the office time zone. */
  readonly until: string;
  readonly setAt: string;
}

/** Where absences are kept (one per person; setting again replaces it). Asynchronous (issue #20). */
export interface AbsenceStore {
  set(absence: Absence): Promise<void>;
  /** Removes the absence; false when there was none. */
  clear(personId: string): Promise<boolean>;
  get(personId: string): Promise<Absence | undefined>;
  /** Absences whose `until` is on or after `date` (the others are over), ordered by person. */
  currentOn(date: string): Promise<Absence[]>;
  /** Deletes absences that ended before `date`; returns how many. */
  removeEndedBefore(date: string): Promise<number>;
}
