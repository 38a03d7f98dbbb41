/**
 * Pulse surveys on the asynchronous store database (SQLite or PostgreSQL; tables from migration `0016-surveys`),
 * with anonymity by construction: participation (who answered, to stop duplicates and reminders) and answers live
 * in separate tables with no shared key, no person id and no time in the answer tables. Participation is marked in
 * person order within each batch (and on SQLite is a WITHOUT ROWID table ordered by person), so its physical order
 * says nothing about when someone answered; answers are written in batches in random order.
 *
 * JSON columns are written and read with the codecs of `stored-documents.ts` (versioned, zod-checked). A survey
 * this lotse cannot read (written by a newer lotse, or invalid) is treated as absent — `survey` gives `undefined`,
 * `surveys` leaves it out, `transition` answers false (so it is never written back) — and logged once per row and
 * reason (`stored-json-refused`). Reporting units and answer values feed the results: skipping one would report
 * wrong figures, so an unreadable one makes `reportingUnits`/`answers` reject with a `StoredJsonError`.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { StoredAnswer, Survey, SurveyState } from '../../ports/hr-types.ts';
import type { BatchOutcome, BufferedResponse, SurveyStore } from '../../ports/hr-store.ts';
import { first, rows, run, type SqlExecutor, type StoreDatabase } from '../sql/store-database.ts';
import { refusedRowReporter, StoredJsonError } from '../sql/stored-json.ts';
import { storedAnswerValue, storedReportingUnits, storedSurvey } from './stored-documents.ts';

/** Rows per multi-row INSERT (well below SQLite's bound-parameter limit). */
const chunkSize = 250;

/** Fisher–Yates with a cryptographic source, so that row order cannot be predicted from input order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** Thrown inside the batch transaction to roll it back when too few people remain. */
class HeldBatch extends Error {}

const byPerson = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Inserts rows in the given order, in chunks of multi-row VALUES. */
async function insertAll(tx: SqlExecutor, into: ReturnType<typeof sql.raw>, values: readonly ReturnType<typeof sql>[]): Promise<void> {
  for (let start = 0; start < values.length; start += chunkSize)
    await run(tx, sql`INSERT INTO ${into} VALUES ${sql.join(values.slice(start, start + chunkSize))}`);
}

/** Surveys, participation and answers in the lotse database. */
export class SqlSurveys implements SurveyStore {
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly database: StoreDatabase) {
    this.refused = refusedRowReporter('surveys', database.logger);
  }

  /** The survey of a row, or undefined (logged once) when it cannot be read. */
  private parse(row: { id: string; data: string }): Survey | undefined {
    const decoded = storedSurvey.decode(row.data);
    if (decoded.ok) return decoded.value;
    this.refused(row.id, decoded.reason);
    return undefined;
  }

  async createSurvey(survey: Survey): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO hr_surveys (id, state, data) VALUES (${survey.id}, ${survey.state}, ${storedSurvey.encode(survey)})`,
    );
  }

  async survey(id: string): Promise<Survey | undefined> {
    const row = await first(this.database.db, sql<{ id: string; data: string }>`SELECT id, data FROM hr_surveys WHERE id = ${id}`);
    return row ? this.parse(row) : undefined;
  }

  async surveys(): Promise<readonly Survey[]> {
    return (await rows(this.database.db, sql<{ id: string; data: string }>`SELECT id, data FROM hr_surveys ORDER BY id`)).flatMap(
      (row) => this.parse(row) ?? [],
    );
  }

  async transition(id: string, from: SurveyState, patch: Partial<Survey> & { state: SurveyState }): Promise<boolean> {
    const current = await this.survey(id);
    if (!current || current.state !== from) return false;
    const next = { ...current, ...patch };
    return (
      (await run(
        this.database.db,
        sql`UPDATE hr_surveys SET state = ${next.state}, data = ${storedSurvey.encode(next)} WHERE id = ${id} AND state = ${from}`,
      )) === 1
    );
  }

  async openParticipation(
    surveyId: string,
    personIds: readonly string[],
    reportingUnits: Readonly<Record<string, string>>,
    on: string,
  ): Promise<void> {
    const people = [...new Set(personIds)].sort(byPerson);
    await this.database.transaction(async (tx) => {
      await run(tx, sql`UPDATE hr_surveys SET reporting_units = ${storedReportingUnits.encode(reportingUnits)} WHERE id = ${surveyId}`);
      for (let start = 0; start < people.length; start += chunkSize) {
        const values = people.slice(start, start + chunkSize).map((personId) => sql`(${surveyId}, ${personId}, ${on.slice(0, 10)})`);
        await run(
          tx,
          sql`INSERT INTO hr_survey_participation (survey_id, person_id, invited_on) VALUES ${sql.join(values)} ON CONFLICT (survey_id, person_id) DO NOTHING`,
        );
      }
    });
  }

  async reportingUnits(surveyId: string): Promise<Readonly<Record<string, string>>> {
    const row = await first(
      this.database.db,
      sql<{ reporting_units: string }>`SELECT reporting_units FROM hr_surveys WHERE id = ${surveyId}`,
    );
    if (!row) return {};
    const decoded = storedReportingUnits.decode(row.reporting_units);
    if (!decoded.ok) throw new StoredJsonError(`reporting units of survey ${surveyId}`, decoded.reason);
    return decoded.value;
  }

  async isEligible(surveyId: string, personId: string): Promise<boolean> {
    return (
      (await first(
        this.database.db,
        sql`SELECT 1 AS found FROM hr_survey_participation WHERE survey_id = ${surveyId} AND person_id = ${personId}`,
      )) !== undefined
    );
  }

  async hasAnswered(surveyId: string, personId: string): Promise<boolean> {
    return (
      (await first(
        this.database.db,
        sql`SELECT 1 AS found FROM hr_survey_participation WHERE survey_id = ${surveyId} AND person_id = ${personId} AND answered = 1`,
      )) !== undefined
    );
  }

  async nonParticipants(surveyId: string): Promise<readonly string[]> {
    return (
      await rows(
        this.database.db,
        sql<{
          person_id: string;
        }>`SELECT person_id FROM hr_survey_participation WHERE survey_id = ${surveyId} AND answered = 0 ORDER BY person_id`,
      )
    ).map((row) => row.person_id);
  }

  async participation(surveyId: string): Promise<{ eligible: number; answered: number }> {
    const row = await first(
      this.database.db,
      sql<{ eligible: number; answered: number | null }>`
      SELECT COUNT(*) AS eligible, SUM(answered) AS answered FROM hr_survey_participation WHERE survey_id = ${surveyId}`,
    );
    return { eligible: Number(row?.eligible ?? 0), answered: Number(row?.answered ?? 0) };
  }

  async writeBatch(surveyId: string, responses: readonly BufferedResponse[], minimum: number): Promise<BatchOutcome> {
    let duplicates: string[] = [];
    try {
      return await this.database.transaction(async (tx) => {
        // Sorted: participation is marked in person order (its order says nothing about who answered first), and two
        // replicas writing at once lock participation rows in the same order (no deadlock).
        const sorted = [...responses].sort((a, b) => byPerson(a.personId, b.personId));
        const winners: BufferedResponse[] = [];
        for (const response of sorted) {
          const marked = await run(
            tx,
            sql`UPDATE hr_survey_participation SET answered = 1 WHERE survey_id = ${surveyId} AND person_id = ${response.personId} AND answered = 0`,
          );
          if (marked === 1) winners.push(response);
        }
        duplicates = sorted.filter((response) => !winners.includes(response)).map((response) => response.personId);
        if (winners.length < minimum || winners.length === 0) throw new HeldBatch();
        await this.insertAnswers(tx, surveyId, winners);
        return { kind: 'written' as const, people: winners.length, duplicates };
      });
    } catch (error) {
      if (error instanceof HeldBatch) return { kind: 'held', duplicates };
      throw error;
    }
  }

  private async insertAnswers(tx: SqlExecutor, surveyId: string, winners: readonly BufferedResponse[]): Promise<void> {
    const answers = shuffled(winners.flatMap((response) => response.answers)).map(
      (answer) => sql`(${surveyId}, ${answer.reportingUnit}, ${answer.questionId}, ${storedAnswerValue.encode(answer.value)})`,
    );
    await insertAll(tx, sql.raw('hr_survey_answers (survey_id, reporting_unit, question_id, value)'), answers);
    const texts = shuffled(winners.flatMap((response) => response.texts)).map(
      (text) => sql`(${surveyId}, ${text.questionId}, ${text.text})`,
    );
    await insertAll(tx, sql.raw('hr_survey_texts (survey_id, question_id, text)'), texts);
  }

  async reshuffle(surveyId: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      const answers = await rows(
        tx,
        sql<{
          reporting_unit: string;
          question_id: string;
          value: string;
        }>`SELECT reporting_unit, question_id, value FROM hr_survey_answers WHERE survey_id = ${surveyId}`,
      );
      const texts = await rows(
        tx,
        sql<{
          question_id: string;
          text: string;
          reviewed: number;
        }>`SELECT question_id, text, reviewed FROM hr_survey_texts WHERE survey_id = ${surveyId}`,
      );
      await run(tx, sql`DELETE FROM hr_survey_answers WHERE survey_id = ${surveyId}`);
      await run(tx, sql`DELETE FROM hr_survey_texts WHERE survey_id = ${surveyId}`);
      await insertAll(
        tx,
        sql.raw('hr_survey_answers (survey_id, reporting_unit, question_id, value)'),
        shuffled(answers).map((row) => sql`(${surveyId}, ${row.reporting_unit}, ${row.question_id}, ${row.value})`),
      );
      await insertAll(
        tx,
        sql.raw('hr_survey_texts (survey_id, question_id, text, reviewed)'),
        shuffled(texts).map((row) => sql`(${surveyId}, ${row.question_id}, ${row.text}, ${Number(row.reviewed)})`),
      );
    });
  }

  async answers(surveyId: string): Promise<readonly StoredAnswer[]> {
    return (
      await rows(
        this.database.db,
        sql<{
          reporting_unit: string;
          question_id: string;
          value: string;
        }>`SELECT reporting_unit, question_id, value FROM hr_survey_answers WHERE survey_id = ${surveyId}`,
      )
    ).map((row) => {
      const decoded = storedAnswerValue.decode(row.value);
      // no row id in the log or error: answers are anonymous, only the survey and question are named
      if (!decoded.ok) throw new StoredJsonError(`answer to question ${row.question_id} of survey ${surveyId}`, decoded.reason);
      return { questionId: row.question_id, reportingUnit: row.reporting_unit, value: decoded.value };
    });
  }

  async texts(surveyId: string): Promise<readonly { id: number; questionId: string; text: string; reviewed: boolean }[]> {
    return (
      await rows(
        this.database.db,
        sql<{
          id: number;
          question_id: string;
          text: string;
          reviewed: number;
        }>`SELECT id, question_id, text, reviewed FROM hr_survey_texts WHERE survey_id = ${surveyId} ORDER BY id`,
      )
    ).map((row) => ({ id: Number(row.id), questionId: row.question_id, text: row.text, reviewed: Number(row.reviewed) === 1 }));
  }

  async markTextsReviewed(surveyId: string, ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    return run(
      this.database.db,
      sql`UPDATE hr_survey_texts SET reviewed = 1 WHERE survey_id = ${surveyId} AND id IN (${sql.join([...new Set(ids)])})`,
    );
  }

  async recordReminder(surveyId: string, round: number, on: string): Promise<boolean> {
    return (
      (await run(
        this.database.db,
        sql`INSERT INTO hr_survey_reminders (survey_id, round, on_date) VALUES (${surveyId}, ${round}, ${on.slice(0, 10)}) ON CONFLICT (survey_id, round) DO NOTHING`,
      )) === 1
    );
  }

  async remindersSent(surveyId: string): Promise<number> {
    return Number(
      (
        await first(
          this.database.db,
          sql<{ rounds: number }>`SELECT COUNT(*) AS rounds FROM hr_survey_reminders WHERE survey_id = ${surveyId}`,
        )
      )?.rounds ?? 0,
    );
  }
}
