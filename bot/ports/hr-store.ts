/**
 * Storage ports of HR news and pulse surveys: broadcasts, a durable per-recipient outbox, topic
 * subscriptions, and surveys whose participation is kept apart from the answers (no link between them).
 */
import type { OutboundMessage } from './channel-sender.ts';
import type { Broadcast, BroadcastState, DeliveryReport, StoredAnswer, Survey, SurveyState } from './hr-types.ts';

/** Broadcast drafts and their lifecycle; `transition` is compare-and-set on the state. */
export interface BroadcastStore {
  createBroadcast(broadcast: Broadcast): void;
  broadcast(id: string): Broadcast | undefined;
  broadcasts(): readonly Broadcast[];
  transition(id: string, from: BroadcastState, patch: Partial<Broadcast> & { state: BroadcastState }): boolean;
}

/** One outbox row taken for delivery. */
export interface OutboxEntry {
  readonly job: string;
  readonly personId: string;
  readonly attempts: number;
  readonly message: OutboundMessage;
}

/**
 * The durable outbox: one row per (job, person), so a person can never get a job twice. Rows are claimed
 * (`in_flight`, with the claim time as lease) before sending and marked afterwards; `recover` returns rows
 * whose lease a crashed process left behind.
 */
export interface Outbox {
  /** Creates the job with its message and one pending row per person, once (`false` if the job exists). */
  enqueue(job: string, message: OutboundMessage, personIds: readonly string[], at: string): boolean;
  hasJob(job: string): boolean;
  /** Claims up to `limit` due rows (pending, `nextAt` ≤ now) and marks them in flight. */
  claim(now: string, limit: number): readonly OutboxEntry[];
  markSent(job: string, personId: string, at: string): void;
  markRetry(job: string, personId: string, nextAt: string, reason: string): void;
  markFailed(job: string, personId: string, reason: string): void;
  /** Puts rows claimed before `claimedBefore` and still in flight (a crashed process) back to pending. */
  recover(claimedBefore: string): number;
  /** Whether the job still has pending or in-flight rows. */
  open(job: string): boolean;
  report(job: string): DeliveryReport;
  /** Jobs delivered to the person that ask for an acknowledgement not yet given, newest first. */
  unacknowledged(personId: string): readonly string[];
  /** Records "zur Kenntnis genommen" (only for recipients of the job). */
  acknowledge(job: string, personId: string, on: string): boolean;
}

/** Topic subscriptions ("Newsletter für bestimmte Themen"). */
export interface Subscriptions {
  subscribe(personId: string, topic: string): void;
  unsubscribe(personId: string, topic: string): void;
  subscribers(topic: string): readonly string[];
  topicsOf(personId: string): readonly string[];
}

/** One complete response; linked to its person only in memory, until its batch is written. */
export interface BufferedResponse {
  readonly personId: string;
  readonly answers: readonly StoredAnswer[];
  readonly texts: readonly { readonly questionId: string; readonly text: string }[];
}

/** What a batch write did; `duplicates` are people another writer had already marked as answered. */
export type BatchOutcome =
  | { readonly kind: 'written'; readonly people: number; readonly duplicates: readonly string[] }
  | { readonly kind: 'held'; readonly duplicates: readonly string[] };

/** Surveys, participation and answers, stored apart. */
export interface SurveyStore {
  createSurvey(survey: Survey): void;
  survey(id: string): Survey | undefined;
  surveys(): readonly Survey[];
  transition(id: string, from: SurveyState, patch: Partial<Survey> & { state: SurveyState }): boolean;
  /** Records the eligible people and the unit → reporting-unit map when a survey opens. */
  openParticipation(surveyId: string, personIds: readonly string[], reportingUnits: Readonly<Record<string, string>>, on: string): void;
  reportingUnits(surveyId: string): Readonly<Record<string, string>>;
  isEligible(surveyId: string, personId: string): boolean;
  hasAnswered(surveyId: string, personId: string): boolean;
  nonParticipants(surveyId: string): readonly string[];
  participation(surveyId: string): { readonly eligible: number; readonly answered: number };
  /**
   * Writes a batch in one transaction: marks each person as answered with a conditional update (a person
   * already marked, e.g. by another replica, is a duplicate and their answers are dropped: first response
   * wins) and stores the remaining answers and texts in random order, with no person, no id linking to
   * them and no time. When fewer than `minimum` people remain, nothing is written (`held`).
   */
  writeBatch(surveyId: string, responses: readonly BufferedResponse[], minimum: number): BatchOutcome;
  /** Rewrites all answers and texts of a survey in one random order (at close): row order then says nothing about batches. */
  reshuffle(surveyId: string): void;
  answers(surveyId: string): readonly StoredAnswer[];
  texts(surveyId: string): readonly { readonly id: number; readonly questionId: string; readonly text: string; readonly reviewed: boolean }[];
  markTextsReviewed(surveyId: string, ids: readonly number[]): number;
  /** Records reminder round `round`; `false` when it was already recorded (no double reminders). */
  recordReminder(surveyId: string, round: number, on: string): boolean;
  remindersSent(surveyId: string): number;
}
