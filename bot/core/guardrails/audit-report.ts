/**
 * The staff-council report (DV KI § 6 Abs. 2): rules fired, outcome rates and top unanswered topics per ISO week, aggregated
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
  /** Words of unanswered questions asked by at least k different pseudonyms (top 5), to show what documents lack. */
  readonly unansweredTopics: readonly { readonly topic: string; readonly askers: number }[];
}

const topicStopWords = new Set([
  'wie',
  'was',
  'wer',
  'wann',
  'warum',
  'welche',
  'welcher',
  'welches',
  'kann',
  'darf',
  'muss',
  'gibt',
  'habe',
  'haben',
  'eine',
  'einen',
  'einem',
  'einer',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'und',
  'oder',
  'für',
  'mit',
  'bei',
  'von',
  'zum',
  'zur',
  'ich',
  'mich',
  'mir',
  'wir',
  'uns',
  'sie',
  'ihr',
  'ist',
  'sind',
  'wird',
  'werden',
  'auf',
  'aus',
  'nach',
  'über',
  'unter',
  'eigentlich',
  'bitte',
  'name',
  'beantrage',
  'beantragen',
  'bekomme',
  'bekommen',
  'brauche',
  'finde',
  'finden',
  'mache',
  'machen',
  'melde',
  'melden',
  'geht',
  'gilt',
  'soll',
  'sollen',
]);

/** The most asked-about words among unanswered questions; a word counts only with ≥ k distinct askers. */
export function unansweredTopics(entries: readonly AuditEntry[], k = 5, top = 5): { topic: string; askers: number }[] {
  const askers = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.outcome !== 'no_answer' || !entry.question) continue;
    const words = new Set((entry.question.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => !topicStopWords.has(word)));
    for (const word of words) askers.set(word, (askers.get(word) ?? new Set()).add(entry.pseudonym));
  }
  return [...askers]
    .map(([topic, people]) => ({ topic, askers: people.size }))
    .filter((entry) => entry.askers >= k)
    .sort((a, b) => b.askers - a.askers || a.topic.localeCompare(b.topic))
    .slice(0, top);
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
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, list]) => {
      const total = list.length;
      const rate = (outcome: string): number | null =>
        total >= k ? list.filter((entry) => entry.outcome === outcome).length / total : null;
      const counts = new Map<string, { clause: string; count: number }>();
      for (const rule of list.flatMap((entry) => entry.rules))
        counts.set(rule.id, { clause: rule.clause, count: (counts.get(rule.id)?.count ?? 0) + 1 });
      return {
        week,
        turns: suppress(total, k),
        refusedRate: rate('refused'),
        escalatedRate: rate('escalated'),
        noAnswerRate: rate('no_answer'),
        rules: [...counts].map(([id, { clause, count }]) => ({ id, clause, count: suppress(count, k) })),
        unansweredTopics: unansweredTopics(list, k),
      };
    });
}
