import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { run } from '../../bot/adapters/sql/store-database.ts';
import { SqlSessionStore } from '../../bot/adapters/storage/sql-session-store.ts';
import type { Session, SessionStore } from '../../bot/ports/identity.ts';
import { InMemorySessionStore } from '../fakes/in-memory-session-store.ts';
import { useBackends } from './backends.ts';

const session = (idHash: string, partial: Partial<Session> = {}): Session => ({
  idHash,
  csrfToken: `csrf-${idHash}`,
  createdAt: '2026-11-23T08:00:00.000Z',
  lastSeenAt: '2026-11-23T08:00:00.000Z',
  expiresAt: '2026-11-24T00:00:00.000Z',
  principal: { userId: 'u-1', personId: 'p-aylin', displayName: 'Aylin', roles: ['lotse', 'staff'], source: 'dev' },
  ...partial,
});

/** Two stores on the same data (two replicas; the fake: one) and a way to damage a stored principal. */
interface Opened {
  readonly a: SessionStore;
  readonly b: SessionStore;
  corruptPrincipal(idHash: string, text: string): Promise<void>;
}

/** The `SessionStore` contract. */
function sessionStoreContract(name: string, available: boolean, open: () => Promise<Opened>): void {
  describe.skipIf(!available)(`session store contract on ${name}`, () => {
    it('creates a session that the other replica reads, touches and deletes', async () => {
      const { a, b } = await open();
      await a.create(session('h-1'));
      expect(await b.get('h-1')).toEqual(session('h-1'));
      expect(await b.get('h-unknown')).toBeUndefined();
      await b.touch('h-1', '2026-11-23T08:30:00.000Z');
      expect((await a.get('h-1'))?.lastSeenAt).toBe('2026-11-23T08:30:00.000Z');
      await b.touch('h-unknown', '2026-11-23T08:30:00.000Z');
      expect(await a.get('h-unknown')).toBeUndefined();
      await expect(b.create(session('h-1'))).rejects.toThrow();
      await b.delete('h-1');
      expect(await a.get('h-1')).toBeUndefined();
      await a.delete('h-1');
    });

    it('keeps a principal without person id as it was', async () => {
      const { a, b } = await open();
      const anonymous = session('h-pseudo', { principal: { userId: 'oidc-1a2b', displayName: 'Gast', roles: ['staff'], source: 'oidc' } });
      await a.create(anonymous);
      expect(await b.get('h-pseudo')).toEqual(anonymous);
    });

    it('purges sessions past their absolute end or idle too long, and counts them', async () => {
      const { a, b } = await open();
      await a.create(session('h-live', { lastSeenAt: '2026-11-23T09:30:00.000Z' }));
      await a.create(session('h-expired', { lastSeenAt: '2026-11-23T09:30:00.000Z', expiresAt: '2026-11-23T10:00:00.000Z' }));
      await a.create(session('h-idle', { lastSeenAt: '2026-11-23T08:59:00.000Z' }));
      expect(await b.purgeExpired('2026-11-23T10:00:00.000Z', '2026-11-23T09:00:00.000Z')).toBe(2);
      expect([await a.get('h-live'), await a.get('h-expired'), await a.get('h-idle')].map((found) => found?.idHash)).toEqual([
        'h-live',
        undefined,
        undefined,
      ]);
      expect(await a.purgeExpired('2026-11-23T10:00:00.000Z', '2026-11-23T09:00:00.000Z')).toBe(0);
    });

    it('reads a session whose stored principal is broken or not a principal as none', async () => {
      const { a, b, corruptPrincipal } = await open();
      await a.create(session('h-broken'));
      await a.create(session('h-foreign'));
      await corruptPrincipal('h-broken', '{"userId": "u-1", ');
      await corruptPrincipal('h-foreign', JSON.stringify({ userId: 'u-1', displayName: 'X', roles: ['superuser'], source: 'dev' }));
      expect(await b.get('h-broken')).toBeUndefined();
      expect(await b.get('h-foreign')).toBeUndefined();
      await b.delete('h-broken');
    });
  });
}

sessionStoreContract('the in-memory fake', true, async () => {
  const store = new InMemorySessionStore();
  return { a: store, b: store, corruptPrincipal: async (idHash, text) => store.corruptPrincipal(idHash, text) };
});

for (const backend of useBackends()) {
  sessionStoreContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return {
      a: new SqlSessionStore(store),
      b: new SqlSessionStore(await secondStore()),
      corruptPrincipal: async (idHash, text) => {
        await run(store.db, sql`UPDATE sessions SET principal = ${text} WHERE id_hash = ${idHash}`);
      },
    };
  });

  describe.skipIf(!backend.available)(`session tables on ${backend.name}`, () => {
    it('clears expired pending logins that older versions wrote', async () => {
      const { store } = await backend.fresh();
      await run(
        store.db,
        sql`INSERT INTO pending_logins (state, nonce, code_verifier, return_to, expires_at)
        VALUES ('s-old', 'n', 'v', '/konsole', '2026-11-23T08:00:00.000Z'), ('s-new', 'n', 'v', '/konsole', '2026-11-23T12:00:00.000Z')`,
      );
      expect(await new SqlSessionStore(store).purgeExpired('2026-11-23T10:00:00.000Z', '2026-11-23T09:00:00.000Z')).toBe(0);
      const left = await sql<{ state: string }>`SELECT state FROM pending_logins ORDER BY state`.execute(store.db);
      expect(left.rows.map((row) => row.state)).toEqual(['s-new']);
    });
  });
}
