import type { OutboundMessage } from '../../bot/ports/channel-sender.ts';
import type { BatchOutcome, BroadcastStore, BufferedResponse, Outbox, OutboxEntry, Subscriptions, SurveyStore } from '../../bot/ports/hr-store.ts';
import type { Broadcast, BroadcastState, DeliveryReport, StoredAnswer, Survey, SurveyState } from '../../bot/ports/hr-types.ts';

/** Broadcasts and subscriptions in memory (deterministic, insertion order). */
export class InMemoryBroadcasts implements BroadcastStore, Subscriptions {
  readonly rows = new Map<string, Broadcast>();
  private readonly topics = new Map<string, Set<string>>();

  createBroadcast(broadcast: Broadcast): void {
    this.rows.set(broadcast.id, broadcast);
  }
  broadcast(id: string): Broadcast | undefined {
    return this.rows.get(id);
  }
  broadcasts(): readonly Broadcast[] {
    return [...this.rows.values()];
  }
  transition(id: string, from: BroadcastState, patch: Partial<Broadcast> & { state: BroadcastState }): boolean {
    const current = this.rows.get(id);
    if (current?.state !== from) return false;
    this.rows.set(id, { ...current, ...patch });
    return true;
  }
  subscribe(personId: string, topic: string): void {
    this.topics.set(topic, new Set([...(this.topics.get(topic) ?? []), personId]));
  }
  unsubscribe(personId: string, topic: string): void {
    this.topics.get(topic)?.delete(personId);
  }
  subscribers(topic: string): readonly string[] {
    return [...(this.topics.get(topic) ?? [])].sort();
  }
  topicsOf(personId: string): readonly string[] {
    return [...this.topics].filter(([, people]) => people.has(personId)).map(([topic]) => topic).sort();
  }
}

interface OutboxRow {
  job: string;
  personId: string;
  state: 'pending' | 'in_flight' | 'sent' | 'failed';
  attempts: number;
  nextAt: string;
  reason?: string;
  acknowledgedOn?: string;
}

/** The outbox in memory, with the same claim/lease semantics as the SQLite one. */
export class InMemoryOutbox implements Outbox {
  readonly jobs = new Map<string, OutboundMessage>();
  readonly rows: OutboxRow[] = [];
  private row = (job: string, personId: string): OutboxRow | undefined => this.rows.find((row) => row.job === job && row.personId === personId);

  enqueue(job: string, message: OutboundMessage, personIds: readonly string[], at: string): boolean {
    if (this.jobs.has(job)) return false;
    this.jobs.set(job, message);
    for (const personId of new Set(personIds)) this.rows.push({ job, personId, state: 'pending', attempts: 0, nextAt: at });
    return true;
  }
  hasJob(job: string): boolean {
    return this.jobs.has(job);
  }
  claim(now: string, limit: number): readonly OutboxEntry[] {
    const due = this.rows.filter((row) => row.state === 'pending' && row.nextAt <= now).slice(0, limit);
    return due.map((row) => {
      Object.assign(row, { state: 'in_flight', attempts: row.attempts + 1, nextAt: now });
      return { job: row.job, personId: row.personId, attempts: row.attempts, message: this.jobs.get(row.job)! };
    });
  }
  markSent(job: string, personId: string, _at?: string): void {
    Object.assign(this.row(job, personId)!, { state: 'sent', reason: undefined });
  }
  markRetry(job: string, personId: string, nextAt: string, reason: string): void {
    Object.assign(this.row(job, personId)!, { state: 'pending', nextAt, reason });
  }
  markFailed(job: string, personId: string, reason: string): void {
    Object.assign(this.row(job, personId)!, { state: 'failed', reason });
  }
  recover(claimedBefore: string): number {
    const stale = this.rows.filter((row) => row.state === 'in_flight' && row.nextAt < claimedBefore);
    for (const row of stale) row.state = 'pending';
    return stale.length;
  }
  open(job: string): boolean {
    return this.rows.some((row) => row.job === job && (row.state === 'pending' || row.state === 'in_flight'));
  }
  report(job: string): DeliveryReport {
    const rows = this.rows.filter((row) => row.job === job);
    const failures = new Map<string, number>();
    for (const row of rows) if (row.state === 'failed') failures.set(row.reason ?? '', (failures.get(row.reason ?? '') ?? 0) + 1);
    return {
      recipients: rows.length, pending: rows.filter((row) => row.state === 'pending' || row.state === 'in_flight').length,
      sent: rows.filter((row) => row.state === 'sent').length, failed: rows.filter((row) => row.state === 'failed').length,
      acknowledged: rows.filter((row) => row.acknowledgedOn).length, failures: [...failures].map(([reason, count]) => ({ reason, count })),
    };
  }
  unacknowledged(personId: string): readonly string[] {
    return this.rows.filter((row) => row.personId === personId && row.state === 'sent' && !row.acknowledgedOn && this.jobs.get(row.job)?.acknowledgeJob).map((row) => row.job).reverse();
  }
  acknowledge(job: string, personId: string, on: string): boolean {
    const row = this.row(job, personId);
    if (!row) return false;
    row.acknowledgedOn ??= on;
    return true;
  }
}

/** Surveys in memory; `writes` records every batch (people and answers) so tests can check batching. */
export class InMemorySurveys implements SurveyStore {
  readonly rows = new Map<string, Survey>();
  readonly units = new Map<string, Readonly<Record<string, string>>>();
  readonly eligible = new Map<string, Map<string, boolean>>();
  readonly stored: { surveyId: string; answer: StoredAnswer }[] = [];
  readonly textRows: { id: number; surveyId: string; questionId: string; text: string; reviewed: boolean }[] = [];
  readonly writes: { people: readonly string[]; answers: number }[] = [];
  private readonly reminders = new Set<string>();

  createSurvey(survey: Survey): void {
    this.rows.set(survey.id, survey);
  }
  survey(id: string): Survey | undefined {
    return this.rows.get(id);
  }
  surveys(): readonly Survey[] {
    return [...this.rows.values()];
  }
  transition(id: string, from: SurveyState, patch: Partial<Survey> & { state: SurveyState }): boolean {
    const current = this.rows.get(id);
    if (current?.state !== from) return false;
    this.rows.set(id, { ...current, ...patch });
    return true;
  }
  openParticipation(surveyId: string, personIds: readonly string[], reportingUnits: Readonly<Record<string, string>>): void {
    this.units.set(surveyId, reportingUnits);
    this.eligible.set(surveyId, new Map(personIds.map((personId) => [personId, false])));
  }
  reportingUnits(surveyId: string): Readonly<Record<string, string>> {
    return this.units.get(surveyId) ?? {};
  }
  isEligible(surveyId: string, personId: string): boolean {
    return this.eligible.get(surveyId)?.has(personId) ?? false;
  }
  hasAnswered(surveyId: string, personId: string): boolean {
    return this.eligible.get(surveyId)?.get(personId) === true;
  }
  nonParticipants(surveyId: string): readonly string[] {
    return [...(this.eligible.get(surveyId) ?? [])].filter(([, answered]) => !answered).map(([personId]) => personId).sort();
  }
  participation(surveyId: string): { eligible: number; answered: number } {
    const people = [...(this.eligible.get(surveyId)?.values() ?? [])];
    return { eligible: people.length, answered: people.filter(Boolean).length };
  }
  writeBatch(surveyId: string, responses: readonly BufferedResponse[], minimum: number): BatchOutcome {
    const marks = this.eligible.get(surveyId);
    const winners = responses.filter((response) => marks?.get(response.personId) === false);
    const duplicates = responses.filter((response) => !winners.includes(response)).map((response) => response.personId);
    if (winners.length === 0 || winners.length < minimum) return { kind: 'held', duplicates };
    for (const response of winners) marks?.set(response.personId, true);
    for (const answer of winners.flatMap((response) => response.answers)) this.stored.push({ surveyId, answer });
    for (const text of winners.flatMap((response) => response.texts)) this.textRows.push({ id: this.textRows.length + 1, surveyId, questionId: text.questionId, text: text.text, reviewed: false });
    this.writes.push({ people: winners.map((response) => response.personId), answers: winners.reduce((sum, response) => sum + response.answers.length, 0) });
    return { kind: 'written', people: winners.length, duplicates };
  }
  /** Reverses the survey's rows (deterministic stand-in for the random order) and counts the calls. */
  reshuffles = 0;
  reshuffle(surveyId: string): void {
    this.reshuffles += 1;
    const mine = this.stored.filter((row) => row.surveyId === surveyId).reverse();
    const others = this.stored.filter((row) => row.surveyId !== surveyId);
    this.stored.splice(0, this.stored.length, ...others, ...mine);
  }
  answers(surveyId: string): readonly StoredAnswer[] {
    return this.stored.filter((row) => row.surveyId === surveyId).map((row) => row.answer);
  }
  texts(surveyId: string): readonly { id: number; questionId: string; text: string; reviewed: boolean }[] {
    return this.textRows.filter((row) => row.surveyId === surveyId).map(({ id, questionId, text, reviewed }) => ({ id, questionId, text, reviewed }));
  }
  markTextsReviewed(surveyId: string, ids: readonly number[]): number {
    const rows = this.textRows.filter((row) => row.surveyId === surveyId && ids.includes(row.id));
    for (const row of rows) row.reviewed = true;
    return rows.length;
  }
  recordReminder(surveyId: string, round: number): boolean {
    const key = `${surveyId}:${round}`;
    if (this.reminders.has(key)) return false;
    this.reminders.add(key);
    return true;
  }
  remindersSent(surveyId: string): number {
    return [...this.reminders].filter((key) => key.startsWith(`${surveyId}:`)).length;
  }
}
