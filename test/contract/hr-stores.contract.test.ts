/**
 * The HR stores (issue #10, asynchronous since issue #20) on the in-memory fakes, SQLite and PostgreSQL: the outbox
 * (one row per job and person, exactly one claimer across replicas), surveys (participation apart from answers, first
 * response wins across replicas) and broadcasts; and a database whose tables the old constructors created keeps its rows.
 */
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { SqlBroadcasts } from '../../bot/adapters/storage/sql-broadcasts.ts';
import { SqlHrOutbox } from '../../bot/adapters/storage/sql-hr-outbox.ts';
import { SqlSurveys } from '../../bot/adapters/storage/sql-surveys.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { InMemoryBroadcasts, InMemoryOutbox, InMemorySurveys } from '../fakes/in-memory-hr-stores.ts';
import { useBackends } from './backends.ts';
import { runBroadcastStoreContract, runOutboxContract, runSurveyStoreContract } from './hr-stores.contract.ts';

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
}

describe('HR tables of an older lotse', () => {
  it('keeps the tables and rows the old constructors created (the legacy steps are skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'hr-surveys', [`CREATE TABLE hr_surveys (id TEXT PRIMARY KEY, state TEXT NOT NULL, data TEXT NOT NULL, reporting_units TEXT NOT NULL DEFAULT '{}');
      CREATE TABLE hr_survey_participation (survey_id TEXT NOT NULL, person_id TEXT NOT NULL, invited_on TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (survey_id, person_id)) WITHOUT ROWID;
      CREATE TABLE hr_survey_answers (survey_id TEXT NOT NULL, reporting_unit TEXT NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL);
      CREATE INDEX hr_survey_answers_survey ON hr_survey_answers (survey_id, question_id);
      CREATE TABLE hr_survey_texts (id INTEGER PRIMARY KEY, survey_id TEXT NOT NULL, question_id TEXT NOT NULL, text TEXT NOT NULL, reviewed INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE hr_survey_reminders (survey_id TEXT NOT NULL, round INTEGER NOT NULL, on_date TEXT NOT NULL, PRIMARY KEY (survey_id, round));`]);
    migrate(database, 'hr-broadcasts', [`CREATE TABLE hr_broadcasts (id TEXT PRIMARY KEY, state TEXT NOT NULL, send_at TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX hr_broadcasts_due ON hr_broadcasts (state, send_at);
      CREATE TABLE hr_subscriptions (person_id TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (person_id, topic));
      CREATE INDEX hr_subscriptions_topic ON hr_subscriptions (topic);`]);
    migrate(database, 'hr-outbox', [`CREATE TABLE hr_jobs (job TEXT PRIMARY KEY, message TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE hr_outbox (job TEXT NOT NULL REFERENCES hr_jobs (job), person_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, reason TEXT, acknowledged_on TEXT, PRIMARY KEY (job, person_id));
      CREATE INDEX hr_outbox_due ON hr_outbox (state, next_at);`,
    `ALTER TABLE hr_jobs ADD COLUMN acknowledgeable INTEGER NOT NULL DEFAULT 0;
      UPDATE hr_jobs SET acknowledgeable = 1 WHERE message LIKE '%"acknowledgeJob"%';`]);
    database.prepare("INSERT INTO hr_jobs (job, message, created_at, acknowledgeable) VALUES ('job-1', '{\"kind\":\"notice\",\"text\":\"Hallo\"}', '2026-12-01', 0)").run();
    database.prepare("INSERT INTO hr_outbox (job, person_id, state, next_at) VALUES ('job-1', 'p1', 'pending', '2026-12-01')").run();
    database.prepare("INSERT INTO hr_subscriptions (person_id, topic) VALUES ('p1', 'fortbildung')").run();
    database.prepare("INSERT INTO hr_surveys (id, state, data) VALUES ('survey-1', 'draft', '{\"id\":\"survey-1\",\"state\":\"draft\"}')").run();
    const store = sqliteStoreDatabase(database);
    await runMigrations(store);
    expect(await new SqlHrOutbox(store).report('job-1')).toMatchObject({ recipients: 1, pending: 1 });
    expect(await new SqlBroadcasts(store).subscribers('fortbildung')).toEqual(['p1']);
    expect(await new SqlSurveys(store).survey('survey-1')).toMatchObject({ id: 'survey-1', state: 'draft' });
  });
});
