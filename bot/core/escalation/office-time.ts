/**
 * Minutes of office time between two instants (office days and hours from the escalation policy), so
 * that reminders do not fire at night or over the weekend. Times are interpreted in UTC (documented).
 */

/** Office days (0 = Sunday … 6 = Saturday) and daily window "HH:MM"–"HH:MM". */
export interface OfficeHours {
  readonly days: readonly number[];
  readonly from: string;
  readonly to: string;
}

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Office minutes in [start, end). */
export function officeMinutesBetween(start: Date, end: Date, hours: OfficeHours): number {
  if (end <= start) return 0;
  const open = minutesOf(hours.from);
  const close = minutesOf(hours.to);
  let total = 0;
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  while (day < end) {
    if (hours.days.includes(day.getUTCDay())) {
      const windowStart = Math.max(day.getTime() + open * 60_000, start.getTime());
      const windowEnd = Math.min(day.getTime() + close * 60_000, end.getTime());
      if (windowEnd > windowStart) total += (windowEnd - windowStart) / 60_000;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return Math.floor(total);
}

/** True when `at` lies within the office hours. */
export function isOfficeTime(at: Date, hours: OfficeHours): boolean {
  const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
  return hours.days.includes(at.getUTCDay()) && minute >= minutesOf(hours.from) && minute < minutesOf(hours.to);
}
