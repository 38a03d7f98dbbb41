/**
 * Storage ports of HR news and pulse surveys: broadcasts, a durable per-recipient outbox, topic
 * subscriptions, and surveys whose participation is kept apart from the answers (no link between them).
 * Every method is asynchronous (issue #20): SQLite or PostgreSQL behind `StoreDatabase`.
 */
import type { OutboundMessage } from './channel-sender.ts';
import type { Broadcast, BroadcastState, DeliveryReport, StoredAnswer, Survey, SurveyState } from './hr-types.ts';

/** Broadcast drafts and their lifecycle; `transition` is compare-and-set on the state. */
export interface BroadcastStore {
  createBroadcast(broadcast: Broadcast): Promise<void>;
  broadcast(id: string): Promise<Broadcast | undefined>;
  broadcasts(): Promise<readonly Broadcast[]>;
  transition(id: string, from: BroadcastState, patch: Partial<Broadcast> & { state: BroadcastState }): Promise<boolean>;
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
  enqueue(job: string, message: OutboundMessage, personIds: readonly string[], at: string): Promise<boolean>;
  hasJob(job: string): Promise<boolean>;
  /** Rows still to deliver (pending or in flight): the `hr_outbox_pending` gauge. */
  pendingCount(): Promise<number>;
  /** Claims up to `limit` due rows (pending, `nextAt` ≤ now) and marks them in flight. */
  claim(now: string, limit: number): Promise<readonly OutboxEntry[]>;
  markSent(job: string, personId: string, at: string): Promise<void>;
  markRetry(job: string, personId: string, nextAt: string, reason: string): Promise<void>;
  markFailed(job: string, personId: string, reason: string): Promise<void>;
  /** Puts rows claimed before `claimedBefore` and still in flight (a crashed process) back to pending. */
  recover(claimedBefore: string): Promise<number>;
  /** Whether the job still has pending or in-flight rows. */
  open(job: string): Promise<boolean>;
  report(job: string): Promise<DeliveryReport>;
  /** Jobs delivered to the person that ask for an acknowledgement not yet given, newest first. */
  unacknowledged(personId: string): Promise<readonly string[]>;
  /** Records "zur Kenntnis genommen" (only for recipients of the job). */
  acknowledge(job: string, personId: string, on: string): Promise<boolean>;
}

/** Topic subscriptions ("Newsletter für bestimmte Themen"). */
export interface Subscriptions {
  subscribe(personId: string, topic: string): Promise<void>;
  unsubscribe(personId: string, topic: string): Promise<void>;
  subscribers(topic: string): Promise<readonly string[]>;
  topicsOf(personId: string): Promise<readonly string[]>;
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
  createSurvey(survey: Survey): Promise<void>;
  survey(id: string): Promise<Survey | undefined>;
  surveys(): Promise<readonly Survey[]>;
  transition(id: string, from: SurveyState, patch: Partial<Survey> & { state: SurveyState }): Promise<boolean>;
  /** Records the eligible people and the unit → reporting-unit map when a survey opens. */
  openParticipation(
    surveyId: string,
    personIds: readonly string[],
    reportingUnits: Readonly<Record<string, string>>,
    on: string,
  ): Promise<void>;
  reportingUnits(surveyId: string): Promise<Readonly<Record<string, string>>>;
  isEligible(surveyId: string, personId: string): Promise<boolean>;
  hasAnswered(surveyId: string, personId: string): Promise<boolean>;
  nonParticipants(surveyId: string): Promise<readonly string[]>;
  participation(surveyId: string): Promise<{ readonly eligible: number; readonly answered: number }>;
  /**
   * Writes a batch in one transaction: marks each person as answered with a conditional update (a person
   * already marked, e.g. by another replica, is a duplicate and their answers are dropped: first response
   * wins) and stores the remaining answers and texts in random order, with no person, no id linking to
   * them and no time. When fewer than `minimum` people remain, nothing is written (`held`).
   */
  writeBatch(surveyId: string, responses: readonly BufferedResponse[], minimum: number): Promise<BatchOutcome>;
  /** Rewrites all answers and texts of a survey in one random order (at close): row order then says nothing about batches. */
  reshuffle(surveyId: string): Promise<void>;
  answers(surveyId: string): Promise<readonly StoredAnswer[]>;
  texts(
    surveyId: string,
  ): Promise<readonly { readonly id: number; readonly questionId: string; readonly text: string; readonly reviewed: boolean }[]>;
  markTextsReviewed(surveyId: string, ids: readonly number[]): Promise<number>;
  /** Records reminder round `round`; `false` when it was already recorded (no double reminders). */
  recordReminder(surveyId: string, round: number, on: string): Promise<boolean>;
  remindersSent(surveyId: string): Promise<number>;
}
