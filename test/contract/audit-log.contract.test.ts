/**
 * The `AuditLog` port contract (append, verify) on the in-memory fake, SQLite and PostgreSQL, and the SQL chain
 * behaviour on both engines: appends from two replicas and from many concurrent requests chain without gaps, an
 * edit is detected, purging keeps the chain verifiable (issue #20: the audit log is asynchronous). Bodies are
 * written unchanged (no version field, old chains verify); `entries()` leaves out a body that does not validate.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, SqlAuditLog } from '../../bot/adapters/storage/sql-audit-log.ts';
import type { AuditEntry, AuditLog } from '../../bot/ports/audit-log.ts';
import { InMemoryAuditLog } from '../fakes/in-memory-audit-log.ts';
import { useBackends } from './backends.ts';
import { withRefusals } from './stored-json-support.ts';

const entry = (at: string, partial: Partial<AuditEntry> = {}): AuditEntry => ({
  type: 'answer',
  at,
  pseudonym: 'p1',
  channel: 'web',
  outcome: 'answered',
  rules: [],
  policyVersion: 'v1',
  indexVersion: 'i1',
  documents: [],
  ...partial,
});

function auditLogContract(name: string, available: boolean, open: () => Promise<{ a: AuditLog; b: AuditLog }>): void {
  describe.skipIf(!available)(`audit log contract on ${name}`, () => {
    it('counts every appended record, from either replica, as verified', async () => {
      const { a, b } = await open();
      expect(await a.verify()).toEqual({ kind: 'intact', records: 0 });
      for (let index = 0; index < 4; index += 1) await (index % 2 ? b : a).append(entry(`2026-11-2${index}T10:00:00.000Z`));
      expect(await b.verify()).toEqual({ kind: 'intact', records: 4 });
    });
  });
}

auditLogContract('the in-memory fake', true, async () => {
  const log = new InMemoryAuditLog();
  return { a: log, b: log };
});

for (const backend of useBackends()) {
  auditLogContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlAuditLog(store), b: new SqlAuditLog(await secondStore()) };
  });

  describe.skipIf(!backend.available)(`audit chain on ${backend.name}`, () => {
    it('chains audit records from two replicas, detects an edit, purges and continues', async () => {
      const { store, secondStore, raw } = await backend.fresh();
      const a = new SqlAuditLog(store);
      const b = new SqlAuditLog(await secondStore());
      for (let index = 0; index < 6; index += 1)
        await (index % 2 ? b : a).append(entry(`2026-11-2${index}T10:00:00.000Z`, { question: `Frage ${index}` }));
      expect(await b.verify()).toEqual({ kind: 'intact', records: 6 });
      expect((await a.entries()).map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      const retention = { answer: 3, refusal: 3, security: 730, reidentification: 730 };
      expect((await a.purge(new Date('2026-11-25T12:00:00.000Z'), retention)).removed).toBe(3);
      expect((await b.purge(new Date('2026-11-26T12:00:00.000Z'), retention)).removed).toBe(1);
      await b.append(entry('2026-11-26T13:00:00.000Z'));
      expect(await a.verify()).toEqual({ kind: 'intact', records: 3 });
      await raw("UPDATE audit_records SET body = replace(body, 'Frage 4', 'Frage X') WHERE seq = 5");
      expect(await b.verify()).toEqual({ kind: 'broken', atSequence: 5, reason: 'edited' });
    });

    it("keeps one gap-free chain under 40 concurrent appends (PostgreSQL: from two replicas' pools)", async () => {
      const { store, secondStore } = await backend.fresh();
      const a = new SqlAuditLog(store);
      // SQLite has one connection per process (replicas need PostgreSQL): concurrency there is within one handle.
      const b = new SqlAuditLog(backend.name === 'postgres' ? await secondStore() : store);
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          (index % 2 ? b : a).append(entry(`2026-11-23T10:00:${String(index).padStart(2, '0')}.000Z`)),
        ),
      );
      expect(await a.verify()).toEqual({ kind: 'intact', records: 40 });
      expect((await b.entries()).map((item) => item.seq)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    });

    it('writes bodies without a version field, and leaves out of the entries (logged once) a body that does not validate', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const log = new SqlAuditLog(store);
      for (let index = 0; index < 3; index += 1) await log.append(entry(`2026-11-2${index}T10:00:00.000Z`, { question: `Frage ${index}` }));
      expect((await fresh.raw<{ body: string }>('SELECT body FROM audit_records WHERE seq = 1'))[0]?.body).toBe(
        canonicalJson(entry('2026-11-20T10:00:00.000Z', { question: 'Frage 0' })),
      );
      expect((await log.entries()).map((item) => item.entry)).toEqual(
        [0, 1, 2].map((index) => entry(`2026-11-2${index}T10:00:00.000Z`, { question: `Frage ${index}` })),
      );
      await fresh.raw(`UPDATE audit_records SET body = replace(body, '"outcome":"answered"', '"outcome":"vergessen"') WHERE seq = 2`);
      expect((await log.entries()).map((item) => item.seq)).toEqual([1, 3]);
      expect((await log.entries()).map((item) => item.seq)).toEqual([1, 3]);
      expect(refused).toEqual([{ store: 'audit-log', key: 'seq 2', reason: expect.stringMatching(/^invalid document \(outcome: /) }]);
      expect(await log.verify()).toEqual({ kind: 'broken', atSequence: 2, reason: 'edited' });
    });
  });
}
