/**
 * Two `lotse serve` replicas on one PostgreSQL share the directory: a person added to the directory file
 * (one share for both) is published once by the lease holder and appears on both replicas' login page
 * without a restart.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { repoRoot } from '../../support/real-app.ts';
import { removeReplicaDirs, startReplica, type Replica } from '../../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);

describe.skipIf(!bin)('shared directory across replicas', () => {
  let server: TestPostgres;
  let replicas: Replica[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'lotse-shared-directory-'));
  const file = join(folder, 'verzeichnis.yaml');

  beforeAll(async () => {
    copyFileSync(join(repoRoot, 'knowledge/directory/musterland.yaml'), file);
    server = await startTestPostgres(bin);
    const url = await server.createDatabase('shared_directory');
    const env = { DATABASE_URL: url, DIRECTORY_FILE: file, DIRECTORY_SYNC_S: '1', LOG_LEVEL: 'info' };
    replicas = await Promise.all([startReplica(env), startReplica(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
    server?.destroy();
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  const loginPage = async (replica: Replica): Promise<string> => (await fetch(`${replica.url}/dev-login`)).text();

  it('publishes a changed directory once and both replicas follow it', async () => {
    for (const replica of replicas) expect(await loginPage(replica)).not.toContain('Nora Neumann');
    const person =
      '  - { id: p-neu, name: Nora Neumann, unit: A50, roles: [staff], email: nora.neumann@musterland.example, kiTrained: true }\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('lotsen:\n', `${person}lotsen:\n`));
    for (const replica of replicas) {
      await expect.poll(() => loginPage(replica), { timeout: 20_000, interval: 500 }).toContain('Nora Neumann');
    }
    const published = replicas.map((replica) => (replica.stderr().match(/"event":"directory-published"/g) ?? []).length);
    // One publication at start (first replica) and one for the change, by the lease holder only.
    expect(published.reduce((sum, count) => sum + count, 0)).toBe(2);
  }, 60_000);
});
