/**
 * "Abwesend bis": a Digitallotse enters the last day of an absence (CLI, web API, Jabber). Until that day
 * ends (local time of the office) routing gives them no new tickets and reminders and digests skip them
 * (issue #22). Only the date is stored, never a reason.
 *
 * @example await availability.setAbsent('p-aylin', '24.12.2026') // → { kind: 'set', until: '2026-12-24', text: 'Sie sind bis …' }
 */
import type { AbsenceStore } from '../../ports/absences.ts';
import type { Clock } from '../../ports/clock.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { AvailabilityMessages } from './availability-messages.ts';
import { addDays, localTime } from './zoned-time.ts';

/** Outcome of setting, clearing or showing an absence; `text` is the German reply for the Lotse. */
export type AvailabilityResult =
  | { readonly kind: 'set' | 'status'; readonly until: string; readonly text: string }
  | { readonly kind: 'cleared' | 'none'; readonly text: string }
  | { readonly kind: 'invalid_date' | 'in_past' | 'too_far' | 'not_lotse'; readonly text: string };

/** What the availability needs. */
export interface AvailabilityDeps {
  readonly store: AbsenceStore;
  readonly clock: Clock;
  readonly messages: AvailabilityMessages;
  /** The office time zone (Europe/Berlin). */
  readonly timeZone: string;
  /** Whether the person receives tickets at all (Lotse role, deputy, central pool or a queue). */
  readonly receivesTickets: (personId: string) => boolean;
  /** How far ahead an absence may end (default 365 days). */
  readonly maxDays?: number;
  /** A fixed local "today" `YYYY-MM-DD` (`LOTSE_TODAY`, reproducible runs); else the clock's local date. */
  readonly today?: string;
}

const validDate = (date: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

/** Reads `2026-12-24`, `24.12.2026`, `24.12.26`, `24.12.` or `24.12` (the next such day from `today` on); undefined otherwise. */
export function parseAbsenceDate(text: string, today: string): string | undefined {
  const input = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return validDate(input) ? input : undefined;
  const german = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?$/.exec(input);
  if (!german) return undefined;
  const [, day = '', month = '', year] = german;
  const pad = (value: string): string => value.padStart(2, '0');
  const build = (fullYear: string): string => `${fullYear}-${pad(month)}-${pad(day)}`;
  if (year) {
    const date = build(year.length === 2 ? `20${year}` : year);
    return validDate(date) ? date : undefined;
  }
  const thisYear = build(today.slice(0, 4));
  const date = thisYear >= today ? thisYear : build(String(Number(today.slice(0, 4)) + 1));
  return validDate(date) ? date : undefined;
}

/** `2026-12-24` → `24.12.2026`. */
export const germanDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/**
 * Creates the availability over its store. Routing, reminders and housekeeping of the escalation core ask
 * `isPresent` synchronously inside pure functions, so presence is read from a small cache of the current
 * absences instead of making the routing wait for the database (issue #20): `refresh` reloads it, after
 * every change made here and on a timer the caller runs (for changes made on other replicas). An absence
 * ends at midnight without a refresh: `until` is compared with today on every call. `status` reads the store.
 */
export function createLotseAvailability(deps: AvailabilityDeps) {
  const { messages } = deps;
  const maxDays = deps.maxDays ?? 365;
  const today = (): string => deps.today ?? localTime(deps.clock.now(), deps.timeZone).date;
  let absentUntil = new Map<string, string>();
  const refresh = async (): Promise<void> => {
    absentUntil = new Map((await deps.store.currentOn(today())).map((absence) => [absence.personId, absence.until]));
  };
  const current = async (personId: string): Promise<string | undefined> => {
    const absence = await deps.store.get(personId);
    return absence && absence.until >= today() ? absence.until : undefined;
  };

  const setAbsent = async (personId: string, untilText: string): Promise<AvailabilityResult> => {
    if (!deps.receivesTickets(personId)) return { kind: 'not_lotse', text: messages.notLotse };
    const now = today();
    const until = parseAbsenceDate(untilText, now);
    if (!until) return { kind: 'invalid_date', text: messages.invalidDate };
    if (until < now) return { kind: 'in_past', text: fillTemplate(messages.dateInPast, { until: germanDate(until) }) };
    if (until > addDays(now, maxDays)) return { kind: 'too_far', text: fillTemplate(messages.dateTooFar, { days: String(maxDays) }) };
    await deps.store.removeEndedBefore(now);
    await deps.store.set({ personId, until, setAt: deps.clock.now().toISOString() });
    await refresh();
    return { kind: 'set', until, text: fillTemplate(messages.absenceSet, { until: germanDate(until) }) };
  };

  const clear = async (personId: string): Promise<AvailabilityResult> => {
    await deps.store.removeEndedBefore(today());
    const cleared = await deps.store.clear(personId);
    await refresh();
    return cleared ? { kind: 'cleared', text: messages.absenceCleared } : { kind: 'none', text: messages.absenceNone };
  };

  const status = async (personId: string): Promise<AvailabilityResult> => {
    const until = await current(personId);
    return until
      ? { kind: 'status', until, text: fillTemplate(messages.absenceStatus, { until: germanDate(until) }) }
      : { kind: 'none', text: messages.absenceNone };
  };

  return {
    setAbsent,
    clear,
    status,
    /** Reloads the cached absences `isPresent` answers from (after changes on another replica). */
    refresh,
    /** The refusal for someone who receives no tickets (or is not in the directory). */
    notLotse: (): AvailabilityResult => ({ kind: 'not_lotse', text: messages.notLotse }),
    /** False while the person is absent (through the last absent day, local time), as of the last refresh. */
    isPresent: (personId: string): boolean => {
      const until = absentUntil.get(personId);
      return until === undefined || until < today();
    },
  };
}

/** The availability API. */
export type LotseAvailability = ReturnType<typeof createLotseAvailability>;
