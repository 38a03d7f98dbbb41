/**
 * Issue #22, audit retention: records expire per type. A long-lived security record no longer keeps every
 * later answer alive; removed runs are declared by anchor records, so the chain stays verifiable and still
 * detects removals nobody declared. All dates come from a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { SqlAuditLog } from '../../../../bot/adapters/storage/sql-audit-log.ts';
import { memoryStore } from '../../../support/store-database.ts';
import type { AuditEntry, AuditRecordType } from '../../../../bot/ports/audit-log.ts';
import { FixedClock } from '../../../fakes/fixed-clock.ts';

const day = 86_400_000;
const retention = { answer: 365, refusal: 365, security: 730, reidentification: 730 };

const entry = (at: Date, type: AuditRecordType = 'answer'): AuditEntry => ({
  type,
  at: at.toISOString(),
  pseudonym: 'p1',
  channel: 'web',
  outcome: 'answered',
  rules: [],
  policyVersion: 'v1',
  indexVersion: 'i1',
  documents: [],
  question: `Frage ${at.toISOString()}`,
});

/** A security record on day 0, then one answer per day for `days` days and a security record on day 100. */
async function history(days: number, key?: string) {
  const clock = new FixedClock(new Date('2025-01-01T10:00:00.000Z'));
  const { database, store } = await memoryStore();
  const log = new SqlAuditLog(store, key ? { key } : {});
  await log.append(entry(clock.now(), 'security'));
  for (let index = 1; index <= days; index += 1) {
    clock.advance(day);
    await log.append(entry(clock.now(), index === 100 ? 'security' : 'answer'));
  }
  return { clock, database, store, log };
}

const types = async (log: SqlAuditLog): Promise<string[]> => (await log.entries()).map((row) => row.entry.type);

describe('SqlAuditLog purge per record type', () => {
  it('removes answers past 365 days behind an older security record and stays verifiable', async () => {
    const { clock, log } = await history(400);
    const exported = await log.head();
    clock.advance(30 * day);
    const result = await log.purge(clock.now(), retention);
    // day 430: answers of days 1..64 are over 365 days old (day 100 is a security record, kept anyway)
    expect(result).toEqual({ removed: 64, byType: { answer: 64 } });
    expect((await types(log)).slice(0, 3)).toEqual(['security', 'answer', 'answer']);
    expect((await log.entries())[1]?.seq).toBe(66);
    expect(await log.verify()).toEqual({ kind: 'intact', records: 400 - 64 + 1 + 1 });
    expect(await log.verify(exported)).toMatchObject({ kind: 'intact' });
    await log.append(entry(clock.now()));
    expect(await log.verify()).toMatchObject({ kind: 'intact' });
  });

  it('declares each purge run, and folds the prefix once the old security record expires', async () => {
    const { clock, log } = await history(400);
    clock.advance(30 * day);
    await log.purge(clock.now(), retention);
    clock.advance(10 * day);
    expect((await log.purge(clock.now(), retention)).removed).toBe(10);
    expect(await log.verify()).toMatchObject({ kind: 'intact' });
    clock.advance(360 * day); // day 800: the day-0 security record (730 days) and all answers are past retention
    expect(await log.purge(clock.now(), retention)).toEqual({ removed: 326, byType: { answer: 325, security: 1 } });
    expect((await log.entries()).map((row) => [row.seq, row.entry.type])).toEqual([[101, 'security']]);
    // the prefix anchor moved to seq 100; the three anchor records after the day-100 record stay with it
    expect(await log.verify()).toEqual({ kind: 'intact', records: 4 });
    expect((await log.purge(clock.now(), retention)).removed).toBe(0);
  });

  it('still detects a removal nobody declared and a forged anchor record', async () => {
    const removed = await history(400);
    removed.clock.advance(30 * day);
    await removed.log.purge(removed.clock.now(), retention);
    removed.database.prepare('DELETE FROM audit_records WHERE seq = 200').run();
    expect(await removed.log.verify()).toEqual({ kind: 'broken', atSequence: 201, reason: 'removed_or_reordered' });

    const forged = await history(400, 'k'.repeat(64));
    forged.clock.advance(30 * day);
    await forged.log.purge(forged.clock.now(), retention);
    const row = forged.database
      .prepare<[], { seq: number; hash: string; prev_hash: string }>('SELECT seq, hash, prev_hash FROM audit_records WHERE seq = 200')
      .get()!;
    const previous = forged.database.prepare<[], { hash: string }>('SELECT hash FROM audit_records WHERE seq = 199').get()!;
    forged.database.prepare('DELETE FROM audit_records WHERE seq = 200').run();
    // Without the key the forger can only append an anchor record with a plain hash.
    const last = await forged.log.head();
    const body = JSON.stringify({
      at: forged.clock.now().toISOString(),
      kind: 'anchor',
      removed: [{ from: 200, lastHash: row.hash, prevHash: previous.hash, to: 200 }],
    });
    forged.database
      .prepare("INSERT INTO audit_records (seq, at, type, body, prev_hash, hash) VALUES (?, ?, 'anchor', ?, ?, ?)")
      .run(last.seq + 1, forged.clock.now().toISOString(), body, last.hash, 'f'.repeat(64));
    expect(await forged.log.verify()).toMatchObject({ kind: 'broken', atSequence: last.seq + 1, reason: 'edited' });
    expect(row.prev_hash).toBe(previous.hash);
  });

  it('rekeys a purged plain chain, anchor records included', async () => {
    const { clock, store } = await history(400);
    clock.advance(30 * day);
    await new SqlAuditLog(store).purge(clock.now(), retention);
    const keyed = new SqlAuditLog(store, { key: 'k'.repeat(64) });
    expect(await keyed.verify()).toMatchObject({ kind: 'broken', reason: 'unkeyed' });
    expect(await keyed.rekey()).toMatchObject({ kind: 'intact' });
    expect(await keyed.verify()).toMatchObject({ kind: 'intact' });
    expect(await new SqlAuditLog(store).verify()).toMatchObject({ kind: 'broken' });
  });
});
