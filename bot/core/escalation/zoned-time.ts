/**
 * Wall-clock time in a named time zone (e.g. Europe/Berlin) with the built-in `Intl` data: local dates,
 * local minutes of the day and the instant of a local time. Office hours and "abwesend bis" dates are
 * local to the administration, not UTC (issue #22).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Local calendar fields of an instant. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Minutes since local midnight. */
  readonly minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

function fields(at: Date, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** The local date, minute of day and weekday of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = fields(at, timeZone);
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, minute: hour * 60 + minute, weekday: new Date(`${date}T00:00:00Z`).getUTCDay() };
}

/** Offset of `timeZone` from UTC at `at`, in milliseconds (Berlin: +1 h in winter, +2 h in summer). */
function offsetMs(at: Date, timeZone: string): number {
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields(at, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of local `date` (`YYYY-MM-DD`) at `minute` minutes after local midnight. */
export function instantOf(date: string, minute: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  // Two rounds settle the offset also next to a daylight-saving switch.
  const first = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(first), timeZone));
}

/** `date` (`YYYY-MM-DD`) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
