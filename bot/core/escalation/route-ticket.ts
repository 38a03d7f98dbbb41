/**
 * Routing of a new ticket: by topic first (IT faults to the service desk, data protection to the DSB,
 * personal matters referred and never routed to Lotsen), then by the asker's unit: its present Lotsen
 * under capacity, then present deputies, then the central pool (absent people skipped, issue #22).
 */
import type { Directory } from '../../ports/directory.ts';
import type { TicketPool, TicketStore } from '../../ports/tickets.ts';
import { foldGerman } from '../../shared/text.ts';
import type { EscalationPolicy, TopicRoute } from './escalation-policy.ts';

/** Where a ticket goes, or why it must not become one. */
export type RoutingDecision =
  | { readonly kind: 'route'; readonly pool: TicketPool; readonly candidates: readonly string[]; readonly topic?: string }
  | { readonly kind: 'refer'; readonly topic: string; readonly reply: string };

const ownWords = /(?:^|[^\p{L}])(?:ich|mein\p{L}*|mir|mich)(?=$|[^\p{L}])/u;

/** The first topic whose words occur in the question (topics marked `ownOnly` only in questions about oneself). */
export function matchTopic(question: string, topics: readonly TopicRoute[]): TopicRoute | undefined {
  const folded = foldGerman(question);
  const own = ownWords.test(folded);
  return topics.find((topic) => (!topic.ownOnly || own) && topic.match.some((word) => folded.includes(foldGerman(word))));
}

/** Whether a person is at work today (absent Lotsen get no new tickets, issue #22); everyone when not given. */
export type PresenceCheck = (personId: string) => boolean;

function underCapacity(
  people: readonly string[],
  openCount: (personId: string) => number,
  max: number,
  deps: { directory: Directory; present?: PresenceCheck | undefined },
): string[] {
  return people
    .filter((id) => deps.directory.person(id) && (deps.present?.(id) ?? true) && openCount(id) < max)
    .sort((a, b) => openCount(a) - openCount(b));
}

/** How many claimed tickets each person holds now, read once (one query) for a routing decision. */
export async function claimedCounts(tickets: Pick<TicketStore, 'list'>): Promise<(personId: string) => number> {
  const counts = new Map<string, number>();
  for (const ticket of await tickets.list({ states: ['claimed'] })) {
    if (ticket.assignee) counts.set(ticket.assignee, (counts.get(ticket.assignee) ?? 0) + 1);
  }
  return (personId) => counts.get(personId) ?? 0;
}

/** The present people of a last-resort queue; all of them when nobody is present (the ticket waits for the first back). */
export function presentOrAll(people: readonly string[], present: PresenceCheck | undefined): readonly string[] {
  const here = present ? people.filter(present) : people;
  return here.length ? here : people;
}

/** Decides the pool and the people who may claim a new ticket. */
export function routeTicket(
  input: { question: string; askerUnit?: string },
  deps: { directory: Directory; policy: EscalationPolicy; openCount: (personId: string) => number; present?: PresenceCheck | undefined },
): RoutingDecision {
  const { directory, policy, openCount } = deps;
  const topic = matchTopic(input.question, policy.topics);
  if (topic?.route === 'refer') return { kind: 'refer', topic: topic.id, reply: topic.reply };
  if (topic)
    return {
      kind: 'route',
      pool: { kind: topic.route },
      candidates: presentOrAll(policy.queues[topic.route], deps.present),
      topic: topic.id,
    };
  const assignment = input.askerUnit ? directory.lotsenFor(input.askerUnit) : undefined;
  if (assignment) {
    const lotsen = underCapacity(assignment.lotsen, openCount, policy.maxOpenPerLotse, deps);
    if (lotsen.length) return { kind: 'route', pool: { kind: 'unit', unit: assignment.unit }, candidates: lotsen };
    const deputies = underCapacity(assignment.deputies, openCount, policy.maxOpenPerLotse, deps);
    if (deputies.length) return { kind: 'route', pool: { kind: 'unit', unit: assignment.unit }, candidates: deputies };
  }
  return {
    kind: 'route',
    pool: { kind: 'central' },
    candidates: presentOrAll(
      policy.centralPool.filter((id) => directory.person(id)),
      deps.present,
    ),
  };
}
