/**
 * Issue #22 stores on SQLite and PostgreSQL: the audit purge per record type with anchor records (two
 * replicas). A person's records for GDPR access and erasure: personal-data.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SqlAuditLog } from '../../bot/adapters/storage/sql-audit-log.ts';
import type { AuditEntry, AuditRecordType } from '../../bot/ports/audit-log.ts';
import { useBackends } from './backends.ts';

const entry = (at: string, type: AuditRecordType): AuditEntry => ({
  type,
  at,
  pseudonym: 'p',
  channel: 'web',
  outcome: 'answered',
  rules: [],
  policyVersion: 'v',
  indexVersion: 'i',
  documents: [],
});

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`issue #22 stores on ${backend.name}`, () => {
    it('purges per record type behind an older security record, declares the gap and keeps chaining from a second replica', async () => {
      const { store, secondStore } = await backend.fresh();
      const a = new SqlAuditLog(store, { key: 'k'.repeat(64) });
      const b = new SqlAuditLog(await secondStore(), { key: 'k'.repeat(64) });
      await a.append(entry('2025-01-01T10:00:00.000Z', 'security'));
      for (let day = 10; day <= 28; day += 1) await (day % 2 ? a : b).append(entry(`2025-02-${day}T10:00:00.000Z`, 'answer'));
      const retention = { answer: 365, refusal: 365, security: 730, reidentification: 730 };
      // 2026-02-20 12:00 minus 365 days: the answers of 10..20 February 2025 are past retention
      expect(await b.purge(new Date('2026-02-20T12:00:00.000Z'), retention)).toEqual({ removed: 11, byType: { answer: 11 } });
      await a.append(entry('2026-02-20T13:00:00.000Z', 'answer'));
      expect(await a.verify()).toEqual({ kind: 'intact', records: 1 + 8 + 1 + 1 }); // security, 8 answers, anchor, new answer
      expect((await a.entries()).map((row) => row.entry.type)[0]).toBe('security');
    });
  });
}
