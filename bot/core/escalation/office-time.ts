/**
 * Minutes of office time between two instants (office days and hours from the escalation policy), so
 * that reminders do not fire at night, over the weekend or on public holidays. Times are local to
 * `timeZone` (Europe/Berlin from `policies/office-calendar.yaml`; UTC when none is given).
 */
import { addDays, instantOf, localTime } from './zoned-time.ts';

/** Office days (0 = Sunday … 6 = Saturday) and daily window "HH:MM"–"HH:MM", local to `timeZone`. */
export interface OfficeHours {
  readonly days: readonly number[];
  readonly from: string;
  readonly to: string;
  /** IANA time zone of the window (default UTC). */
  readonly timeZone?: string;
  /** Whether the office is closed all day on a local date `YYYY-MM-DD` (public holidays, closing days). */
  readonly closed?: (date: string) => boolean;
}

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function isOfficeDay(date: string, weekday: number, hours: OfficeHours): boolean {
  return hours.days.includes(weekday) && !(hours.closed?.(date) ?? false);
}

/** Office minutes in [start, end). */
export function officeMinutesBetween(start: Date, end: Date, hours: OfficeHours): number {
  if (end <= start) return 0;
  const timeZone = hours.timeZone ?? 'UTC';
  const open = minutesOf(hours.from);
  const close = minutesOf(hours.to);
  let total = 0;
  const last = localTime(end, timeZone).date;
  for (let date = localTime(start, timeZone).date; date <= last; date = addDays(date, 1)) {
    if (!isOfficeDay(date, new Date(`${date}T00:00:00Z`).getUTCDay(), hours)) continue;
    const windowStart = Math.max(instantOf(date, open, timeZone).getTime(), start.getTime());
    const windowEnd = Math.min(instantOf(date, close, timeZone).getTime(), end.getTime());
    if (windowEnd > windowStart) total += (windowEnd - windowStart) / 60_000;
  }
  return Math.floor(total);
}

/** True when `at` lies within the office hours. */
export function isOfficeTime(at: Date, hours: OfficeHours): boolean {
  const local = localTime(at, hours.timeZone ?? 'UTC');
  return isOfficeDay(local.date, local.weekday, hours) && local.minute >= minutesOf(hours.from) && local.minute < minutesOf(hours.to);
}
