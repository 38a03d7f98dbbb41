/**
 * Issue #22: the office calendar policy is validated at start (unknown time zone, unknown state refused) and
 * its closing days close the office like public holidays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { germanClosedDays } from '../../../bot/adapters/calendar/german-holidays.ts';
import { officeMinutesBetween } from '../../../bot/core/escalation/office-time.ts';
import { loadOfficeCalendar } from '../../../policies/load-office-calendar.ts';
import { PolicyError } from '../../../policies/read-policy-file.ts';
import { repoRoot } from '../../support/real-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'lotse-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function calendar(body: string): string {
  const folder = mkdtempSync(join(dir, 'p-'));
  writeFileSync(join(folder, 'office-calendar.yaml'), body);
  return folder;
}

describe('loadOfficeCalendar', () => {
  it('reads the shipped calendar: Europe/Berlin, NRW', () => {
    expect(loadOfficeCalendar(join(repoRoot, 'policies'))).toMatchObject({ timeZone: 'Europe/Berlin', holidayRegion: 'NW' });
  });

  it('refuses an unknown time zone or state with file and field', () => {
    expect(() =>
      loadOfficeCalendar(calendar('version: "1"\ntime_zone: Europe/Musterstadt\nholidays: { source: feiertagejs, region: NW }\n')),
    ).toThrow(/time_zone: unknown time zone/);
    expect(() =>
      loadOfficeCalendar(calendar('version: "1"\ntime_zone: Europe/Berlin\nholidays: { source: feiertagejs, region: XX }\n')),
    ).toThrow(PolicyError);
  });

  it('closes the office on listed closing days too', () => {
    const folder = calendar(
      'version: "1"\ntime_zone: Europe/Berlin\nholidays: { source: feiertagejs, region: NW }\nclosed_days:\n  - { date: "2026-12-24", reason: "Heiligabend, Dienstvereinbarung Arbeitszeit" }\n',
    );
    const policy = loadOfficeCalendar(folder);
    const hours = {
      days: [1, 2, 3, 4, 5],
      from: '07:30',
      to: '16:00',
      timeZone: policy.timeZone,
      closed: germanClosedDays(
        policy.holidayRegion,
        policy.closedDays.map((day) => day.date),
      ),
    };
    expect(officeMinutesBetween(new Date('2026-12-23T23:00:00Z'), new Date('2026-12-24T23:00:00Z'), hours)).toBe(0);
    expect(officeMinutesBetween(new Date('2026-12-22T23:00:00Z'), new Date('2026-12-23T23:00:00Z'), hours)).toBe(510);
  });
});
