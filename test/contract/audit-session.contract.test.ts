import { describe, expect, it } from 'vitest';
import { SqliteReidentification } from '../../bot/adapters/storage/sqlite-reidentification.ts';
import { useBackends } from './backends.ts';

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`re-identification contract on ${backend.name}`, () => {
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
