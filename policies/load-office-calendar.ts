/**
 * The office calendar (`policies/office-calendar.yaml`): time zone, the state whose public holidays close the
 * office, and extra closing days with a reason. Validated once at start; an unknown time zone is refused.
 */
import { z } from 'zod';
import { PolicyError, readPolicyFile } from './read-policy-file.ts';

/** German states as `feiertagejs` names them. */
export const holidayRegions = ['BW', 'BY', 'BE', 'BB', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

const schema = z
  .object({
    version: z.string().min(1),
    time_zone: z.string().min(1),
    holidays: z.object({ source: z.literal('feiertagejs'), region: z.enum(holidayRegions) }).strict(),
    closed_days: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), reason: z.string().min(3) }).strict()).default([]),
  })
  .strict();

/** The validated calendar. */
export interface OfficeCalendarPolicy {
  readonly version: string;
  readonly timeZone: string;
  readonly holidayRegion: (typeof holidayRegions)[number];
  readonly closedDays: readonly { readonly date: string; readonly reason: string }[];
}

/** Reads `dir/office-calendar.yaml`; throws a `PolicyError` naming file, line and field. */
export function loadOfficeCalendar(dir: string): OfficeCalendarPolicy {
  const file = readPolicyFile(dir, 'office-calendar.yaml', schema);
  try {
    new Intl.DateTimeFormat('de-DE', { timeZone: file.time_zone });
  } catch {
    throw new PolicyError(`Invalid policy file:\n${dir}/office-calendar.yaml time_zone: unknown time zone "${file.time_zone}"`);
  }
  return { version: file.version, timeZone: file.time_zone, holidayRegion: file.holidays.region, closedDays: file.closed_days };
}
