/**
 * Administrative actions in the staff-council report (issue #22, DV KI § 10): audit records of type
 * `admin` counted per ISO week and action. No pseudonym or person leaves this function.
 */
import { adminActions, type AdminAction, type AuditEntry } from '../../ports/audit-log.ts';
import { isoWeek } from '../guardrails/audit-report.ts';

/** One week: how often each action was taken (actions never taken are left out). */
export interface AdminActionWeek {
  readonly week: string;
  readonly actions: readonly { readonly action: AdminAction; readonly count: number }[];
}

/** Counts `admin` records per week (oldest first) and action (in the order of `adminActions`). */
export function adminActionReport(entries: readonly AuditEntry[]): AdminActionWeek[] {
  const weeks = new Map<string, Map<AdminAction, number>>();
  for (const entry of entries) {
    if (entry.type !== 'admin' || !entry.adminAction) continue;
    const week = weeks.get(isoWeek(entry.at)) ?? new Map<AdminAction, number>();
    week.set(entry.adminAction, (week.get(entry.adminAction) ?? 0) + 1);
    weeks.set(isoWeek(entry.at), week);
  }
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, counts]) => ({
      week,
      actions: adminActions.filter((action) => counts.has(action)).map((action) => ({ action, count: counts.get(action)! })),
    }));
}
