/**
 * Wires the office calendar and Lotse absences (issue #22): office hours of the escalation policy in the
 * time zone of `policies/office-calendar.yaml`, closed on the state's public holidays (feiertagejs) and the
 * listed closing days; absences in the store, so routing, reminders and digests skip absent Lotsen.
 * Routing reads presence from the availability's cache (the escalation core decides synchronously); it is
 * loaded here before anything routes, refreshed after each change and every `refreshEveryMs` (changes made
 * on other replicas show within that time).
 */
import { germanClosedDays } from '../adapters/calendar/german-holidays.ts';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import { SqlAbsenceStore } from '../adapters/storage/sql-absences.ts';
import type { EscalationPolicy } from '../core/escalation/escalation-policy.ts';
import { createLotseAvailability, type LotseAvailability } from '../core/escalation/lotse-availability.ts';
import type { OfficeHours } from '../core/escalation/office-time.ts';
import type { Clock } from '../ports/clock.ts';
import type { Directory } from '../ports/directory.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';
import { loadOfficeCalendar } from '../../policies/load-office-calendar.ts';
import { loadAvailabilityMessages } from '../../prompts/load-availability-messages.ts';

export type { LotseAvailability } from '../core/escalation/lotse-availability.ts';

/** The escalation policy with local office hours, and the availability of Lotsen. */
export interface OfficeAvailability {
  readonly policy: EscalationPolicy;
  readonly availability: LotseAvailability;
  /** Stops the timer that refreshes the cached absences. */
  stop(): void;
}

/** How often the cached absences are reloaded (changes made on other replicas). */
const refreshEveryMs = 60_000;

/**
 * Builds the calendar-aware policy and the availability, with its absences loaded; throws a `PolicyError`
 * on an invalid calendar file.
 */
export async function createOfficeAvailability(deps: {
  store: StoreDatabase;
  policiesDir: string;
  policy: EscalationPolicy;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  today?: string | undefined;
}): Promise<OfficeAvailability> {
  const calendar = loadOfficeCalendar(deps.policiesDir);
  const officeHours: OfficeHours = {
    ...deps.policy.officeHours,
    timeZone: calendar.timeZone,
    closed: germanClosedDays(
      calendar.holidayRegion,
      calendar.closedDays.map((day) => day.date),
    ),
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
  const availability = createLotseAvailability({
    store: new SqlAbsenceStore(deps.store),
    clock: deps.clock,
    messages: loadAvailabilityMessages(),
    timeZone: calendar.timeZone,
    receivesTickets,
    ...(deps.today ? { today: deps.today } : {}),
  });
  await availability.refresh();
  const timer = setInterval(() => {
    availability.refresh().catch((error: unknown) => deps.logger.warn('absences-refresh-failed', { error: describeError(error) }));
  }, refreshEveryMs);
  timer.unref();
  return { policy: { ...policy, officeHours }, availability, stop: () => clearInterval(timer) };
}
