/**
 * The staff-council report (DV KI § 6 Abs. 2): rules fired and outcome rates per ISO week, aggregated
 * over everyone, with every figure below k (default 5) suppressed. No per-person numbers exist in it.
 */
import type { AuditEntry } from '../../ports/audit-log.ts';

/** One week of the report; `null` marks a suppressed count. */
export interface WeeklyFigures {
  readonly week: string;
  readonly turns: number | null;
  readonly refusedRate: number | null;
  readonly escalatedRate: number | null;
  readonly noAnswerRate: number | null;
  readonly rules: readonly { readonly id: string; readonly clause: string; readonly count: number | null }[];
}

/** ISO 8601 week label, e.g. "2026-W47". */
export function isoWeek(at: string): string {
  const date = new Date(at.slice(0, 10) + 'T00:00:00Z');
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const suppress = (count: number, k: number): number | null => (count >= k ? count : null);

/** Aggregates audit entries per week with small-count suppression. */
export function weeklyReport(entries: readonly AuditEntry[], k = 5): WeeklyFigures[] {
  const weeks = new Map<string, AuditEntry[]>();
  for (const entry of entries) weeks.set(isoWeek(entry.at), [...(weeks.get(isoWeek(entry.at)) ?? []), entry]);
  return [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([week, list]) => {
    const total = list.length;
    const rate = (outcome: string): number | null => (total >= k ? list.filter((entry) => entry.outcome === outcome).length / total : null);
    const counts = new Map<string, { clause: string; count: number }>();
    for (const rule of list.flatMap((entry) => entry.rules)) counts.set(rule.id, { clause: rule.clause, count: (counts.get(rule.id)?.count ?? 0) + 1 });
    return {
      week,
      turns: suppress(total, k),
      refusedRate: rate('refused'),
      escalatedRate: rate('escalated'),
      noAnswerRate: rate('no_answer'),
      rules: [...counts].map(([id, { clause, count }]) => ({ id, clause, count: suppress(count, k) })),
    };
  });
}
