/**
 * The directory shared by replicas, on the in-memory fake, SQLite and a real PostgreSQL (issue #20):
 * versions publish atomically and idempotently and the newest five are kept; the lease holder imports the
 * file, another replica follows the store; a broken file after start keeps the last good directory. A
 * database made by an earlier lotse keeps its current version.
 */
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDirectoryData } from '../../bot/adapters/directory/load-directory.ts';
import { SqlDirectoryVersions, directoryVersionOf } from '../../bot/adapters/directory/sql-directory-versions.ts';
import type { DirectoryFile } from '../../bot/adapters/directory/directory-schema.ts';
import { SqlJobLeases } from '../../bot/adapters/storage/sql-job-leases.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { first } from '../../bot/adapters/sql/store-database.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { startDirectorySync } from '../../bot/app/shared-directory.ts';
import type { DirectoryVersions } from '../../bot/ports/directory-versions.ts';
import type { JobLeases } from '../../bot/ports/job-lease.ts';
import type { Logger } from '../../bot/shared/logger.ts';
import { FixedClock } from '../fakes/fixed-clock.ts';
import { InMemoryDirectoryVersions } from '../fakes/in-memory-directory-versions.ts';
import { InMemoryJobLeases } from '../fakes/in-memory-job-leases.ts';
import { repoRoot } from '../support/real-app.ts';
import { useBackends } from './backends.ts';

const sample = join(repoRoot, 'knowledge/directory/musterland.yaml');
const newcomer =
  '  - { id: p-neu, name: Nora Neumann, unit: A50, roles: [staff], email: nora.neumann@musterland.example, kiTrained: true }\n';
const withNewcomer = (text: string): string => text.replace('lotsen:\n', `${newcomer}lotsen:\n`);

function recordingLogger(): Logger & { events: string[] } {
  const events: string[] = [];
  const push = (event: string): void => void events.push(event);
  return { events, debug: push, info: push, warn: push, error: push };
}

/** Two replicas on one store: their directory versions and leases, and how many versions the store keeps. */
interface Replicas {
  readonly a: DirectoryVersions<DirectoryFile>;
  readonly b: DirectoryVersions<DirectoryFile>;
  readonly leasesA: JobLeases;
  readonly leasesB: JobLeases;
  kept(): Promise<number>;
}

/** The `DirectoryVersions` contract, with the directory sync of two replicas on top. */
function sharedDirectoryContract(name: string, available: boolean, open: () => Promise<Replicas>): void {
  describe.skipIf(!available)(`shared directory contract on ${name}`, () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const copyOfSample = (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'lotse-directory-'));
      dirs.push(dir);
      copyFileSync(sample, join(dir, 'verzeichnis.yaml'));
      return join(dir, 'verzeichnis.yaml');
    };

    it('publishes a version once and keeps the last five', async () => {
      const { a: versions, b: replica, kept } = await open();
      const data = parseDirectoryData(readSample(), sample);
      expect(await versions.currentVersion()).toBeUndefined();
      expect(await versions.publish(data, 'a.yaml', '2026-12-03T08:00:00.000Z')).toBe(true);
      expect(await versions.publish(data, 'a.yaml', '2026-12-03T08:00:01.000Z')).toBe(false);
      expect(await replica.currentVersion()).toBe(directoryVersionOf(data));
      expect((await replica.load(directoryVersionOf(data)))?.people.map((person) => person.id)).toContain('p-marek');
      expect(await replica.load('unknown')).toBeUndefined();
      for (let round = 1; round <= 7; round += 1) {
        await versions.publish({ ...data, tenant: `Kreis ${round}` }, 'a.yaml', `2026-12-03T09:00:0${round}.000Z`);
      }
      expect(await kept()).toBe(5);
      expect((await replica.load((await replica.currentVersion())!))?.tenant).toBe('Kreis 7');
    });

    it('lets the lease holder import file changes while the other replica follows', async () => {
      const { a, b, leasesA, leasesB } = await open();
      const clock = new FixedClock(new Date('2026-12-03T08:00:00.000Z'));
      const leaderFile = copyOfSample();
      const followerFile = copyOfSample();
      const leaderLog = recordingLogger();
      const leader = await startDirectorySync({ versions: a, file: leaderFile, leases: leasesA, replicaId: 'a', clock, logger: leaderLog });
      const follower = await startDirectorySync({
        versions: b,
        file: followerFile,
        leases: leasesB,
        replicaId: 'b',
        clock,
        logger: recordingLogger(),
      });
      expect(follower.version()).toBe(leader.version());
      expect(follower.directory.person('p-neu')).toBeUndefined();

      // A change of the follower's own file is ignored: only the lease holder publishes.
      writeFileSync(followerFile, withNewcomer(readSample()));
      await follower.tick();
      expect(follower.directory.person('p-neu')).toBeUndefined();

      writeFileSync(leaderFile, withNewcomer(readSample()));
      await leader.tick();
      await follower.tick();
      expect(leaderLog.events).toContain('directory-published');
      expect(follower.directory.person('p-neu')?.name).toBe('Nora Neumann');
      expect(follower.version()).toBe(leader.version());

      // A broken file after start: logged, and both keep the last good directory.
      appendFileSync(leaderFile, 'lotsen: [kaputt\n');
      await leader.tick();
      await follower.tick();
      expect(leaderLog.events).toContain('directory-import-failed');
      expect(follower.directory.person('p-neu')).toBeDefined();
      expect(leader.directory.person('p-neu')).toBeDefined();
    });
  });
}

sharedDirectoryContract('the in-memory fake', true, async () => {
  const versions = new InMemoryDirectoryVersions();
  const leases = new InMemoryJobLeases();
  return { a: versions, b: versions, leasesA: leases, leasesB: leases, kept: async () => versions.size() };
});

for (const backend of useBackends()) {
  sharedDirectoryContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    const second = await secondStore();
    return {
      a: new SqlDirectoryVersions(store),
      b: new SqlDirectoryVersions(second),
      leasesA: new SqlJobLeases(store),
      leasesB: new SqlJobLeases(second),
      kept: async () => Number((await first(store.db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM directory_versions`))?.n),
    };
  });
}

describe('directory versions in a database made by an earlier lotse', () => {
  it('keeps the current version its constructor created (the legacy step is skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'directory-versions', [
      `CREATE TABLE directory_versions (version TEXT PRIMARY KEY, data TEXT NOT NULL, source TEXT NOT NULL, published_at TEXT NOT NULL);
       CREATE TABLE directory_current (name TEXT PRIMARY KEY, version TEXT NOT NULL, published_at TEXT NOT NULL);`,
    ]);
    const data = parseDirectoryData(readSample(), sample);
    const version = directoryVersionOf(data);
    database
      .prepare('INSERT INTO directory_versions (version, data, source, published_at) VALUES (?, ?, ?, ?)')
      .run(version, JSON.stringify(data), 'old.yaml', '2026-12-01T08:00:00.000Z');
    database
      .prepare("INSERT INTO directory_current (name, version, published_at) VALUES ('current', ?, ?)")
      .run(version, '2026-12-01T08:00:00.000Z');
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toContain('0009-directory-versions');
    const versions = new SqlDirectoryVersions(store);
    expect(await versions.currentVersion()).toBe(version);
    expect((await versions.load(version))?.people.length).toBe(data.people.length);
    expect(await versions.publish(data, 'new.yaml', '2026-12-07T08:00:00.000Z')).toBe(false);
    database.close();
  });
});

function readSample(): string {
  return readFileSync(sample, 'utf8');
}
