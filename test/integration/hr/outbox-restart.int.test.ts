import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openHrOnly } from '../../support/hr-only.ts';
import { repoRoot } from '../../support/real-app.ts';

const work = mkdtempSync(join(tmpdir(), 'lotse-hr-restart-'));
const policies = join(work, 'policies');
cpSync(join(repoRoot, 'policies'), policies, { recursive: true });
// A short lease, so that the restarted process may take over rows the killed one had claimed.
writeFileSync(
  join(policies, 'broadcasts.yaml'),
  readFileSync(join(policies, 'broadcasts.yaml'), 'utf8')
    .replace('lease_seconds: 120', 'lease_seconds: 0.2')
    .replace('teams: 30', 'teams: 500'),
);

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function releasedBroadcast(dataDir: string): Promise<string> {
  const app = await openHrOnly(dataDir, policies);
  const created = await app.hr.broadcasts.create('hr1', {
    title: 'Wichtig',
    text: 'Bitte lesen',
    audience: { kind: 'all' },
    acknowledge: false,
  });
  if (created.kind !== 'ok') throw new Error(created.message);
  await app.hr.broadcasts.release('hr2', created.broadcast.id);
  app.close();
  return created.broadcast.id;
}

function runChild(dataDir: string, file: string, mode: string, limit = 0): { status: number | null; signal: string | null } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'test/support/hr-send-child.ts'), dataDir, file, mode, String(limit)],
    {
      cwd: repoRoot,
      env: { ...process.env, HR_POLICIES_DIR: policies },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: child.status, signal: child.signal };
}

const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

describe('HR outbox across kills', () => {
  it('completes after two SIGKILLs in the middle of sending: nothing lost; only the message in flight at a kill after delivery repeats, with the same delivery id', async () => {
    const dataDir = join(work, 'data');
    const file = join(work, 'deliveries.txt');
    const id = await releasedBroadcast(dataDir);
    // 1. Killed before delivering the 8th message: the claimed rows go back to pending after the lease.
    expect(runChild(dataDir, file, 'kill-before', 7).signal).toBe('SIGKILL');
    expect(lines(file)).toHaveLength(7);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 2. Killed right after a channel accepted a message, before the outbox marked it sent.
    expect(runChild(dataDir, file, 'kill-after', 5).signal).toBe('SIGKILL');
    expect(lines(file)).toHaveLength(12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 3. The restart (here in the test process) completes the broadcast.
    const restarted = await openHrOnly(dataDir, policies);
    restarted.channels.register('teams', {
      reaches: () => true,
      send: async (_recipient, message) => (appendFileSync(file, `${message.deliveryId}\n`), { kind: 'delivered' }),
    });
    await restarted.hr.jobs.runDue();
    restarted.close();
    const delivered = lines(file);
    expect(new Set(delivered).size).toBe(20);
    expect(delivered.every((line) => line.startsWith(`broadcast:${id}:`))).toBe(true);
    expect(delivered).toHaveLength(21);
    expect(delivered.filter((line) => line === delivered[11])).toHaveLength(2);
    expect(delivered.slice(0, 11).concat(delivered.slice(12)).length).toBe(new Set(delivered).size);
    const app = await openHrOnly(dataDir, policies);
    expect(await app.hr.broadcasts.report(id)).toMatchObject({ kind: 'ok', report: { recipients: 20, sent: 20, pending: 0, failed: 0 } });
    expect((await app.hr.broadcasts.get(id))!.state).toBe('sent');
    app.close();
  }, 120_000);
});
