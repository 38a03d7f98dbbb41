import type { OutboundMessage } from '../../bot/ports/channel-sender.ts';
import type {
  BatchOutcome,
  BroadcastStore,
  BufferedResponse,
  Outbox,
  OutboxEntry,
  Subscriptions,
  SurveyStore,
} from '../../bot/ports/hr-store.ts';
import type { Broadcast, BroadcastState, DeliveryReport, StoredAnswer, Survey, SurveyState } from '../../bot/ports/hr-types.ts';

/** Broadcasts and subscriptions in memory (deterministic; broadcasts by send time, like the SQL store). */
export class InMemoryBroadcasts implements BroadcastStore, Subscriptions {
  readonly rows = new Map<string, Broadcast>();
  private readonly topics = new Map<string, Set<string>>();

  async createBroadcast(broadcast: Broadcast): Promise<void> {
    this.rows.set(broadcast.id, broadcast);
  }
  async broadcast(id: string): Promise<Broadcast | undefined> {
    return this.rows.get(id);
  }
  async broadcasts(): Promise<readonly Broadcast[]> {
    return [...this.rows.values()].sort((a, b) => (a.sendAt === b.sendAt ? (a.id < b.id ? -1 : 1) : a.sendAt < b.sendAt ? -1 : 1));
  }
  async transition(id: string, from: BroadcastState, patch: Partial<Broadcast> & { state: BroadcastState }): Promise<boolean> {
    const current = this.rows.get(id);
    if (current?.state !== from) return false;
    this.rows.set(id, { ...current, ...patch });
    return true;
  }
  async subscribe(personId: string, topic: string): Promise<void> {
    this.topics.set(topic, new Set([...(this.topics.get(topic) ?? []), personId]));
  }
  async unsubscribe(personId: string, topic: string): Promise<void> {
    this.topics.get(topic)?.delete(personId);
  }
  async subscribers(topic: string): Promise<readonly string[]> {
    return [...(this.topics.get(topic) ?? [])].sort();
  }
  async topicsOf(personId: string): Promise<readonly string[]> {
    return [...this.topics]
      .filter(([, people]) => people.has(personId))
      .map(([topic]) => topic)
      .sort();
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
  private row = (job: string, personId: string): OutboxRow | undefined =>
    this.rows.find((row) => row.job === job && row.personId === personId);

  async enqueue(job: string, message: OutboundMessage, personIds: readonly string[], at: string): Promise<boolean> {
    if (this.jobs.has(job)) return false;
    this.jobs.set(job, message);
    for (const personId of new Set(personIds)) this.rows.push({ job, personId, state: 'pending', attempts: 0, nextAt: at });
    return true;
  }
  async pendingCount(): Promise<number> {
    return this.rows.filter((row) => row.state === 'pending' || row.state === 'in_flight').length;
  }
  async hasJob(job: string): Promise<boolean> {
    return this.jobs.has(job);
  }
  async claim(now: string, limit: number): Promise<readonly OutboxEntry[]> {
    const due = this.rows.filter((row) => row.state === 'pending' && row.nextAt <= now).slice(0, limit);
    return due.map((row) => {
      Object.assign(row, { state: 'in_flight', attempts: row.attempts + 1, nextAt: now });
      return { job: row.job, personId: row.personId, attempts: row.attempts, message: this.jobs.get(row.job)! };
    });
  }
  async markSent(job: string, personId: string, _at?: string): Promise<void> {
    Object.assign(this.row(job, personId)!, { state: 'sent', reason: undefined });
  }
  async markRetry(job: string, personId: string, nextAt: string, reason: string): Promise<void> {
    Object.assign(this.row(job, personId)!, { state: 'pending', nextAt, reason });
  }
  async markFailed(job: string, personId: string, reason: string): Promise<void> {
    Object.assign(this.row(job, personId)!, { state: 'failed', reason });
  }
  async recover(claimedBefore: string): Promise<number> {
    const stale = this.rows.filter((row) => row.state === 'in_flight' && row.nextAt < claimedBefore);
    for (const row of stale) row.state = 'pending';
    return stale.length;
  }
  async open(job: string): Promise<boolean> {
    return this.rows.some((row) => row.job === job && (row.state === 'pending' || row.state === 'in_flight'));
  }
  async report(job: string): Promise<DeliveryReport> {
    const rows = this.rows.filter((row) => row.job === job);
    const failures = new Map<string, number>();
    for (const row of rows) if (row.state === 'failed') failures.set(row.reason ?? '', (failures.get(row.reason ?? '') ?? 0) + 1);
    return {
      recipients: rows.length,
      pending: rows.filter((row) => row.state === 'pending' || row.state === 'in_flight').length,
      sent: rows.filter((row) => row.state === 'sent').length,
      failed: rows.filter((row) => row.state === 'failed').length,
      acknowledged: rows.filter((row) => row.acknowledgedOn).length,
      failures: [...failures].map(([reason, count]) => ({ reason, count })),
    };
  }
  async unacknowledged(personId: string): Promise<readonly string[]> {
    return this.rows
      .filter((row) => row.personId === personId && row.state === 'sent' && !row.acknowledgedOn && this.jobs.get(row.job)?.acknowledgeJob)
      .map((row) => row.job)
      .reverse();
  }
  async acknowledge(job: string, personId: string, on: string): Promise<boolean> {
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

  async createSurvey(survey: Survey): Promise<void> {
    this.rows.set(survey.id, survey);
  }
  async survey(id: string): Promise<Survey | undefined> {
    return this.rows.get(id);
  }
  async surveys(): Promise<readonly Survey[]> {
    return [...this.rows.values()];
  }
  async transition(id: string, from: SurveyState, patch: Partial<Survey> & { state: SurveyState }): Promise<boolean> {
    const current = this.rows.get(id);
    if (current?.state !== from) return false;
    this.rows.set(id, { ...current, ...patch });
    return true;
  }
  async openParticipation(surveyId: string, personIds: readonly string[], reportingUnits: Readonly<Record<string, string>>): Promise<void> {
    this.units.set(surveyId, reportingUnits);
    this.eligible.set(surveyId, new Map(personIds.map((personId) => [personId, false])));
  }
  async reportingUnits(surveyId: string): Promise<Readonly<Record<string, string>>> {
    return this.units.get(surveyId) ?? {};
  }
  async isEligible(surveyId: string, personId: string): Promise<boolean> {
    return this.eligible.get(surveyId)?.has(personId) ?? false;
  }
  async hasAnswered(surveyId: string, personId: string): Promise<boolean> {
    return this.eligible.get(surveyId)?.get(personId) === true;
  }
  async nonParticipants(surveyId: string): Promise<readonly string[]> {
    return [...(this.eligible.get(surveyId) ?? [])]
      .filter(([, answered]) => !answered)
      .map(([personId]) => personId)
      .sort();
  }
  async participation(surveyId: string): Promise<{ eligible: number; answered: number }> {
    const people = [...(this.eligible.get(surveyId)?.values() ?? [])];
    return { eligible: people.length, answered: people.filter(Boolean).length };
  }
  async writeBatch(surveyId: string, responses: readonly BufferedResponse[], minimum: number): Promise<BatchOutcome> {
    const marks = this.eligible.get(surveyId);
    const winners = responses.filter((response) => marks?.get(response.personId) === false);
    const duplicates = responses.filter((response) => !winners.includes(response)).map((response) => response.personId);
    if (winners.length === 0 || winners.length < minimum) return { kind: 'held', duplicates };
    for (const response of winners) marks?.set(response.personId, true);
    for (const answer of winners.flatMap((response) => response.answers)) this.stored.push({ surveyId, answer });
    for (const text of winners.flatMap((response) => response.texts))
      this.textRows.push({ id: this.textRows.length + 1, surveyId, questionId: text.questionId, text: text.text, reviewed: false });
    this.writes.push({
      people: winners.map((response) => response.personId),
      answers: winners.reduce((sum, response) => sum + response.answers.length, 0),
    });
    return { kind: 'written', people: winners.length, duplicates };
  }
  /** Reverses the survey's rows (deterministic stand-in for the random order) and counts the calls. */
  reshuffles = 0;
  async reshuffle(surveyId: string): Promise<void> {
    this.reshuffles += 1;
    const mine = this.stored.filter((row) => row.surveyId === surveyId).reverse();
    const others = this.stored.filter((row) => row.surveyId !== surveyId);
    this.stored.splice(0, this.stored.length, ...others, ...mine);
  }
  async answers(surveyId: string): Promise<readonly StoredAnswer[]> {
    return this.stored.filter((row) => row.surveyId === surveyId).map((row) => row.answer);
  }
  async texts(surveyId: string): Promise<readonly { id: number; questionId: string; text: string; reviewed: boolean }[]> {
    return this.textRows
      .filter((row) => row.surveyId === surveyId)
      .map(({ id, questionId, text, reviewed }) => ({ id, questionId, text, reviewed }));
  }
  async markTextsReviewed(surveyId: string, ids: readonly number[]): Promise<number> {
    const rows = this.textRows.filter((row) => row.surveyId === surveyId && ids.includes(row.id));
    for (const row of rows) row.reviewed = true;
    return rows.length;
  }
  async recordReminder(surveyId: string, round: number): Promise<boolean> {
    const key = `${surveyId}:${round}`;
    if (this.reminders.has(key)) return false;
    this.reminders.add(key);
    return true;
  }
  async remindersSent(surveyId: string): Promise<number> {
    return [...this.reminders].filter((key) => key.startsWith(`${surveyId}:`)).length;
  }
}
