/**
 * Index replication decisions with fake leases and a fixed clock, on real knowledge bases in temp dirs:
 * only the lease holder ingests and publishes, unchanged state publishes nothing, requests and the
 * interval trigger ingests, a new leader continues from the published version, approved FAQ entries are
 * added; followers swap store and indexes together and keep the old state when a version is corrupt,
 * never overlap their polls and report an unreachable store as a failed poll.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../bot/adapters/search/german-analyzer.ts';
import { openSqliteDatabase } from '../../../bot/adapters/storage/sqlite-database.ts';
import { createIndexFollower } from '../../../bot/app/index-follower.ts';
import { createIndexLeader, type IndexLeaderDeps } from '../../../bot/app/index-leader.ts';
import { KnowledgeBase } from '../../../bot/app/knowledge-base.ts';
import { HashedNgramEmbedder } from '../../../bot/adapters/search/hashed-ngram-embedder.ts';
import { loadPublished } from '../../../bot/app/published-snapshot.ts';
import type { IndexPublication } from '../../../bot/ports/index-publication.ts';
import type { IngestedDocument } from '../../../bot/ports/knowledge.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { InMemoryIndexPublication } from '../../fakes/in-memory-index-publication.ts';
import { InMemoryJobLeases } from '../../fakes/in-memory-job-leases.ts';

const analyzer = createGermanAnalyzer({ dictionaryPath: false });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function knowledgeBase(): KnowledgeBase {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-replication-'));
  dirs.push(dataDir);
  return new KnowledgeBase({ dataDir, database: openSqliteDatabase(dataDir), analyzer, logger: silentLogger });
}

function documentOf(id: string, text: string, checksum = `sum-${id}`): IngestedDocument {
  return {
    meta: { id, title: id, type: 'faq', supersedes: [], visibility: [], checksum },
    text,
    chunks: [{ id: `${id}#0`, documentId: id, ordinal: 0, section: id, text, start: 0, end: text.length, kind: 'text' }],
  };
}

/** A replica: its served knowledge base, a follower and a leader whose folder holds `folder` documents. */
function replica(
  name: string,
  shared: {
    publication: InMemoryIndexPublication;
    leases: InMemoryJobLeases;
    clock: FixedClock;
    folder: IngestedDocument[];
    faq: IngestedDocument[];
  },
) {
  const served = knowledgeBase();
  const ingests: number[] = [];
  const deps: IndexLeaderDeps = {
    publication: shared.publication,
    leases: shared.leases,
    replicaId: name,
    clock: shared.clock,
    logger: silentLogger,
    openWork: async () => {
      const work = knowledgeBase();
      await work.open();
      return work;
    },
    ingest: async (work) => {
      let added = 0;
      for (const document of shared.folder) {
        if (work.store.getDocument(document.meta.id)?.checksum === document.meta.checksum) continue;
        await work.put(document);
        added += 1;
      }
      const inFolder = new Set(shared.folder.map((document) => document.meta.id));
      const gone = [...work.knownChecksums().keys()].filter((id) => !inFolder.has(id));
      for (const id of gone) await work.remove(id);
      ingests.push(added);
      return { added, updated: 0, removed: gone.length, skipped: [] };
    },
    approvedFaq: async () => shared.faq,
    reindexIntervalMs: 60_000,
    leaseTtlMs: 10_000,
  };
  return {
    served,
    ingests,
    leader: createIndexLeader(deps),
    follower: createIndexFollower({ publication: shared.publication, knowledge: served, logger: silentLogger }),
  };
}

function world() {
  return {
    publication: new InMemoryIndexPublication(),
    leases: new InMemoryJobLeases(),
    clock: new FixedClock(),
    folder: [documentOf('dienstwagen.md', 'Den Dienstwagen reserviert die Fahrbereitschaft im Buchungssystem.')],
    faq: [] as IngestedDocument[],
  };
}

const topDocument = (knowledge: KnowledgeBase, query: string): string | undefined => {
  const hit = knowledge.lexical.search(query, 1)[0];
  return hit ? knowledge.store.getChunk(hit.id)?.documentId : undefined;
};

describe('index leader', () => {
  it('lets only the lease holder ingest and publish; followers load that version and become ready', async () => {
    const shared = world();
    const a = replica('a', shared);
    const b = replica('b', shared);
    expect(b.follower.ready()).toBe(false);
    expect(await a.leader.tick()).toMatchObject({ kind: 'published' });
    expect(await b.leader.tick()).toEqual({ kind: 'standby', holder: 'a' });
    expect(b.ingests).toEqual([]);
    const version = (await shared.publication.latest())!.version;
    for (const { follower, served } of [a, b]) {
      expect(await follower.poll()).toMatchObject({ kind: 'loaded', version });
      expect(follower.ready()).toBe(true);
      expect(served.indexVersion()).toBe(version);
      expect(topDocument(served, 'Dienstwagen Fahrbereitschaft')).toBe('dienstwagen.md');
    }
    expect(await b.follower.poll()).toEqual({ kind: 'current', version });
  });

  it('publishes nothing when unchanged, ingests again after the interval or on request', async () => {
    const shared = world();
    const a = replica('a', shared);
    await a.leader.tick();
    const first = (await shared.publication.latest())!.version;
    shared.clock.advance(5_000);
    expect(await a.leader.tick()).toEqual({ kind: 'unchanged', ingested: false });
    expect(a.ingests).toHaveLength(1);
    const request = await shared.publication.requestReindex('b', shared.clock.now().toISOString());
    expect(await a.leader.tick()).toEqual({ kind: 'unchanged', ingested: true });
    expect((await shared.publication.request(request))?.handledAt).toBeDefined();
    shared.folder.push(documentOf('kantine.md', 'Die Kantine öffnet um halb zwölf.'));
    shared.clock.advance(60_000);
    expect(await a.leader.tick()).toMatchObject({ kind: 'published' });
    expect(a.ingests).toHaveLength(3);
    expect((await shared.publication.latest())!.version).not.toBe(first);
  });

  it('hands over after the lease expires; the new leader continues from the published version and adds approved FAQ entries', async () => {
    const shared = world();
    const a = replica('a', shared);
    const b = replica('b', shared);
    await a.leader.tick();
    shared.clock.advance(11_000); // a stopped renewing (killed)
    shared.faq.push(documentOf('lotse-faq/7.md', 'Beamer verleiht die Medienstelle in Raum B.204.', 'faq-7'));
    expect(await b.leader.tick()).toMatchObject({ kind: 'published' });
    expect(await a.leader.tick()).toEqual({ kind: 'standby', holder: 'b' });
    expect(b.ingests).toEqual([0]); // continued from the published version instead of re-indexing the folder
    await b.follower.poll();
    expect(topDocument(b.served, 'Medienstelle Beamer')).toBe('lotse-faq/7.md');
    expect(topDocument(b.served, 'Dienstwagen Fahrbereitschaft')).toBe('dienstwagen.md');
    shared.faq.splice(0, 1, documentOf('lotse-faq/7.md', 'Beamer verleiht die Medienstelle in Raum B.204.', 'faq-7-2027-11-01'));
    expect(await b.leader.tick()).toMatchObject({ kind: 'published' }); // revalidated: new checksum replaces the entry
    await b.follower.poll();
    expect(b.served.store.getDocument('lotse-faq/7.md')?.checksum).toBe('faq-7-2027-11-01');
  });
});

describe('follower swap', () => {
  it('replaces store rows and indexes together; a corrupt version leaves the loaded one in place', async () => {
    const shared = world();
    const a = replica('a', shared);
    await a.leader.tick();
    await a.follower.poll();
    const loaded = a.served.indexVersion();
    shared.folder.splice(0, 1, documentOf('kantine.md', 'Die Kantine öffnet um halb zwölf.'));
    shared.clock.advance(60_000);
    await a.leader.tick();
    const next = (await shared.publication.fetch((await shared.publication.latest())!.version))!;
    const broken = next.files.map((file) => (file.name === 'bm25.bin' ? { ...file, bytes: Buffer.from('kaputt') } : file));
    expect(await loadPublished(a.served, next.version, broken)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('bm25.bin'),
    });
    expect(a.served.indexVersion()).toBe(loaded);
    expect(topDocument(a.served, 'Dienstwagen Fahrbereitschaft')).toBe('dienstwagen.md');
    const outcome = await loadPublished(a.served, next.version, next.files);
    expect(outcome).toMatchObject({ kind: 'loaded', chunks: 1 });
    expect(a.served.store.getChunk('dienstwagen.md#0')).toBeUndefined();
    expect(a.served.lexical.search('Dienstwagen', 5)).toEqual([]);
    expect(topDocument(a.served, 'Kantine')).toBe('kantine.md');
    expect(a.served.store.listDocuments().map((meta) => meta.id)).toEqual(['kantine.md']);
  });
});

describe('follower swap during a retrieval', () => {
  it('defers the swap while a retrieval awaits its embedder, then loads', async () => {
    const shared = world();
    const a = replica('a', shared);
    await a.leader.tick();
    const { served, release } = gatedKnowledgeBase();
    const follower = createIndexFollower({ publication: shared.publication, knowledge: served, logger: silentLogger });
    const pending = served.retrieve('Dienstwagen', { k: 3 });
    expect(served.busy()).toBe(true);
    expect(await follower.poll()).toMatchObject({ kind: 'deferred' });
    expect(served.indexVersion()).toBe('');
    release();
    expect(await pending).toEqual([]); // answered from the old (empty) state, not a mix
    expect(await follower.poll()).toMatchObject({ kind: 'loaded' });
    expect((await served.retrieve('Dienstwagen Fahrbereitschaft', { k: 1 }))[0]?.id).toBe('dienstwagen.md#0');
  });
});

/** `publication` with another `fetch` (to count fetches or act while one runs). */
function withFetch(publication: IndexPublication, fetch: IndexPublication['fetch']): IndexPublication {
  return {
    latest: () => publication.latest(),
    publish: (entry, keep) => publication.publish(entry, keep),
    fetch,
    requestReindex: (by, at) => publication.requestReindex(by, at),
    pendingRequests: () => publication.pendingRequests(),
    markHandled: (ids, at, report) => publication.markHandled(ids, at, report),
    request: (id) => publication.request(id),
  };
}

/** A knowledge base whose embedder waits for `release()` (a retrieval stays busy until then). */
function gatedKnowledgeBase(): { served: KnowledgeBase; release: () => void } {
  const hashed = new HashedNgramEmbedder();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((done) => (release = done));
  const slow = {
    id: hashed.id,
    dimensions: hashed.dimensions,
    embed: async (texts: readonly string[]) => {
      await gate;
      return hashed.embed(texts);
    },
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-replication-'));
  dirs.push(dataDir);
  return {
    served: new KnowledgeBase({
      dataDir,
      database: openSqliteDatabase(dataDir),
      analyzer,
      logger: silentLogger,
      embedders: [{ embedder: slow, weight: 0.3 }],
    }),
    release,
  };
}

describe('follower polls on the asynchronous store', () => {
  it('never overlap: a poll while one runs shares its result and fetches once', async () => {
    const shared = world();
    await replica('a', shared).leader.tick();
    let fetches = 0;
    const counting = withFetch(shared.publication, async (version) => {
      fetches += 1;
      return shared.publication.fetch(version);
    });
    const follower = createIndexFollower({ publication: counting, knowledge: knowledgeBase(), logger: silentLogger });
    const [first, second] = await Promise.all([follower.poll(), follower.poll()]);
    expect(first).toMatchObject({ kind: 'loaded' });
    expect(second).toBe(first);
    expect(fetches).toBe(1);
    expect(await follower.poll()).toMatchObject({ kind: 'current' });
  });

  it('reports an unreachable store as a failed poll and stays not ready', async () => {
    const down = withFetch(new InMemoryIndexPublication(), async () => undefined);
    const follower = createIndexFollower({
      publication: { ...down, latest: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) },
      knowledge: knowledgeBase(),
      logger: silentLogger,
    });
    expect(await follower.poll()).toMatchObject({ kind: 'failed', reason: expect.stringContaining('ECONNREFUSED') });
    expect(follower.ready()).toBe(false);
  });

  it('defers the swap when a retrieval started during the fetch, and loads the fetched version next time', async () => {
    const shared = world();
    await replica('a', shared).leader.tick();
    const { served, release } = gatedKnowledgeBase();
    let fetches = 0;
    let pending: Promise<unknown> | undefined;
    const racing = withFetch(shared.publication, async (version) => {
      fetches += 1;
      pending ??= served.retrieve('Dienstwagen', { k: 3 }); // a question arrives while the bytes travel
      return shared.publication.fetch(version);
    });
    const follower = createIndexFollower({ publication: racing, knowledge: served, logger: silentLogger });
    expect(await follower.poll()).toMatchObject({ kind: 'deferred' });
    expect(served.indexVersion()).toBe('');
    release();
    expect(await pending).toEqual([]);
    expect(await follower.poll()).toMatchObject({ kind: 'loaded' });
    expect(fetches).toBe(1);
  });
});
