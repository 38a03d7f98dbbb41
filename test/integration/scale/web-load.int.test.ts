/**
 * Wiring of the autocannon load test (`npm run bench:load`) against one real `lotse serve` replica on
 * SQLite: a short run at 10 requests/s completes without errors, timeouts or non-2xx, and the same run
 * with a wrong CSRF token is reported as failing (so the check can fail). The replica starts without
 * ingesting (4 s faster, the file stays under 20 s); the benchmark itself runs on the sample knowledge base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeReplicaDirs, startReplica, type Replica } from '../../support/replicas.ts';
import { chatQuestions, loadProblems, openTargets, runChatLoad, warmUp, type ChatTarget } from '../../bench/web-load-driver.ts';

describe('web chat load test wiring (autocannon)', () => {
  let replica: Replica;
  let targets: ChatTarget[];
  const questions = chatQuestions();

  beforeAll(async () => {
    replica = await startReplica({});
    targets = await openTargets([replica.url], 2);
    await warmUp(targets, questions, 3);
  }, 60_000);
  afterAll(async () => {
    await replica?.stop();
    if (replica) removeReplicaDirs([replica]);
  });

  it('drives POST /api/chat at 10 requests/s for 2 s with sessions and CSRF: all 2xx, rate reached', async () => {
    const summary = await runChatLoad(targets, questions, { rate: 10, seconds: 2, connections: 10, shape: 'staggered' });
    expect(loadProblems(summary)).toEqual([]);
    expect(summary.completed).toBeGreaterThanOrEqual(18);
    expect(summary.statusCodes).toEqual({ 200: summary.completed });
    expect(summary.latency.p95).toBeGreaterThan(0);
    expect(summary.loadAverage.before).toHaveLength(3);
  });

  it('reports non-2xx answers as a failure (wrong CSRF token → 403)', async () => {
    const forged = targets.map((target) => ({ ...target, headers: { ...target.headers, 'x-csrf-token': 'forged' } }));
    const summary = await runChatLoad(forged, questions, { rate: 5, seconds: 1, connections: 5, shape: 'native' });
    expect(summary.non2xx).toBe(summary.completed);
    expect(summary.statusCodes[403]).toBeGreaterThan(0);
    expect(loadProblems(summary).join('; ')).toMatch(/non-2xx/);
  });
});
