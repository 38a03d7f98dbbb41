/**
 * The directory shared by replicas, on SQLite and a real PostgreSQL: versions publish atomically and
 * idempotently; the lease holder imports the file, another replica follows the store; a broken file
 * after start keeps the last good directory.
 */
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDirectoryData } from '../../bot/adapters/directory/load-directory.ts';
import { SqlDirectoryVersions, directoryVersionOf } from '../../bot/adapters/directory/sql-directory-versions.ts';
import { SqlJobLeases } from '../../bot/adapters/storage/sql-job-leases.ts';
import { startDirectorySync } from '../../bot/app/shared-directory.ts';
import type { Logger } from '../../bot/shared/logger.ts';
import { FixedClock } from '../fakes/fixed-clock.ts';
import { repoRoot } from '../support/real-app.ts';
import { useBackends } from './backends.ts';

const sample = join(repoRoot, 'knowledge/directory/musterland.yaml');
const newcomer = '  - { id: p-neu, name: Nora Neumann, unit: A50, roles: [staff], email: nora.neumann@musterland.example, kiTrained: true }\n';
const withNewcomer = (text: string): string => text.replace('lotsen:\n', `${newcomer}lotsen:\n`);

function recordingLogger(): Logger & { events: string[] } {
  const events: string[] = [];
  const push = (event: string): void => void events.push(event);
  return { events, debug: push, info: push, warn: push, error: push };
}

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`shared directory on ${backend.name}`, () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const copyOfSample = (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'lotse-directory-'));
      dirs.push(dir);
      copyFileSync(sample, join(dir, 'verzeichnis.yaml'));
      return join(dir, 'verzeichnis.yaml');
    };

    it('publishes a version once and keeps the last five', async () => {
      const { database, second } = await backend.fresh();
      const versions = new SqlDirectoryVersions(database);
      const data = parseDirectoryData(readSample(), sample);
      expect(versions.currentVersion()).toBeUndefined();
      expect(versions.publish(data, 'a.yaml', '2026-12-03T08:00:00.000Z')).toBe(true);
      expect(versions.publish(data, 'a.yaml', '2026-12-03T08:00:01.000Z')).toBe(false);
      const replica = new SqlDirectoryVersions(second());
      expect(replica.currentVersion()).toBe(directoryVersionOf(data));
      expect(replica.load(directoryVersionOf(data))?.people.map((person) => person.id)).toContain('p-marek');
      for (let round = 1; round <= 7; round += 1) {
        versions.publish({ ...data, tenant: `Kreis ${round}` }, 'a.yaml', `2026-12-03T09:00:0${round}.000Z`);
      }
      const count = database.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM directory_versions').get()!;
      expect(Number(count.n)).toBe(5);
      expect(replica.load(replica.currentVersion()!)?.tenant).toBe('Kreis 7');
    });

    it('lets the lease holder import file changes while the other replica follows', async () => {
      const { database, second, store, secondStore } = await backend.fresh();
      const clock = new FixedClock(new Date('2026-12-03T08:00:00.000Z'));
      const leaderFile = copyOfSample();
      const followerFile = copyOfSample();
      const leaderLog = recordingLogger();
      const leader = await startDirectorySync({ versions: new SqlDirectoryVersions(database), file: leaderFile, leases: new SqlJobLeases(store), replicaId: 'a', clock, logger: leaderLog });
      const secondDatabase = second();
      const follower = await startDirectorySync({ versions: new SqlDirectoryVersions(secondDatabase), file: followerFile, leases: new SqlJobLeases(await secondStore()), replicaId: 'b', clock, logger: recordingLogger() });
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

function readSample(): string {
  return readFileSync(sample, 'utf8');
}
