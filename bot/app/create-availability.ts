/**
 * Wires the office calendar and Lotse absences (issue #22): office hours of the escalation policy in the
 * time zone of `policies/office-calendar.yaml`, closed on the state's public holidays (feiertagejs) and the
 * listed closing days; absences in the store, so routing, reminders and digests skip absent Lotsen.
 */
import { germanClosedDays } from '../adapters/calendar/german-holidays.ts';
import { SqliteAbsenceStore } from '../adapters/storage/sqlite-absences.ts';
import type { SqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import type { EscalationPolicy } from '../core/escalation/escalation-policy.ts';
import { createLotseAvailability, type LotseAvailability } from '../core/escalation/lotse-availability.ts';
import type { OfficeHours } from '../core/escalation/office-time.ts';
import type { Clock } from '../ports/clock.ts';
import type { Directory } from '../ports/directory.ts';
import { loadOfficeCalendar } from '../../policies/load-office-calendar.ts';
import { loadAvailabilityMessages } from '../../prompts/load-availability-messages.ts';

/** The escalation policy with local office hours, and the availability of Lotsen. */
export interface OfficeAvailability {
  readonly policy: EscalationPolicy;
  readonly availability: LotseAvailability;
}

/** Builds the calendar-aware policy and the availability; throws a `PolicyError` on an invalid calendar file. */
export function createOfficeAvailability(deps: { database: SqliteDatabase; policiesDir: string; policy: EscalationPolicy; directory: Directory; clock: Clock; today?: string | undefined }): OfficeAvailability {
  const calendar = loadOfficeCalendar(deps.policiesDir);
  const officeHours: OfficeHours = {
    ...deps.policy.officeHours,
    timeZone: calendar.timeZone,
    closed: germanClosedDays(calendar.holidayRegion, calendar.closedDays.map((day) => day.date)),
  };
  const { policy, directory } = deps;
  const receivesTickets = (personId: string): boolean =>
    Boolean(directory.person(personId)?.roles.includes('lotse')) ||
    policy.centralPool.includes(personId) ||
    Object.values(policy.queues).some((queue) => queue.includes(personId)) ||
    directory.units().some((unit) => {
      const assignment = directory.lotsenFor(unit.id);
      return Boolean(assignment?.lotsen.includes(personId) || assignment?.deputies.includes(personId));
    });
  const availability = createLotseAvailability({ store: new SqliteAbsenceStore(deps.database), clock: deps.clock, messages: loadAvailabilityMessages(), timeZone: calendar.timeZone, receivesTickets, ...(deps.today ? { today: deps.today } : {}) });
  return { policy: { ...policy, officeHours }, availability };
}
