/**
 * "Abwesend bis": a Digitallotse enters the last day of an absence (CLI, web API, Jabber). Until that day
 * ends (local time of the office) routing gives them no new tickets and reminders and digests skip them
 * (issue #22). Only the date is stored, never a reason.
 *
 * @example availability.setAbsent('p-aylin', '24.12.2026') // → { kind: 'set', until: '2026-12-24', text: 'Sie sind bis …' }
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

const validDate = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

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

/** Creates the availability over its store. */
export function createLotseAvailability(deps: AvailabilityDeps) {
  const { messages } = deps;
  const maxDays = deps.maxDays ?? 365;
  const today = (): string => deps.today ?? localTime(deps.clock.now(), deps.timeZone).date;
  const current = (personId: string): string | undefined => {
    const absence = deps.store.get(personId);
    return absence && absence.until >= today() ? absence.until : undefined;
  };

  const setAbsent = (personId: string, untilText: string): AvailabilityResult => {
    if (!deps.receivesTickets(personId)) return { kind: 'not_lotse', text: messages.notLotse };
    const now = today();
    const until = parseAbsenceDate(untilText, now);
    if (!until) return { kind: 'invalid_date', text: messages.invalidDate };
    if (until < now) return { kind: 'in_past', text: fillTemplate(messages.dateInPast, { until: germanDate(until) }) };
    if (until > addDays(now, maxDays)) return { kind: 'too_far', text: fillTemplate(messages.dateTooFar, { days: String(maxDays) }) };
    deps.store.removeEndedBefore(now);
    deps.store.set({ personId, until, setAt: deps.clock.now().toISOString() });
    return { kind: 'set', until, text: fillTemplate(messages.absenceSet, { until: germanDate(until) }) };
  };

  const clear = (personId: string): AvailabilityResult => {
    deps.store.removeEndedBefore(today());
    return deps.store.clear(personId) ? { kind: 'cleared', text: messages.absenceCleared } : { kind: 'none', text: messages.absenceNone };
  };

  const status = (personId: string): AvailabilityResult => {
    const until = current(personId);
    return until ? { kind: 'status', until, text: fillTemplate(messages.absenceStatus, { until: germanDate(until) }) } : { kind: 'none', text: messages.absenceNone };
  };

  return {
    setAbsent,
    clear,
    status,
    /** The refusal for someone who receives no tickets (or is not in the directory). */
    notLotse: (): AvailabilityResult => ({ kind: 'not_lotse', text: messages.notLotse }),
    /** False while the person is absent (through the last absent day, local time). */
    isPresent: (personId: string): boolean => current(personId) === undefined,
  };
}

/** The availability API. */
export type LotseAvailability = ReturnType<typeof createLotseAvailability>;
