/**
 * The re-index job of the one-process default (issue #22): every `REINDEX_INTERVAL_S` `serve` ingests its
 * knowledge folder incrementally (unchanged files are skipped by checksum), so added, changed and deleted
 * files are answered without a restart or a click. With `DATABASE_URL` the re-index leader does this instead.
 */
import { existsSync } from 'node:fs';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { ingestKnowledge } from './ingest-knowledge.ts';
import type { JobLock } from './job-lock.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** What one cycle did. */
export type FolderReindexStep =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'reindexed'; readonly added: number; readonly updated: number; readonly removed: number }
  | { readonly kind: 'busy' }
  | { readonly kind: 'no-folder'; readonly folder: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** What the job needs; `folder` is read on every cycle (the recorded source folder may change). */
export interface FolderReindexDeps {
  readonly knowledge: KnowledgeBase;
  readonly dataDir: string;
  readonly folder: () => string;
  readonly logger: Logger;
  /** Shared with the daily backup, so the two never interleave. */
  readonly lock?: JobLock;
}

/** Creates the job; `tick()` never throws and never runs twice at the same time. */
export function createFolderReindex(deps: FolderReindexDeps): { tick(): Promise<FolderReindexStep> } {
  let running = false;
  let missingReported = false;
  const cycle = async (): Promise<FolderReindexStep> => {
    const folder = deps.folder();
    if (!existsSync(folder)) {
      if (!missingReported) deps.logger.warn('knowledge-folder-missing', { folder });
      missingReported = true;
      return { kind: 'no-folder', folder };
    }
    missingReported = false;
    const summary = await ingestKnowledge(deps.knowledge, { folder, dataDir: deps.dataDir });
    if (summary.added + summary.updated + summary.removed === 0) return { kind: 'unchanged' };
    const step = { kind: 'reindexed', added: summary.added, updated: summary.updated, removed: summary.removed } as const;
    deps.logger.info('knowledge-reindexed', {
      added: step.added,
      updated: step.updated,
      removed: step.removed,
      skipped: summary.skipped.length,
      version: deps.knowledge.indexVersion(),
    });
    return step;
  };
  return {
    async tick() {
      if (running) return { kind: 'busy' };
      running = true;
      try {
        return await (deps.lock ? deps.lock(cycle) : cycle());
      } catch (error) {
        const reason = describeError(error);
        deps.logger.error('knowledge-reindex-failed', { error: reason });
        return { kind: 'failed', reason };
      } finally {
        running = false;
      }
    },
  };
}

/** Runs `tick` every `everyMs` (the start-up ingest of `serve` is the first run); returns the stop function. */
export function startFolderReindex(job: { tick(): Promise<FolderReindexStep> }, everyMs: number, logger: Logger): () => void {
  logger.info('knowledge-reindex-scheduled', { everyS: everyMs / 1000 });
  const timer = setInterval(() => void job.tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
