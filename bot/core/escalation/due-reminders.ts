/**
 * Which reminder steps are due for a ticket: the candidates or assignee first, then the deputies of the
 * unit, then the central pool, after the configured minutes of office time without an answer. Absent
 * people are skipped (the central pool only while someone in it is present).
 */
import type { Directory } from '../../ports/directory.ts';
import type { Ticket } from '../../ports/tickets.ts';
import type { EscalationPolicy } from './escalation-policy.ts';
import { officeMinutesBetween } from './office-time.ts';
import { presentOrAll, type PresenceCheck } from './route-ticket.ts';

/** Reminder steps, in order. */
export type ReminderStep = 'assignee' | 'deputies' | 'central';

/** A due step with the people to remind. */
export interface DueReminder {
  readonly step: ReminderStep;
  readonly recipients: readonly string[];
  readonly waitedMinutes: number;
}

const waiting = new Set<Ticket['state']>(['open', 'claimed', 'rerouted', 'returned']);

/** All steps due at `now` for a ticket still waiting for an answer (the caller skips those already sent). */
export function dueReminders(
  ticket: Ticket,
  now: Date,
  deps: { policy: EscalationPolicy; directory: Directory; present?: PresenceCheck | undefined },
): DueReminder[] {
  if (!waiting.has(ticket.state)) return [];
  const waitedMinutes = officeMinutesBetween(new Date(ticket.createdAt), now, deps.policy.officeHours);
  const { reminders } = deps.policy;
  const unit = ticket.pool.kind === 'unit' ? deps.directory.lotsenFor(ticket.pool.unit) : undefined;
  // Absent people are neither reminded nor added as candidates (issue #22); the next step reaches someone present.
  const here = (people: readonly string[]): readonly string[] => (deps.present ? people.filter(deps.present) : people);
  const steps: DueReminder[] = [];
  if (waitedMinutes >= reminders.assignee)
    steps.push({ step: 'assignee', recipients: here(ticket.assignee ? [ticket.assignee] : ticket.candidates), waitedMinutes });
  if (waitedMinutes >= reminders.deputies && unit?.deputies.length)
    steps.push({ step: 'deputies', recipients: here(unit.deputies), waitedMinutes });
  if (waitedMinutes >= reminders.central)
    steps.push({ step: 'central', recipients: presentOrAll(deps.policy.centralPool, deps.present), waitedMinutes });
  return steps;
}
