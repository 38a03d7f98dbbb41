/**
 * Public holidays of a German state from `feiertagejs` (maintained, no dependencies; exact pin), plus the
 * administration's own closing days: the `closed` check of the office hours (issue #22).
 */
import { getHolidays } from 'feiertagejs';
import type { OfficeHours } from '../../core/escalation/office-time.ts';

/** A state code as `feiertagejs` knows it (e.g. `NW` for Nordrhein-Westfalen). */
export type GermanState = Parameters<typeof getHolidays>[1];

/** Returns `closed(date)` for local dates `YYYY-MM-DD`; holidays are computed once per year and cached. */
export function germanClosedDays(region: GermanState, extra: readonly string[] = []): NonNullable<OfficeHours['closed']> {
  const years = new Map<string, ReadonlySet<string>>();
  const closedInYear = (year: string): ReadonlySet<string> => {
    let days = years.get(year);
    if (!days) {
      days = new Set(getHolidays(Number(year), region).map((holiday) => holiday.dateString));
      years.set(year, days);
    }
    return days;
  };
  const own = new Set(extra);
  return (date) => own.has(date) || closedInYear(date.slice(0, 4)).has(date);
}
