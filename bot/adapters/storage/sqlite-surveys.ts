/**
 * SQLite storage of pulse surveys with anonymity by construction: participation (who answered, to stop
 * duplicates and reminders) and answers live in separate tables with no shared key, no person id and no
 * time in the answer tables. Participation is a WITHOUT ROWID table ordered by person, so its physical
 * order says nothing about when someone answered; answers are written in batches in random order.
 */
import { randomInt } from 'node:crypto';
import type { AnswerValue, StoredAnswer, Survey, SurveyState } from '../../ports/hr-types.ts';
import type { BatchOutcome, BufferedResponse, SurveyStore } from '../../ports/hr-store.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE hr_surveys (id TEXT PRIMARY KEY, state TEXT NOT NULL, data TEXT NOT NULL, reporting_units TEXT NOT NULL DEFAULT '{}');
   CREATE TABLE hr_survey_participation (survey_id TEXT NOT NULL, person_id TEXT NOT NULL, invited_on TEXT NOT NULL,
     answered INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (survey_id, person_id)) WITHOUT ROWID;
   CREATE TABLE hr_survey_answers (survey_id TEXT NOT NULL, reporting_unit TEXT NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL);
   CREATE INDEX hr_survey_answers_survey ON hr_survey_answers (survey_id, question_id);
   CREATE TABLE hr_survey_texts (id INTEGER PRIMARY KEY, survey_id TEXT NOT NULL, question_id TEXT NOT NULL, text TEXT NOT NULL, reviewed INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE hr_survey_reminders (survey_id TEXT NOT NULL, round INTEGER NOT NULL, on_date TEXT NOT NULL, PRIMARY KEY (survey_id, round));`,
];

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

/** Surveys, participation and answers in the lotse database. */
export class SqliteSurveys implements SurveyStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'hr-surveys', migrations);
  }

  createSurvey(survey: Survey): void {
    this.database.prepare('INSERT INTO hr_surveys (id, state, data) VALUES (?, ?, ?)').run(survey.id, survey.state, JSON.stringify(survey));
  }

  survey(id: string): Survey | undefined {
    const row = this.database.prepare<[string], { data: string }>('SELECT data FROM hr_surveys WHERE id = ?').get(id);
    return row ? (JSON.parse(row.data) as Survey) : undefined;
  }

  surveys(): readonly Survey[] {
    return this.database.prepare<[], { data: string }>('SELECT data FROM hr_surveys ORDER BY id').all().map((row) => JSON.parse(row.data) as Survey);
  }

  transition(id: string, from: SurveyState, patch: Partial<Survey> & { state: SurveyState }): boolean {
    const current = this.survey(id);
    if (!current || current.state !== from) return false;
    const next = { ...current, ...patch };
    return this.database.prepare('UPDATE hr_surveys SET state = ?, data = ? WHERE id = ? AND state = ?').run(next.state, JSON.stringify(next), id, from).changes === 1;
  }

  openParticipation(surveyId: string, personIds: readonly string[], reportingUnits: Readonly<Record<string, string>>, on: string): void {
    this.database.transaction(() => {
      this.database.prepare('UPDATE hr_surveys SET reporting_units = ? WHERE id = ?').run(JSON.stringify(reportingUnits), surveyId);
      const insert = this.database.prepare('INSERT OR IGNORE INTO hr_survey_participation (survey_id, person_id, invited_on) VALUES (?, ?, ?)');
      for (const personId of personIds) insert.run(surveyId, personId, on.slice(0, 10));
    })();
  }

  reportingUnits(surveyId: string): Readonly<Record<string, string>> {
    const row = this.database.prepare<[string], { reporting_units: string }>('SELECT reporting_units FROM hr_surveys WHERE id = ?').get(surveyId);
    return row ? (JSON.parse(row.reporting_units) as Record<string, string>) : {};
  }

  isEligible(surveyId: string, personId: string): boolean {
    return this.database.prepare('SELECT 1 FROM hr_survey_participation WHERE survey_id = ? AND person_id = ?').get(surveyId, personId) !== undefined;
  }

  hasAnswered(surveyId: string, personId: string): boolean {
    return this.database.prepare('SELECT 1 FROM hr_survey_participation WHERE survey_id = ? AND person_id = ? AND answered = 1').get(surveyId, personId) !== undefined;
  }

  nonParticipants(surveyId: string): readonly string[] {
    return this.database.prepare<[string], { person_id: string }>('SELECT person_id FROM hr_survey_participation WHERE survey_id = ? AND answered = 0 ORDER BY person_id').all(surveyId).map((row) => row.person_id);
  }

  participation(surveyId: string): { eligible: number; answered: number } {
    const row = this.database.prepare<[string], { eligible: number; answered: number | null }>('SELECT COUNT(*) AS eligible, SUM(answered) AS answered FROM hr_survey_participation WHERE survey_id = ?').get(surveyId);
    return { eligible: row?.eligible ?? 0, answered: row?.answered ?? 0 };
  }

  writeBatch(surveyId: string, responses: readonly BufferedResponse[], minimum: number): BatchOutcome {
    let duplicates: string[] = [];
    try {
      return this.database.transaction(() => {
        // Sorted, so that two replicas writing at once lock participation rows in the same order (no deadlock).
        const mark = this.database.prepare('UPDATE hr_survey_participation SET answered = 1 WHERE survey_id = ? AND person_id = ? AND answered = 0');
        const sorted = [...responses].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
        const winners = sorted.filter((response) => mark.run(surveyId, response.personId).changes === 1);
        duplicates = sorted.filter((response) => !winners.includes(response)).map((response) => response.personId);
        if (winners.length < minimum || winners.length === 0) throw new HeldBatch();
        this.insertAnswers(surveyId, winners);
        return { kind: 'written' as const, people: winners.length, duplicates };
      })();
    } catch (error) {
      if (error instanceof HeldBatch) return { kind: 'held', duplicates };
      throw error;
    }
  }

  private insertAnswers(surveyId: string, winners: readonly BufferedResponse[]): void {
    const insert = this.database.prepare('INSERT INTO hr_survey_answers (survey_id, reporting_unit, question_id, value) VALUES (?, ?, ?, ?)');
    for (const answer of shuffled(winners.flatMap((response) => response.answers))) insert.run(surveyId, answer.reportingUnit, answer.questionId, JSON.stringify(answer.value));
    const insertText = this.database.prepare('INSERT INTO hr_survey_texts (survey_id, question_id, text) VALUES (?, ?, ?)');
    for (const text of shuffled(winners.flatMap((response) => response.texts))) insertText.run(surveyId, text.questionId, text.text);
  }

  reshuffle(surveyId: string): void {
    this.database.transaction(() => {
      const answers = this.database.prepare<[string], { reporting_unit: string; question_id: string; value: string }>('SELECT reporting_unit, question_id, value FROM hr_survey_answers WHERE survey_id = ?').all(surveyId);
      const texts = this.database.prepare<[string], { question_id: string; text: string; reviewed: number }>('SELECT question_id, text, reviewed FROM hr_survey_texts WHERE survey_id = ?').all(surveyId);
      this.database.prepare('DELETE FROM hr_survey_answers WHERE survey_id = ?').run(surveyId);
      this.database.prepare('DELETE FROM hr_survey_texts WHERE survey_id = ?').run(surveyId);
      const insert = this.database.prepare('INSERT INTO hr_survey_answers (survey_id, reporting_unit, question_id, value) VALUES (?, ?, ?, ?)');
      for (const row of shuffled(answers)) insert.run(surveyId, row.reporting_unit, row.question_id, row.value);
      const insertText = this.database.prepare('INSERT INTO hr_survey_texts (survey_id, question_id, text, reviewed) VALUES (?, ?, ?, ?)');
      for (const row of shuffled(texts)) insertText.run(surveyId, row.question_id, row.text, row.reviewed);
    })();
  }

  answers(surveyId: string): readonly StoredAnswer[] {
    return this.database.prepare<[string], { reporting_unit: string; question_id: string; value: string }>('SELECT reporting_unit, question_id, value FROM hr_survey_answers WHERE survey_id = ?')
      .all(surveyId).map((row) => ({ questionId: row.question_id, reportingUnit: row.reporting_unit, value: JSON.parse(row.value) as AnswerValue }));
  }

  texts(surveyId: string): readonly { id: number; questionId: string; text: string; reviewed: boolean }[] {
    return this.database.prepare<[string], { id: number; question_id: string; text: string; reviewed: number }>('SELECT id, question_id, text, reviewed FROM hr_survey_texts WHERE survey_id = ? ORDER BY id')
      .all(surveyId).map((row) => ({ id: row.id, questionId: row.question_id, text: row.text, reviewed: row.reviewed === 1 }));
  }

  markTextsReviewed(surveyId: string, ids: readonly number[]): number {
    const mark = this.database.prepare('UPDATE hr_survey_texts SET reviewed = 1 WHERE survey_id = ? AND id = ?');
    return this.database.transaction(() => ids.reduce((sum, id) => sum + mark.run(surveyId, id).changes, 0))();
  }

  recordReminder(surveyId: string, round: number, on: string): boolean {
    return this.database.prepare('INSERT OR IGNORE INTO hr_survey_reminders (survey_id, round, on_date) VALUES (?, ?, ?)').run(surveyId, round, on.slice(0, 10)).changes === 1;
  }

  remindersSent(surveyId: string): number {
    const row = this.database.prepare<[string], { rounds: number }>('SELECT COUNT(*) AS rounds FROM hr_survey_reminders WHERE survey_id = ?').get(surveyId);
    return row?.rounds ?? 0;
  }
}
