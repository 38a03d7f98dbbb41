/**
 * The re-identification contract (DV KI § 6 Abs. 3; asynchronous since issue #20) on the in-memory fake,
 * SQLite and PostgreSQL: a pseudonym is revealed only after the Personalrat and the DSB approved, never by
 * the requester, not after the request expired; every step is audited before its result is returned; two
 * replicas approving at once keep both approvals and reveal once. And a database whose table the old
 * constructor created keeps its requests; approvals written before versions still read, approvals of a newer
 * lotse are left out of the open requests and refused on approval (issue #20, item 2).
 */
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { StoredJsonError } from '../../bot/adapters/sql/stored-json.ts';
import { SqlReidentification } from '../../bot/adapters/storage/sql-reidentification.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import type { Reidentification, ReidentificationOptions } from '../../bot/ports/reidentification.ts';
import { InMemoryReidentification } from '../fakes/in-memory-reidentification.ts';
import { useBackends } from './backends.ts';
import { literal, withRefusals } from './stored-json-support.ts';

const now = new Date('2026-11-23T08:00:00.000Z');
const reason = 'Verdacht auf Missbrauch laut Meldung';
const roles: Record<string, readonly string[]> = { pr: ['personalrat'], dsb: ['dsb'], pr2: ['personalrat'] };

/** Options recording each step; a step is only recorded once its (slow) audit write finished. */
function recorded(): { steps: string[]; options: ReidentificationOptions } {
  const steps: string[] = [];
  return {
    steps,
    options: {
      validDays: 7,
      candidates: async () => ['u-1', 'u-2'],
      pseudonym: (user) => `ps-${user}`,
      holdsRole: (by, role) => roles[by]?.includes(role) ?? false,
      onStep: async (step, id) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        steps.push(`${step}#${id}`);
      },
    },
  };
}

/** `open(options)` gives two stores on the same data (two replicas; the fake: one). */
function reidentificationContract(
  name: string,
  available: boolean,
  open: (options: ReidentificationOptions) => Promise<{ a: Reidentification; b: Reidentification }>,
): void {
  describe.skipIf(!available)(`re-identification contract on ${name}`, () => {
    it('reveals a pseudonym only after both approvals, each step audited before it returns', async () => {
      const { steps, options } = recorded();
      const { a, b } = await open(options);
      expect(await a.request({ pseudonym: 'ps-u-2', reason: 'zu kurz', by: 'admin', now })).toEqual({
        kind: 'refused',
        reason: 'reason_missing',
      });
      expect(await a.request({ pseudonym: 'ps-u-2', reason, by: 'admin', now })).toEqual({
        kind: 'requested',
        id: 1,
        expiresAt: '2026-11-30T08:00:00.000Z',
      });
      expect(steps).toEqual(['requested#1']);
      expect(await b.open(now)).toEqual([
        {
          id: 1,
          pseudonym: 'ps-u-2',
          reason,
          requestedBy: 'admin',
          requestedAt: now.toISOString(),
          expiresAt: '2026-11-30T08:00:00.000Z',
          approvals: {},
        },
      ]);
      expect(await b.approve({ id: 1, role: 'personalrat', by: 'pr', now })).toEqual({ kind: 'approved', id: 1, missing: ['dsb'] });
      expect(steps).toEqual(['requested#1', 'approved-personalrat#1']);
      expect((await a.open(now))[0]?.approvals).toEqual({ personalrat: 'pr' });
      expect(await a.approve({ id: 1, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'revealed', id: 1, userIds: ['u-2'] });
      expect(steps).toEqual(['requested#1', 'approved-personalrat#1', 'approved-dsb#1', 'revealed#1']);
      expect(await b.approve({ id: 1, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'refused', reason: 'already_revealed' });
      expect(await b.approve({ id: 9, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'refused', reason: 'not_found' });
      expect(await a.open(now)).toEqual([]);
      expect(steps).toHaveLength(4);
    });

    it('refuses the requester, one person in both roles, non-holders and expired requests', async () => {
      const { options } = recorded();
      const { a, b } = await open({ ...options, holdsRole: (by, role) => by === 'both' || (roles[by]?.includes(role) ?? false) });
      await a.request({ pseudonym: 'ps-u-1', reason, by: 'dsb', now });
      expect(await b.approve({ id: 1, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'refused', reason: 'own_request' });
      expect(await b.approve({ id: 1, role: 'dsb', by: 'pr', now })).toEqual({ kind: 'refused', reason: 'not_permitted' });
      expect(await b.approve({ id: 1, role: 'personalrat', by: 'both', now })).toMatchObject({ kind: 'approved' });
      expect(await a.approve({ id: 1, role: 'dsb', by: 'both', now })).toEqual({ kind: 'refused', reason: 'same_person' });
      const later = new Date('2026-12-01T08:00:00.000Z');
      expect(await a.approve({ id: 1, role: 'dsb', by: 'dsb2', now: later })).toEqual({ kind: 'refused', reason: 'expired' });
      expect(await a.open(later)).toEqual([]);
      expect(await a.open(now)).toHaveLength(1);
    });

    it('keeps both approvals given at once on two replicas and reveals once', async () => {
      const { steps, options } = recorded();
      const { a, b } = await open(options);
      await a.request({ pseudonym: 'ps-u-1', reason, by: 'admin', now });
      const results = await Promise.all([
        a.approve({ id: 1, role: 'personalrat', by: 'pr', now }),
        b.approve({ id: 1, role: 'dsb', by: 'dsb', now }),
      ]);
      expect(results.map((result) => result.kind).sort()).toEqual(['approved', 'revealed']);
      expect(results.find((result) => result.kind === 'revealed')).toEqual({ kind: 'revealed', id: 1, userIds: ['u-1'] });
      expect(steps.filter((step) => step === 'revealed#1')).toHaveLength(1);
      expect(await a.open(now)).toEqual([]);
    });
  });
}

reidentificationContract('the in-memory fake', true, async (options) => {
  const store = new InMemoryReidentification(options);
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  reidentificationContract(backend.name, backend.available, async (options) => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlReidentification(store, options), b: new SqlReidentification(await secondStore(), options) };
  });

  describe.skipIf(!backend.available)(`stored approvals on ${backend.name}`, () => {
    it('reads approvals written before versions; leaves out and refuses to approve on approvals of a newer lotse or invalid ones', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const { options, steps } = recorded();
      const reid = new SqlReidentification(store, options);
      const request = (pseudonym: string, approvals: string) =>
        fresh.raw(`INSERT INTO reidentification_requests (pseudonym, reason, requested_by, requested_at, expires_at, approvals)
        VALUES (${literal(pseudonym)}, ${literal(reason)}, 'admin', ${literal(now.toISOString())}, '2026-11-30T08:00:00.000Z', ${literal(approvals)})`);
      await request('ps-u-1', '{"personalrat":"pr"}');
      await request('ps-u-2', '{"$v":2,"personalrat":"pr","quorum":["pr"]}');
      await request('ps-u-2', '{"personalrat":7}');
      expect((await reid.open(now)).map((open) => [open.id, open.approvals])).toEqual([[1, { personalrat: 'pr' }]]);
      expect(refused.map((entry) => [entry.key, String(entry.reason).split(' (')[0]])).toEqual([
        ['2', 'written by a newer lotse'],
        ['3', 'invalid document'],
      ]);
      await expect(reid.approve({ id: 2, role: 'dsb', by: 'dsb', now })).rejects.toThrow(StoredJsonError);
      await expect(reid.approve({ id: 3, role: 'dsb', by: 'dsb', now })).rejects.toThrow(
        /^stored approvals of re-identification request 3 cannot be read: invalid document/,
      );
      expect((await fresh.raw<{ approvals: string }>('SELECT approvals FROM reidentification_requests WHERE id = 2'))[0]?.approvals).toBe(
        '{"$v":2,"personalrat":"pr","quorum":["pr"]}',
      );
      expect(await reid.approve({ id: 1, role: 'dsb', by: 'dsb', now })).toEqual({ kind: 'revealed', id: 1, userIds: ['u-1'] });
      expect((await fresh.raw<{ approvals: string }>('SELECT approvals FROM reidentification_requests WHERE id = 1'))[0]?.approvals).toBe(
        '{"$v":1,"personalrat":"pr","dsb":"dsb"}',
      );
      expect(steps).toEqual(['approved-dsb#1', 'revealed#1']);
    });
  });
}

describe('re-identification requests of an older lotse', () => {
  it('keeps the table and requests its constructor created (the legacy step is skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'reidentification', [
      `CREATE TABLE reidentification_requests (id INTEGER PRIMARY KEY, pseudonym TEXT NOT NULL, reason TEXT NOT NULL, requested_by TEXT NOT NULL,
     requested_at TEXT NOT NULL, expires_at TEXT NOT NULL, approvals TEXT NOT NULL DEFAULT '{}', revealed_at TEXT);`,
    ]);
    database
      .prepare('INSERT INTO reidentification_requests (pseudonym, reason, requested_by, requested_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run('ps-u-1', reason, 'admin', now.toISOString(), '2026-11-30T08:00:00.000Z');
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toContain('0019-reidentification');
    const { options } = recorded();
    const reid = new SqlReidentification(store, options);
    expect(await reid.open(now)).toMatchObject([{ id: 1, pseudonym: 'ps-u-1' }]);
    expect(await reid.request({ pseudonym: 'ps-u-2', reason, by: 'admin', now })).toMatchObject({ kind: 'requested', id: 2 });
    database.close();
  });
});
