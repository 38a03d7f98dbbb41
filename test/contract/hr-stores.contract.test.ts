/**
 * The HR stores (issue #10, asynchronous since issue #20) on the in-memory fakes, SQLite and PostgreSQL: the outbox
 * (one row per job and person, exactly one claimer across replicas), surveys (participation apart from answers, first
 * response wins across replicas) and broadcasts; and a database whose tables the old constructors created keeps its rows.
 * Stored JSON (issue #20, item 2): documents written before versions still read; a document of a newer lotse or an
 * invalid one is left out (surveys, broadcasts), released from a claim (outbox) or refused with an error (results).
 */
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { SqlBroadcasts } from '../../bot/adapters/storage/sql-broadcasts.ts';
import { newerJobDelayMs, SqlHrOutbox, unreadableMessageReason } from '../../bot/adapters/storage/sql-hr-outbox.ts';
import { StoredJsonError } from '../../bot/adapters/sql/stored-json.ts';
import { SqlSurveys } from '../../bot/adapters/storage/sql-surveys.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { InMemoryBroadcasts, InMemoryOutbox, InMemorySurveys } from '../fakes/in-memory-hr-stores.ts';
import { useBackends } from './backends.ts';
import {
  runBroadcastStoreContract,
  runOutboxContract,
  runSurveyStoreContract,
  sampleBroadcast,
  sampleSurvey,
} from './hr-stores.contract.ts';
import { literal, versioned, withRefusals } from './stored-json-support.ts';

const at = '2026-12-01T08:00:00.000Z';

const same = <T>(store: T) => ({ a: store, b: store });

runOutboxContract('the in-memory fake', true, async () => same(new InMemoryOutbox()));
runSurveyStoreContract('the in-memory fake', true, async () => same(new InMemorySurveys()));
runBroadcastStoreContract('the in-memory fake', true, async () => same(new InMemoryBroadcasts()));

for (const backend of useBackends()) {
  // PostgreSQL: two pools (two replicas). SQLite: two stores on one connection, concurrent callers of one process —
  // a second connection in the same thread would wait synchronously on the first one's lock (two processes are the
  // kill -9 restart test's case).
  const two = async <T>(make: (database: Awaited<ReturnType<typeof backend.fresh>>['store']) => T) => {
    const { store, secondStore } = await backend.fresh();
    return { a: make(store), b: make(backend.name === 'postgres' ? await secondStore() : store) };
  };
  runOutboxContract(backend.name, backend.available, () => two((database) => new SqlHrOutbox(database)));
  runSurveyStoreContract(backend.name, backend.available, () => two((database) => new SqlSurveys(database)));
  runBroadcastStoreContract(backend.name, backend.available, () => two((database) => new SqlBroadcasts(database)));

  describe.skipIf(!backend.available)(`stored JSON of the HR stores on ${backend.name}`, () => {
    it('surveys: reads old documents, leaves out (logged once) newer and invalid ones, never rewrites them', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const surveys = new SqlSurveys(store);
      await surveys.createSurvey(sampleSurvey);
      const insert = (id: string, data: string) =>
        fresh.raw(`INSERT INTO hr_surveys (id, state, data) VALUES (${literal(id)}, 'draft', ${literal(data)})`);
      await insert('survey-2', JSON.stringify({ ...sampleSurvey, id: 'survey-2' }));
      await insert('survey-3', versioned(2, { ...sampleSurvey, id: 'survey-3' }));
      await insert('survey-4', JSON.stringify({ ...sampleSurvey, id: 'survey-4', questions: 'keine' }));
      expect(await surveys.survey('survey-2')).toEqual({ ...sampleSurvey, id: 'survey-2' });
      expect((await surveys.surveys()).map((survey) => survey.id)).toEqual(['survey-1', 'survey-2']);
      expect([await surveys.survey('survey-3'), await surveys.survey('survey-4')]).toEqual([undefined, undefined]);
      expect(await surveys.transition('survey-3', 'draft', { state: 'approved' })).toBe(false);
      expect((await fresh.raw<{ state: string; data: string }>("SELECT state, data FROM hr_surveys WHERE id = 'survey-3'"))[0]).toEqual({
        state: 'draft',
        data: versioned(2, { ...sampleSurvey, id: 'survey-3' }),
      });
      expect(refused.map((entry) => [entry.key, String(entry.reason).split(' (')[0]])).toEqual([
        ['survey-3', 'written by a newer lotse'],
        ['survey-4', 'invalid document'],
      ]);
    });

    it('survey results: reads old reporting units and answers, refuses newer or invalid ones with an error', async () => {
      const fresh = await backend.fresh();
      const surveys = new SqlSurveys(fresh.store);
      await surveys.createSurvey(sampleSurvey);
      await surveys.openParticipation('survey-1', ['p1', 'p2'], { A50: 'A5' }, at);
      expect(
        await surveys.writeBatch(
          'survey-1',
          [{ personId: 'p1', answers: [{ questionId: 'q1', reportingUnit: 'A5', value: 4 }], texts: [] }],
          1,
        ),
      ).toMatchObject({ kind: 'written' });
      expect(await surveys.reportingUnits('survey-1')).toEqual({ A50: 'A5' });
      await fresh.raw(
        `INSERT INTO hr_survey_answers (survey_id, reporting_unit, question_id, value) VALUES ('survey-1', 'A5', 'q1', '2'), ('survey-1', 'A5', 'q2', '[0,2]')`,
      );
      expect((await surveys.answers('survey-1')).map((answer) => answer.value).sort()).toEqual([2, 4, [0, 2]].sort());
      await fresh.raw(`UPDATE hr_surveys SET reporting_units = '{"A50":"A5","A60":"A6"}' WHERE id = 'survey-1'`);
      expect(await surveys.reportingUnits('survey-1')).toEqual({ A50: 'A5', A60: 'A6' });
      await fresh.raw(`UPDATE hr_surveys SET reporting_units = '{"$v":2,"A50":"A5"}' WHERE id = 'survey-1'`);
      await expect(surveys.reportingUnits('survey-1')).rejects.toThrow(
        new StoredJsonError(
          'reporting units of survey survey-1',
          'written by a newer lotse (document version 2, this lotse reads up to version 1)',
        ),
      );
      expect(await fresh.raw<{ value: string }>("SELECT value FROM hr_survey_answers WHERE value = '4'")).toEqual([{ value: '4' }]); // version 1 answers stay bare
      await fresh.raw(
        `INSERT INTO hr_survey_answers (survey_id, reporting_unit, question_id, value) VALUES ('survey-1', 'A5', 'q3', '{"$v":2,"value":3}')`,
      );
      await expect(surveys.answers('survey-1')).rejects.toThrow(
        /^stored answer to question q3 of survey survey-1 cannot be read: written by a newer lotse/,
      );
      await fresh.raw("DELETE FROM hr_survey_answers WHERE question_id = 'q3'");
      await fresh.raw(
        `INSERT INTO hr_survey_answers (survey_id, reporting_unit, question_id, value) VALUES ('survey-1', 'A5', 'q1', '{"$v":1,"value":{"scale":3}}')`,
      );
      await expect(surveys.answers('survey-1')).rejects.toThrow(StoredJsonError);
      await expect(surveys.answers('survey-1')).rejects.toThrow(
        /^stored answer to question q1 of survey survey-1 cannot be read: invalid document/,
      );
    });

    it('broadcasts: reads old documents, leaves out (logged once) newer and invalid ones, neither sends nor rewrites them', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const broadcasts = new SqlBroadcasts(store);
      const insert = (id: string, data: string) =>
        fresh.raw(
          `INSERT INTO hr_broadcasts (id, state, send_at, data) VALUES (${literal(id)}, 'released', ${literal(at)}, ${literal(data)})`,
        );
      await insert('b-old', JSON.stringify({ ...sampleBroadcast, id: 'b-old', state: 'released' }));
      await insert('b-new', versioned(5, { ...sampleBroadcast, id: 'b-new', state: 'released' }));
      await insert('b-bad', JSON.stringify({ ...sampleBroadcast, id: 'b-bad', state: 'released', audience: { kind: 'everyone' } }));
      expect(await broadcasts.broadcast('b-old')).toEqual({ ...sampleBroadcast, id: 'b-old', state: 'released' });
      expect((await broadcasts.broadcasts()).map((broadcast) => broadcast.id)).toEqual(['b-old']);
      expect(await broadcasts.transition('b-new', 'released', { state: 'sending' })).toBe(false);
      expect(await broadcasts.transition('b-old', 'released', { state: 'sending' })).toBe(true);
      expect((await fresh.raw<{ data: string }>("SELECT data FROM hr_broadcasts WHERE id = 'b-old'"))[0]?.data).toMatch(/^\{"\$v":1,/);
      await broadcasts.broadcasts();
      expect(refused.map((entry) => entry.key)).toEqual(['b-bad', 'b-new']);
    });

    it("outbox: hands out old messages, gives rows of a newer lotse's job back for later and fails rows of an invalid one", async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const outbox = new SqlHrOutbox(store);
      const job = (name: string, message: string) =>
        fresh.raw(
          `INSERT INTO hr_jobs (job, message, created_at, acknowledgeable) VALUES (${literal(name)}, ${literal(message)}, ${literal(at)}, 0)`,
        );
      await job('j-old', '{"kind":"notice","text":"Hallo"}');
      await job('j-new', versioned(2, { kind: 'notice', text: 'Hallo', channels: ['matrix'] }));
      await job('j-bad', '{"kind":"telegram","text":"Hallo"}');
      await fresh.raw(`INSERT INTO hr_outbox (job, person_id, state, next_at) VALUES
        ('j-old', 'p1', 'pending', ${literal(at)}), ('j-new', 'p1', 'pending', ${literal(at)}), ('j-new', 'p2', 'pending', ${literal(at)}), ('j-bad', 'p1', 'pending', ${literal(at)})`);
      expect((await outbox.claim(at, 10)).map((entry) => [entry.job, entry.personId, entry.message.text])).toEqual([
        ['j-old', 'p1', 'Hallo'],
      ]);
      const later = new Date(Date.parse(at) + newerJobDelayMs).toISOString();
      expect(
        await fresh.raw<{ person_id: string; state: string; attempts: number; next_at: string }>(
          "SELECT person_id, state, attempts, next_at FROM hr_outbox WHERE job = 'j-new' ORDER BY person_id",
        ),
      ).toEqual([
        { person_id: 'p1', state: 'pending', attempts: 0, next_at: later },
        { person_id: 'p2', state: 'pending', attempts: 0, next_at: later },
      ]);
      expect(await outbox.report('j-bad')).toMatchObject({ failed: 1, failures: [{ reason: unreadableMessageReason, count: 1 }] });
      expect(await outbox.claim(at, 10)).toEqual([]);
      expect(refused.map((entry) => [entry.key, String(entry.reason).split(' (')[0]]).sort()).toEqual([
        ['j-bad', 'invalid document'],
        ['j-new', 'written by a newer lotse'],
      ]);
      expect(await outbox.enqueue('j-2', { kind: 'notice', text: 'Neu' }, ['p1'], at)).toBe(true);
      expect((await fresh.raw<{ message: string }>("SELECT message FROM hr_jobs WHERE job = 'j-2'"))[0]?.message).toBe(
        '{"$v":1,"kind":"notice","text":"Neu"}',
      );
    });
  });
}

describe('HR tables of an older lotse', () => {
  it('keeps the tables and rows the old constructors created (the legacy steps are skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'hr-surveys', [
      `CREATE TABLE hr_surveys (id TEXT PRIMARY KEY, state TEXT NOT NULL, data TEXT NOT NULL, reporting_units TEXT NOT NULL DEFAULT '{}');
      CREATE TABLE hr_survey_participation (survey_id TEXT NOT NULL, person_id TEXT NOT NULL, invited_on TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (survey_id, person_id)) WITHOUT ROWID;
      CREATE TABLE hr_survey_answers (survey_id TEXT NOT NULL, reporting_unit TEXT NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL);
      CREATE INDEX hr_survey_answers_survey ON hr_survey_answers (survey_id, question_id);
      CREATE TABLE hr_survey_texts (id INTEGER PRIMARY KEY, survey_id TEXT NOT NULL, question_id TEXT NOT NULL, text TEXT NOT NULL, reviewed INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE hr_survey_reminders (survey_id TEXT NOT NULL, round INTEGER NOT NULL, on_date TEXT NOT NULL, PRIMARY KEY (survey_id, round));`,
    ]);
    migrate(database, 'hr-broadcasts', [
      `CREATE TABLE hr_broadcasts (id TEXT PRIMARY KEY, state TEXT NOT NULL, send_at TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX hr_broadcasts_due ON hr_broadcasts (state, send_at);
      CREATE TABLE hr_subscriptions (person_id TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (person_id, topic));
      CREATE INDEX hr_subscriptions_topic ON hr_subscriptions (topic);`,
    ]);
    migrate(database, 'hr-outbox', [
      `CREATE TABLE hr_jobs (job TEXT PRIMARY KEY, message TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE hr_outbox (job TEXT NOT NULL REFERENCES hr_jobs (job), person_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, reason TEXT, acknowledged_on TEXT, PRIMARY KEY (job, person_id));
      CREATE INDEX hr_outbox_due ON hr_outbox (state, next_at);`,
      `ALTER TABLE hr_jobs ADD COLUMN acknowledgeable INTEGER NOT NULL DEFAULT 0;
      UPDATE hr_jobs SET acknowledgeable = 1 WHERE message LIKE '%"acknowledgeJob"%';`,
    ]);
    database
      .prepare(
        'INSERT INTO hr_jobs (job, message, created_at, acknowledgeable) VALUES (\'job-1\', \'{"kind":"notice","text":"Hallo"}\', \'2026-12-01\', 0)',
      )
      .run();
    database.prepare("INSERT INTO hr_outbox (job, person_id, state, next_at) VALUES ('job-1', 'p1', 'pending', '2026-12-01')").run();
    database.prepare("INSERT INTO hr_subscriptions (person_id, topic) VALUES ('p1', 'fortbildung')").run();
    database.prepare("INSERT INTO hr_surveys (id, state, data) VALUES ('survey-1', 'draft', ?)").run(JSON.stringify(sampleSurvey));
    const store = sqliteStoreDatabase(database);
    await runMigrations(store);
    expect(await new SqlHrOutbox(store).report('job-1')).toMatchObject({ recipients: 1, pending: 1 });
    expect(await new SqlBroadcasts(store).subscribers('fortbildung')).toEqual(['p1']);
    expect(await new SqlSurveys(store).survey('survey-1')).toMatchObject({ id: 'survey-1', state: 'draft' });
  });
});
