/**
 * What one replica knows about the shared index when `DATABASE_URL` is set: the publication store, its
 * follower (is a published version loaded?) and re-index requests, which any replica (console, FAQ
 * approval) queues for the leader instead of rebuilding only its own index.
 */
import { SqlIndexPublication } from '../adapters/storage/sql-index-publication.ts';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import type { IndexPublication } from '../ports/index-publication.ts';
import type { Logger } from '../shared/logger.ts';
import { createIndexFollower, type IndexFollower } from './index-follower.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** The index side of one replica. */
export interface IndexReplicaState {
  readonly publication: IndexPublication;
  readonly follower: IndexFollower;
  /** Queues a leader cycle; returns the request id. */
  requestReindex(): Promise<number>;
  /** Waits until the leader handled request `id` (polling), then loads the newest version; the leader's report as JSON text, undefined on timeout. */
  awaitReindex(id: number, timeoutMs: number): Promise<string | undefined>;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Creates the index state of a replica on the shared database. */
export function createIndexReplicaState(deps: {
  store: StoreDatabase;
  knowledge: KnowledgeBase;
  logger: Logger;
  replicaId: string;
  now: () => Date;
}): IndexReplicaState {
  const publication = new SqlIndexPublication(deps.store);
  const follower = createIndexFollower({ publication, knowledge: deps.knowledge, logger: deps.logger });
  return {
    publication,
    follower,
    requestReindex: () => publication.requestReindex(deps.replicaId, deps.now().toISOString()),
    async awaitReindex(id: number, timeoutMs: number): Promise<string | undefined> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const request = await publication.request(id);
        if (request?.handledAt) {
          await follower.poll();
          return request.report ?? '';
        }
        await sleep(250);
      }
      return undefined;
    },
  };
}
