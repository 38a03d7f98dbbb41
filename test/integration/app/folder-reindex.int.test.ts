/**
 * Issue #22, re-index: in the one-process default `lotse serve` picks up added, changed and deleted files under
 * `KNOWLEDGE_DIR` on its schedule (`REINDEX_INTERVAL_S`), without a restart or a click. The real CLI command runs
 * in process with faked intervals: the test advances time by one interval and waits for the job's log event.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startInProcessServe, type InProcessServe } from '../../support/in-process-serve.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');

interface Answer {
  readonly answer: string;
  readonly citations: readonly { document: string }[];
}

const bikeRoom = (room: string): string =>
  `---\ntitle: Fahrradkeller im Kreishaus\ntype: faq\nstand: 2026-11-01\n---\n\n# Fahrradkeller\n\n## Wer gibt Schlüssel für den Fahrradkeller aus?\n\nDen Schlüssel für den Fahrradkeller im Kreishaus gibt die Hausmeisterei in Raum ${room} gegen Unterschrift aus.\n`;

const canteen =
  '---\ntitle: Kantine\ntype: faq\nstand: 2026-11-01\n---\n\n# Kantine\n\n## Wann hat die Kantine geöffnet?\n\nDie Kantine im Kreishaus hat montags bis freitags von 11:30 bis 14:00 Uhr geöffnet.\n';

describe('lotse serve re-indexes KNOWLEDGE_DIR on its schedule (one process)', () => {
  const root = mkdtempSync(join(tmpdir(), 'lotse-reindex-'));
  const folder = join(root, 'quellen');
  const file = join(folder, 'faq', 'fahrradkeller.md');
  let serve: InProcessServe | undefined;
  afterAll(async () => {
    await serve?.stop();
    vi.useRealTimers();
    rmSync(root, { recursive: true, force: true });
  });

  const ask = async (question: string): Promise<Answer> => {
    const session = new HttpSession(serve!.url);
    await session.devLogin({ person: 'p-marek' });
    const response = await session.request('POST', '/api/chat', {
      body: JSON.stringify({ text: question }),
      type: 'application/json',
      csrf: true,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Answer;
  };
  const question = 'Wer gibt den Schlüssel für den Fahrradkeller aus?';
  const cited = (answer: Answer): boolean => answer.citations.some((citation) => citation.document === 'faq/fahrradkeller.md');
  /** One interval of fake time, then the n-th `knowledge-reindexed` event of the job. */
  const nextCycle = async (times: number): Promise<void> => {
    vi.advanceTimersByTime(10_000);
    await serve!.waitForEvent('knowledge-reindexed', times);
  };

  it('answers an added file, the new text of a changed file, and no longer a deleted one', async () => {
    mkdirSync(join(folder, 'faq'), { recursive: true });
    writeFileSync(join(folder, 'faq', 'kantine.md'), canteen);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve = await startInProcessServe(
      ['--data', join(root, 'data')],
      { KNOWLEDGE_DIR: folder, REINDEX_INTERVAL_S: '10', BACKUP_KEEP: '0', LOTSE_TODAY: '2026-11-23' },
      repoRoot,
    );
    expect(serve.count('knowledge-reindex-scheduled')).toBe(1);
    expect(cited(await ask(question))).toBe(false);

    writeFileSync(file, bikeRoom('E.017'));
    await nextCycle(1);
    const added = await ask(question);
    expect(cited(added)).toBe(true);
    expect(added.answer).toContain('E.017');

    writeFileSync(file, bikeRoom('E.020'));
    await nextCycle(2);
    const changed = await ask(question);
    expect(cited(changed)).toBe(true);
    expect(changed.answer).toContain('E.020');
    expect(changed.answer).not.toContain('E.017');

    unlinkSync(file);
    await nextCycle(3);
    expect(cited(await ask(question))).toBe(false);
    expect(serve.output()).toContain('"removed":1');
  }, 120_000);
});
