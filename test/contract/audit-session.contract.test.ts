import { describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../bot/adapters/storage/sqlite-audit-log.ts';
import { SqliteReidentification } from '../../bot/adapters/storage/sqlite-reidentification.ts';
import type { AuditEntry } from '../../bot/ports/audit-log.ts';
import { useBackends } from './backends.ts';

const entry = (at: string, partial: Partial<AuditEntry> = {}): AuditEntry => ({
  type: 'answer', at, pseudonym: 'p1', channel: 'web', outcome: 'answered', rules: [], policyVersion: 'v1', indexVersion: 'i1', documents: [], ...partial,
});

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`audit and re-identification contract on ${backend.name}`, () => {
    it('chains audit records from two replicas, detects an edit, purges and continues', async () => {
      const { database, second } = await backend.fresh();
      const a = new SqliteAuditLog(database);
      const b = new SqliteAuditLog(second());
      for (let index = 0; index < 6; index += 1) (index % 2 ? b : a).append(entry(`2026-11-2${index}T10:00:00.000Z`, { question: `Frage ${index}` }));
      expect(b.verify()).toEqual({ kind: 'intact', records: 6 });
      expect(a.entries().map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      const retention = { answer: 3, refusal: 3, security: 730, reidentification: 730 };
      expect(a.purge(new Date('2026-11-25T12:00:00.000Z'), retention).removed).toBe(3);
      expect(b.purge(new Date('2026-11-26T12:00:00.000Z'), retention).removed).toBe(1);
      b.append(entry('2026-11-26T13:00:00.000Z'));
      expect(a.verify()).toEqual({ kind: 'intact', records: 3 });
      database.prepare("UPDATE audit_records SET body = replace(body, 'Frage 4', 'Frage X') WHERE seq = 5").run();
      expect(b.verify()).toEqual({ kind: 'broken', atSequence: 5, reason: 'edited' });
    });

    it('reveals a pseudonym only after both approvals', async () => {
      const { database } = await backend.fresh();
      const steps: string[] = [];
      const reid = new SqliteReidentification(database, { validDays: 7, candidates: () => ['u-1', 'u-2'], pseudonym: (user) => `ps-${user}`, onStep: (step) => steps.push(step) });
      const now = new Date('2026-11-23T08:00:00.000Z');
      const requested = reid.request({ pseudonym: 'ps-u-2', reason: 'Verdacht auf Missbrauch laut Meldung', by: 'admin', now });
      expect(requested).toMatchObject({ kind: 'requested', id: 1 });
      expect(reid.approve({ id: 1, role: 'personalrat', by: 'pr', now })).toEqual({ kind: 'approved', id: 1, missing: ['dsb'] });
      expect(reid.approve({ id: 1, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'revealed', id: 1, userIds: ['u-2'] });
      expect(reid.approve({ id: 1, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'refused', reason: 'already_revealed' });
      expect(reid.approve({ id: 9, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'refused', reason: 'not_found' });
      expect(steps).toEqual(['requested', 'approved-personalrat', 'approved-dsb', 'revealed']);
    });
  });
}
