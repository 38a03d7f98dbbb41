/**
 * The HR store contracts (outbox, surveys) against a real PostgreSQL, like the other stores in
 * `test/contract/`: each case gets a fresh database, prepared before the synchronous contract runs.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PostgresDatabase } from '../../bot/adapters/postgres/postgres-database.ts';
import { SqliteHrOutbox } from '../../bot/adapters/storage/sqlite-hr-outbox.ts';
import { SqliteSurveys } from '../../bot/adapters/storage/sqlite-surveys.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { runOutboxContract, runSurveyStoreContract } from './hr-stores.contract.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
let server: TestPostgres | undefined;
const urls: string[] = [];
const opened: PostgresDatabase[] = [];

beforeAll(async () => {
  if (!bin) return;
  server = await startTestPostgres(bin);
  for (let index = 0; index < 12; index += 1) urls.push(await server.createDatabase(`hr_${process.pid}_${index}`));
}, 120_000);
afterAll(() => {
  for (const database of opened) database.close();
  server?.destroy();
});

const next = (): PostgresDatabase => {
  const url = urls.shift();
  if (!url) throw new Error('no prepared PostgreSQL database left');
  const database = new PostgresDatabase(url);
  opened.push(database);
  return database;
};

if (bin) {
  runOutboxContract('PostgreSQL', () => new SqliteHrOutbox(next()));
  runSurveyStoreContract('PostgreSQL', () => new SqliteSurveys(next()));
} else {
  describe.skip('HR stores on PostgreSQL', () => it('needs PostgreSQL server binaries', () => undefined));
}
