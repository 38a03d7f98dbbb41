/**
 * Routing of a new ticket: by topic first (IT faults to the service desk, data protection to the DSB,
 * personal matters referred and never routed to Lotsen), then by the asker's unit: its Lotsen under
 * capacity, then deputies, then the central pool.
 */
import type { Directory } from '../../ports/directory.ts';
import type { TicketPool } from '../../ports/tickets.ts';
import { foldGerman } from '../../shared/text.ts';
import type { EscalationPolicy, TopicRoute } from './escalation-policy.ts';

/** Where a ticket goes, or why it must not become one. */
export type RoutingDecision =
  | { readonly kind: 'route'; readonly pool: TicketPool; readonly candidates: readonly string[]; readonly topic?: string }
  | { readonly kind: 'refer'; readonly topic: string; readonly reply: string };

/** The first topic whose words occur in the question. */
export function matchTopic(question: string, topics: readonly TopicRoute[]): TopicRoute | undefined {
  const folded = foldGerman(question);
  return topics.find((topic) => topic.match.some((word) => folded.includes(foldGerman(word))));
}

function underCapacity(people: readonly string[], openCount: (personId: string) => number, max: number, directory: Directory): string[] {
  return people
    .filter((id) => directory.person(id) && openCount(id) < max)
    .sort((a, b) => openCount(a) - openCount(b));
}

/** Decides the pool and the people who may claim a new ticket. */
export function routeTicket(
  input: { question: string; askerUnit?: string },
  deps: { directory: Directory; policy: EscalationPolicy; openCount: (personId: string) => number },
): RoutingDecision {
  const { directory, policy, openCount } = deps;
  const topic = matchTopic(input.question, policy.topics);
  if (topic?.route === 'refer') return { kind: 'refer', topic: topic.id, reply: topic.reply };
  if (topic) return { kind: 'route', pool: { kind: topic.route }, candidates: policy.queues[topic.route], topic: topic.id };
  const assignment = input.askerUnit ? directory.lotsenFor(input.askerUnit) : undefined;
  if (assignment) {
    const lotsen = underCapacity(assignment.lotsen, openCount, policy.maxOpenPerLotse, directory);
    if (lotsen.length) return { kind: 'route', pool: { kind: 'unit', unit: assignment.unit }, candidates: lotsen };
    const deputies = underCapacity(assignment.deputies, openCount, policy.maxOpenPerLotse, directory);
    if (deputies.length) return { kind: 'route', pool: { kind: 'unit', unit: assignment.unit }, candidates: deputies };
  }
  return { kind: 'route', pool: { kind: 'central' }, candidates: policy.centralPool.filter((id) => directory.person(id)) };
}
