/**
 * Issue #22, audit retention, through the real CLI: `lotse audit purge` used to delete only the oldest run of
 * expired records, so one 730-day security record kept every later 365-day answer alive. Now it purges per
 * record type, declares the removed runs in anchor records, and `lotse audit verify` (with an exported head)
 * still reports the chain intact. The records are written under a fixed clock; LOTSE_TODAY fixes the purge date.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLotse } from '../../../bot/app/create-lotse.ts';
import { loadConfig } from '../../../bot/config/config.ts';
import type { AuditRecordType } from '../../../bot/ports/audit-log.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { runCli } from '../../support/cli-harness.ts';
import { repoRoot } from '../../support/real-app.ts';

const day = 86_400_000;

describe('lotse audit purge per record type', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-audit-retention-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('removes answers older than 365 days behind a 730-day security record and keeps the chain verifiable', async () => {
    const clock = new FixedClock(new Date('2025-06-01T09:00:00.000Z'));
    const lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-22' }, { dataDir }, repoRoot), silentLogger, { clock });
    const append = (type: AuditRecordType): Promise<void> =>
      lotse.audit.append({
        type,
        at: clock.now().toISOString(),
        pseudonym: 'p',
        channel: 'web',
        outcome: type === 'security' ? 'refused' : 'answered',
        rules: [],
        policyVersion: 'v',
        indexVersion: 'i',
        documents: [],
      });
    await append('security'); // 2025-06-01: kept 730 days
    for (let week = 1; week <= 60; week += 1) {
      clock.advance(7 * day); // one answer a week until 2026-07-26
      await append('answer');
    }
    await lotse.close();
    const head = (await runCli(['audit', 'head', '--data', dataDir])).stdout.trim();

    // purge at 2026-11-22 12:00 minus 365 days = 2025-11-22 12:00: the answers of weeks 1..24 (up to 2025-11-16) expired
    const purged = await runCli(['audit', 'purge', '--data', dataDir], { env: { LOTSE_TODAY: '2026-11-22' } });
    expect(purged.code).toBe(0);
    expect(purged.stdout).toContain('Purged 24 expired record(s) (answer 24)');
    expect(purged.stdout).toContain('chain intact');

    const verified = await runCli(['audit', 'verify', '--head', head, '--data', dataDir]);
    expect(verified.stdout).toBe('Audit chain intact: 38 record(s).\n'); // 1 security + 36 answers + 1 anchor record
    expect(verified.code).toBe(0);

    const again = await runCli(['audit', 'purge', '--data', dataDir], { env: { LOTSE_TODAY: '2026-11-22' } });
    expect(again.stdout).toContain('Purged 0 expired record(s) and');
  }, 120_000);
});
