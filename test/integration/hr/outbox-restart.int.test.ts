import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHrApp } from '../../support/hr-app.ts';
import { repoRoot } from '../../support/real-app.ts';

const work = mkdtempSync(join(tmpdir(), 'lotse-hr-restart-'));
const policies = join(work, 'policies');
cpSync(join(repoRoot, 'policies'), policies, { recursive: true });
// A short lease, so that the restarted process may take over rows the killed one had claimed.
writeFileSync(join(policies, 'broadcasts.yaml'), readFileSync(join(policies, 'broadcasts.yaml'), 'utf8').replace('lease_seconds: 120', 'lease_seconds: 0.2').replace('teams: 30', 'teams: 500'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function releasedBroadcast(dataDir: string): Promise<string> {
  const app = await startHrApp({ dataDir, env: { POLICIES_DIR: policies } });
  const created = app.lotse.hr.broadcasts.create('hr1', { title: 'Wichtig', text: 'Bitte lesen', audience: { kind: 'all' }, acknowledge: false });
  if (created.kind !== 'ok') throw new Error(created.message);
  app.lotse.hr.broadcasts.release('hr2', created.broadcast.id);
  await app.close();
  return created.broadcast.id;
}

function runChild(dataDir: string, file: string, mode: string, limit = 0): { status: number | null; signal: string | null } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/support/hr-send-child.ts'), dataDir, file, mode, String(limit)], {
    cwd: repoRoot, env: { ...process.env, HR_POLICIES_DIR: policies }, encoding: 'utf8', timeout: 60_000,
  });
  return { status: child.status, signal: child.signal };
}

const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

describe('HR outbox across a kill', () => {
  it('completes after SIGKILL in the middle of sending: nothing lost, nothing twice', async () => {
    const dataDir = join(work, 'before');
    const file = join(work, 'before.txt');
    const id = await releasedBroadcast(dataDir);
    expect(runChild(dataDir, file, 'kill-before', 7).signal).toBe('SIGKILL');
    expect(lines(file)).toHaveLength(7);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runChild(dataDir, file, 'complete').status).toBe(0);
    const delivered = lines(file);
    expect(delivered).toHaveLength(20);
    expect(new Set(delivered).size).toBe(20);
    expect(delivered.every((line) => line.startsWith(`broadcast:${id}:`))).toBe(true);
    const app = await startHrApp({ dataDir, env: { POLICIES_DIR: policies } });
    expect(app.lotse.hr.broadcasts.report(id)).toMatchObject({ kind: 'ok', report: { recipients: 20, sent: 20, pending: 0, failed: 0 } });
    await app.close();
  }, 90_000);

  it('re-sends the one message in flight at the kill with the same delivery id (at-least-once window)', async () => {
    const dataDir = join(work, 'after');
    const file = join(work, 'after.txt');
    await releasedBroadcast(dataDir);
    expect(runChild(dataDir, file, 'kill-after', 5).signal).toBe('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runChild(dataDir, file, 'complete').status).toBe(0);
    const delivered = lines(file);
    expect(new Set(delivered).size).toBe(20);
    expect(delivered).toHaveLength(21);
    expect(delivered.filter((line) => line === delivered[4])).toHaveLength(2);
  }, 90_000);
});
