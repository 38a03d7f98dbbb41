/**
 * Which reminder steps are due for a ticket: the candidates or assignee first, then the deputies of the
 * unit, then the central pool, after the configured minutes of office time without an answer.
 */
import type { Directory } from '../../ports/directory.ts';
import type { Ticket } from '../../ports/tickets.ts';
import type { EscalationPolicy } from './escalation-policy.ts';
import { officeMinutesBetween } from './office-time.ts';

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
export function dueReminders(ticket: Ticket, now: Date, deps: { policy: EscalationPolicy; directory: Directory }): DueReminder[] {
  if (!waiting.has(ticket.state)) return [];
  const waitedMinutes = officeMinutesBetween(new Date(ticket.createdAt), now, deps.policy.officeHours);
  const { reminders } = deps.policy;
  const unit = ticket.pool.kind === 'unit' ? deps.directory.lotsenFor(ticket.pool.unit) : undefined;
  const steps: DueReminder[] = [];
  if (waitedMinutes >= reminders.assignee) steps.push({ step: 'assignee', recipients: ticket.assignee ? [ticket.assignee] : ticket.candidates, waitedMinutes });
  if (waitedMinutes >= reminders.deputies && unit?.deputies.length) steps.push({ step: 'deputies', recipients: unit.deputies, waitedMinutes });
  if (waitedMinutes >= reminders.central) steps.push({ step: 'central', recipients: deps.policy.centralPool, waitedMinutes });
  return steps;
}
