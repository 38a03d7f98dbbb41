/**
 * Published index versions on SQLite and a real PostgreSQL: files split into parts come back byte for
 * byte, a reader on another handle sees the newest complete version only, old versions are pruned, a
 * failed publication leaves nothing behind, and re-index requests are queued and marked handled once.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SqlIndexPublication } from '../../bot/adapters/storage/sql-index-publication.ts';
import type { Publication } from '../../bot/ports/index-publication.ts';
import { useBackends } from './backends.ts';

const publication = (version: string, files: Publication['files']): Publication => ({
  version, manifest: JSON.stringify({ version }), createdAt: '2026-12-03T08:00:00.000Z', publisher: 'replica-a', files,
});

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`index publication on ${backend.name}`, () => {
    it('stores files in parts and returns them byte for byte to another handle', async () => {
      const { database, second } = await backend.fresh();
      const writer = new SqlIndexPublication(database, 1000);
      const reader = new SqlIndexPublication(second(), 1000);
      expect(reader.latest()).toBeUndefined();
      const big = randomBytes(3500);
      const files = [{ name: 'bm25.bin', bytes: big }, { name: 'hashed/index.bin', bytes: Buffer.from('vektoren') }, { name: 'empty', bytes: Buffer.alloc(0) }];
      expect(writer.publish(publication('v1', files))).toEqual({ kind: 'published' });
      expect(reader.latest()).toMatchObject({ version: 'v1', publisher: 'replica-a', manifest: '{"version":"v1"}' });
      const fetched = reader.fetch('v1')!;
      const byName = new Map(fetched.files.map((file) => [file.name, Buffer.from(file.bytes)]));
      expect(byName.get('bm25.bin')!.equals(big)).toBe(true);
      expect(byName.get('hashed/index.bin')!.toString()).toBe('vektoren');
      expect(byName.get('empty')!.length).toBe(0);
      expect(reader.fetch('unknown')).toBeUndefined();
    });

    it('keeps the newest versions only and refuses a version twice without changing anything', async () => {
      const { database } = await backend.fresh();
      const store = new SqlIndexPublication(database);
      for (const version of ['v1', 'v2', 'v3', 'v4']) store.publish(publication(version, [{ name: 'f', bytes: Buffer.from(version) }]), 2);
      expect(store.latest()?.version).toBe('v4');
      expect(store.fetch('v2')).toBeUndefined();
      expect(Buffer.from(store.fetch('v3')!.files[0]!.bytes).toString()).toBe('v3');
      expect(store.publish(publication('v3', [{ name: 'f', bytes: Buffer.from('other') }]))).toEqual({ kind: 'exists' });
      expect(store.latest()?.version).toBe('v4');
      expect(Buffer.from(store.fetch('v3')!.files[0]!.bytes).toString()).toBe('v3');
    });

    it('queues re-index requests and marks them handled once', async () => {
      const { database, second } = await backend.fresh();
      const replicaB = new SqlIndexPublication(database);
      const leader = new SqlIndexPublication(second());
      const first = replicaB.requestReindex('replica-b', '2026-12-03T08:00:00.000Z');
      const next = replicaB.requestReindex('replica-b', '2026-12-03T08:00:01.000Z');
      expect(leader.pendingRequests().map((request) => request.id)).toEqual([first, next]);
      leader.markHandled([first, next], '2026-12-03T08:00:05.000Z', '{"added":1}');
      leader.markHandled([first], '2026-12-03T08:00:09.000Z', '{"added":0}');
      expect(leader.pendingRequests()).toEqual([]);
      expect(replicaB.request(first)).toMatchObject({ handledAt: '2026-12-03T08:00:05.000Z', report: '{"added":1}' });
    });
  });
}
