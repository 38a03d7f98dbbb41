/**
 * The daily retention purge on two real `lotse serve` replicas started together on one PostgreSQL: it runs
 * on exactly one of them (lease `retention-purge`), removes the expired audit records once, records the
 * day, and a restarted replica does not run it again on the same day.
 */
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../bot/adapters/sql/migrations/run-migrations.ts';
import { postgresStoreDatabase } from '../../../bot/adapters/sql/postgres-store-database.ts';
import { SqlAuditLog } from '../../../bot/adapters/storage/sql-audit-log.ts';
import { findPostgresBinaries, postgresSkipMessage, queryRows } from '../../support/postgres.ts';
import { startReplica, usePostgresReplicas, type Replica } from '../../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
const expired = 12;

const purgeLines = (replica: Replica) =>
  replica
    .stderr()
    .split('\n')
    .filter((line) => line.includes('"event":"retention-purge-done"'));

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!bin)('retention purge on two replicas', () => {
  const { server, replicas } = usePostgresReplicas(bin!);

  it('runs once per day across replicas and restarts', async () => {
    const url = await server().createDatabase('purge_once');
    const seedStore = postgresStoreDatabase(url);
    await runMigrations(seedStore);
    const audit = new SqlAuditLog(seedStore);
    for (let index = 0; index < expired; index += 1) {
      await audit.append({
        type: 'answer',
        at: new Date(Date.UTC(2020, 0, index + 1)).toISOString(),
        pseudonym: `u-${index}`,
        channel: 'web',
        outcome: 'answered',
        rules: [],
        policyVersion: 'v1',
        indexVersion: 'i1',
        documents: [],
      });
    }
    const env = { DATABASE_URL: url, LOG_LEVEL: 'info' };
    const slowMachine = { timeoutMs: 90_000 };
    const [a, b] = await Promise.all([startReplica(env, slowMachine), startReplica(env, slowMachine)]);
    replicas.push(a!, b!);
    await waitFor(() => purgeLines(a!).length + purgeLines(b!).length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const lines = [...purgeLines(a!), ...purgeLines(b!)];
    expect(lines).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(JSON.parse(lines[0]!)).toMatchObject({ day: today, removed: { audit: expired } });
    expect((await queryRows<{ day: string }>(url, "SELECT day FROM daily_runs WHERE job = 'retention-purge'"))[0]?.day).toBe(today);
    expect(await audit.verify()).toMatchObject({ kind: 'intact', records: 0 });

    const ran = purgeLines(a!).length === 1 ? a! : b!;
    expect(await ran.stop()).toBe(0);
    replicas.splice(replicas.indexOf(ran), 1);
    const restarted = await startReplica(env, { ...slowMachine, dataDir: ran.dataDir });
    replicas.push(restarted);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(purgeLines(restarted)).toHaveLength(0);
    await seedStore.close();
  }, 240_000);
});
