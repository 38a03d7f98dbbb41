/**
 * Runs index replication in `serve` when `DATABASE_URL` is set: every replica follows the published
 * versions; the replica holding the `reindex` lease is also the leader that ingests `KNOWLEDGE_DIR` into
 * its work copy (`DATA_DIR/reindex-work/`) and publishes. Followers never ingest the folder themselves.
 */
import { join } from 'node:path';
import { ingestFolder } from '../../knowledge/ingest/ingest-folder.ts';
import { openSqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import { SqlFaqDrafts } from '../adapters/storage/sql-faq-drafts.ts';
import type { IngestedDocument } from '../ports/knowledge.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';
import type { Lotse } from './lotse.ts';
import { faqDocument } from './faq-loop.ts';
import { createIndexLeader, type IndexLeader } from './index-leader.ts';

/** Replication running in a `serve` process. */
export interface RunningIndexReplication {
  readonly leader: IndexLeader;
  /** Stops the timers and releases the lease (graceful shutdown); never rejects. */
  stop(): Promise<void>;
}

/** The number of a draft's ticket (0 when it is gone or unreadable: the entry still counts). */
async function ticketNumberOf(lotse: Lotse, ticketId: string): Promise<number> {
  try {
    return (await lotse.escalation.get(ticketId))?.number ?? 0;
  } catch {
    return 0;
  }
}

/** FAQ documents of every approved draft in the shared `faq_drafts` table. */
async function approvedFaqOf(lotse: Lotse, drafts: SqlFaqDrafts): Promise<IngestedDocument[]> {
  const approved = await drafts.list('approved');
  const numbers = await Promise.all(approved.map((draft) => ticketNumberOf(lotse, draft.ticketId)));
  return approved.map((draft, index) =>
    faqDocument(
      { id: draft.id, question: draft.question, answer: draft.answer, ticketNumber: numbers[index] ?? 0 },
      (draft.revalidatedAt ?? draft.decidedAt ?? draft.createdAt).slice(0, 10),
      draft.revalidatedBy ?? draft.decidedBy ?? '',
    ),
  );
}

/** Creates the leader of a replica (its work copy opens on the first cycle it leads); `folder` defaults to `KNOWLEDGE_DIR`. */
export function createReplicaLeader(lotse: Lotse, logger: Logger, folder = lotse.config.knowledgeDir): IndexLeader {
  const drafts = new SqlFaqDrafts(lotse.store);
  const workDir = join(lotse.config.dataDir, 'reindex-work');
  return createIndexLeader({
    publication: lotse.index!.publication,
    leases: lotse.leases,
    replicaId: lotse.replicaId,
    clock: { now: () => new Date() },
    logger,
    openWork: async () => {
      const work = lotse.knowledge.sibling(workDir, openSqliteDatabase(workDir));
      await work.open();
      return work;
    },
    ingest: (work) => ingestFolder({ folder, sink: work }),
    approvedFaq: () => approvedFaqOf(lotse, drafts),
    reindexIntervalMs: lotse.config.indexReplication.reindexIntervalMs,
    leaseTtlMs: lotse.config.indexReplication.leaseTtlMs,
  });
}

/** Starts leader and follower timers (the first cycle at once); undefined without `DATABASE_URL`. */
export function startIndexReplication(lotse: Lotse, logger: Logger): RunningIndexReplication | undefined {
  const index = lotse.index;
  if (!index) return undefined;
  const leader = createReplicaLeader(lotse, logger);
  let stopped = false;
  let lastFailure = '';
  let lastFollowFailure = '';
  const round = async (): Promise<void> => {
    const step = await leader.tick();
    const failure = step.kind === 'failed' ? step.reason : '';
    if (failure && failure !== lastFailure) logger.error('index-leader-failed', { reason: failure }); // once per distinct failure
    lastFailure = failure;
    if (stopped) return;
    const followed = await index.follower.poll(); // never rejects: an unreachable database is a failed poll
    const followFailure = followed.kind === 'failed' ? followed.reason : '';
    if (followFailure && followFailure !== lastFollowFailure)
      logger.warn('index-follow-failed', {
        reason: followFailure,
        ...(followed.kind === 'failed' && followed.version ? { version: followed.version } : {}),
      });
    lastFollowFailure = followFailure;
  };
  // Rounds never overlap: a timer tick while one runs is skipped.
  let inFlight: Promise<void> | undefined;
  const run = (): void => {
    inFlight ??= round()
      .catch((error: unknown) => logger.error('index-replication-failed', { error: describeError(error) }))
      .finally(() => {
        inFlight = undefined;
      });
  };
  run();
  const timer = setInterval(run, lotse.config.indexReplication.pollMs);
  timer.unref();
  return {
    leader,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await leader.release();
    },
  };
}
