/**
 * The leader side of index replication: the replica holding the `reindex` lease ingests the knowledge
 * folder into its own work copy of the knowledge base (never into the one it serves), adds approved FAQ
 * entries it lacks, and publishes a new version when the knowledge state changed. A new leader first
 * loads the newest published version into its work copy, so it continues from there incrementally.
 */
import type { Clock } from '../ports/clock.ts';
import type { IndexPublication } from '../ports/index-publication.ts';
import type { JobLeases } from '../ports/job-lease.ts';
import type { IngestedDocument } from '../ports/knowledge.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';
import { knowledgeStateHash, readCurrentSnapshot } from './index-snapshot.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { loadPublished, packSnapshot, parsePublishedManifest } from './published-snapshot.ts';

/** Name of the lease of the re-index job. */
export const reindexLease = 'reindex';

/** Counts of one folder ingest. */
export interface IngestCounts {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly skipped: readonly { file: string; reason: string }[];
}

/** What one leader cycle did. */
export type LeaderStep =
  | { readonly kind: 'standby'; readonly holder: string }
  | { readonly kind: 'busy' }
  | { readonly kind: 'unchanged'; readonly ingested: boolean }
  | { readonly kind: 'published'; readonly version: string; readonly ms: number; readonly bytes: number }
  | { readonly kind: 'lost-lease' }
  | { readonly kind: 'failed'; readonly reason: string };

/** Everything the leader needs; `ingest` and `openWork` are replaced in unit tests. */
export interface IndexLeaderDeps {
  readonly publication: IndexPublication;
  readonly leases: JobLeases;
  readonly replicaId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Opens the work copy (once, on the first cycle as leader). */
  readonly openWork: () => Promise<KnowledgeBase>;
  /** Ingests the knowledge folder incrementally into the work copy. */
  readonly ingest: (work: KnowledgeBase) => Promise<IngestCounts>;
  /** FAQ documents of all approved drafts (the leader adds those it lacks or holds with another checksum). */
  readonly approvedFaq: () => Promise<readonly IngestedDocument[]>;
  readonly reindexIntervalMs: number;
  readonly leaseTtlMs: number;
}

/** The re-index job of one replica. */
export interface IndexLeader {
  /** One cycle: take/renew the lease; ingest when due or requested; publish when the state changed. Never throws. */
  tick(): Promise<LeaderStep>;
  /** Gives the lease up (graceful shutdown); never rejects (an unreleased lease runs out by itself). */
  release(): Promise<void>;
}

/** Creates the re-index job (the caller runs `tick` on a timer). */
export function createIndexLeader(deps: IndexLeaderDeps): IndexLeader {
  let work: KnowledgeBase | undefined;
  let seeded = false;
  let lastIngest = Number.NEGATIVE_INFINITY;
  let running = false;
  const now = (): Date => deps.clock.now();
  const holds = async (): Promise<boolean> =>
    (await deps.leases.acquire(reindexLease, deps.replicaId, now(), deps.leaseTtlMs)).kind === 'held';

  const seed = async (copy: KnowledgeBase): Promise<void> => {
    const latest = await deps.publication.latest();
    const fetched = latest ? await deps.publication.fetch(latest.version) : undefined;
    if (!fetched) return;
    const outcome = await loadPublished(copy, fetched.version, fetched.files);
    if (outcome.kind === 'rejected') deps.logger.warn('index-seed-skipped', { version: fetched.version.version, reason: outcome.reason });
  };

  // Missing or changed (revalidated: new Stand, new checksum) approved FAQ entries.
  const addMissingFaq = async (copy: KnowledgeBase): Promise<number> => {
    const missing = (await deps.approvedFaq()).filter(
      (document) => copy.store.getDocument(document.meta.id)?.checksum !== document.meta.checksum,
    );
    for (const document of missing) await copy.put(document);
    return missing.length;
  };

  const publishIfChanged = async (copy: KnowledgeBase, ingested: boolean): Promise<LeaderStep> => {
    const stateHash = knowledgeStateHash(copy.store.listDocuments());
    const latest = await deps.publication.latest();
    if (latest && parsePublishedManifest(latest.manifest)?.stateHash === stateHash) return { kind: 'unchanged', ingested };
    if (!(await holds())) return { kind: 'lost-lease' };
    const started = performance.now();
    if (readCurrentSnapshot(copy.indexRoot)?.manifest.stateHash !== stateHash) copy.save();
    const publication = packSnapshot(copy, deps.replicaId, now());
    if (!publication) return { kind: 'failed', reason: 'the work copy has no snapshot' };
    await deps.publication.publish(publication);
    const bytes = publication.files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
    const step = { kind: 'published', version: publication.version, ms: Math.round(performance.now() - started), bytes } as const;
    deps.logger.info('index-published', { version: step.version, ms: step.ms, bytes, chunks: copy.lexical.size });
    return step;
  };

  const cycle = async (): Promise<LeaderStep> => {
    work ??= await deps.openWork();
    if (!seeded) {
      await seed(work);
      seeded = true;
      lastIngest = Number.NEGATIVE_INFINITY;
    }
    const requests = await deps.publication.pendingRequests();
    const due = requests.length > 0 || now().getTime() - lastIngest >= deps.reindexIntervalMs;
    let report: IngestCounts | undefined;
    if (due) {
      report = await deps.ingest(work);
      lastIngest = now().getTime();
      deps.logger.info('index-ingest', {
        replica: deps.replicaId,
        added: report.added,
        updated: report.updated,
        removed: report.removed,
        skipped: report.skipped.length,
      });
    }
    const faqAdded = await addMissingFaq(work);
    const step = await publishIfChanged(work, due || faqAdded > 0);
    if (requests.length)
      await deps.publication.markHandled(
        requests.map((request) => request.id),
        now().toISOString(),
        JSON.stringify({ at: now().toISOString(), ...(report ?? { added: 0, updated: 0, removed: 0, skipped: [] }) }),
      );
    return step;
  };

  return {
    async tick(): Promise<LeaderStep> {
      if (running) return { kind: 'busy' };
      running = true; // before the first await: a second tick meanwhile is busy
      try {
        const lease = await deps.leases.acquire(reindexLease, deps.replicaId, now(), deps.leaseTtlMs);
        if (lease.kind === 'taken') {
          seeded = false; // when this replica leads again, it starts from the newest published version
          running = false;
          return { kind: 'standby', holder: lease.holder };
        }
      } catch (error) {
        running = false;
        return { kind: 'failed', reason: describeError(error) };
      }
      // Renewals during a long cycle never overlap; a failed one is left to the next tick to report.
      let renewing: Promise<unknown> | undefined;
      const renew = setInterval(
        () => {
          renewing ??= holds()
            .catch(() => false)
            .finally(() => {
              renewing = undefined;
            });
        },
        Math.max(250, deps.leaseTtlMs / 3),
      );
      try {
        const step = await cycle();
        if (step.kind === 'lost-lease') seeded = false;
        return step;
      } catch (error) {
        deps.logger.error('index-cycle-failed', { error: describeError(error) });
        return { kind: 'failed', reason: describeError(error) };
      } finally {
        clearInterval(renew);
        await renewing;
        running = false;
      }
    },
    async release(): Promise<void> {
      try {
        await deps.leases.release(reindexLease, deps.replicaId);
      } catch {
        // the lease runs out by itself
      }
    },
  };
}
