/**
 * The escalation policy (from `policies/escalation.yaml`): topic routes, office hours, capacity and
 * reminder steps. Validated by its loader; the core only reads it.
 */
import type { TicketPool } from '../../ports/tickets.ts';
import type { OfficeHours } from './office-time.ts';

/** A topic that does not go to the asker's Lotsen. */
export interface TopicRoute {
  readonly id: string;
  /** Lower-case, folded substrings; any match selects the topic. */
  readonly match: readonly string[];
  /** `refer`: never a ticket, answer with `reply` (HR and personal matters, DV KI § 9 Abs. 2). */
  readonly route: 'it-servicedesk' | 'dsb' | 'refer';
  readonly reply: string;
  /** Only when the question is about the asker themselves (ich, mein, mir, mich), e.g. one's own leave (issue #19). */
  readonly ownOnly?: boolean;
}

/** Everything routing and reminders need. */
export interface EscalationPolicy {
  readonly version: string;
  readonly topics: readonly TopicRoute[];
  readonly centralPool: readonly string[];
  /** People who work the IT service-desk and DSB queues. */
  readonly queues: Readonly<Record<'it-servicedesk' | 'dsb', readonly string[]>>;
  readonly maxOpenPerLotse: number;
  /** Office days and hours; time zone and closing days come from `policies/office-calendar.yaml` (issue #22). */
  readonly officeHours: OfficeHours;
  /** Minutes of office time after which a reminder goes to the assignee, then deputies, then the central pool. */
  readonly reminders: { readonly assignee: number; readonly deputies: number; readonly central: number };
  readonly expireAfterDays: number;
  /**
   * The responsible office named after a guardrail refusal, by rule id (e.g. person decisions → Sachgebiet
   * Personal); such refusals never offer a Digitallotse (issue #19, item 7).
   */
  readonly refusalReferrals?: Readonly<Record<string, string>>;
}

/** Re-exported for callers that build pools. */
export type { TicketPool };
