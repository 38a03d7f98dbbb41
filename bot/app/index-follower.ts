/**
 * The follower side of index replication (every replica with `DATABASE_URL`, the leader included): polls
 * the newest published version (one cheap query) and loads it when it differs from the loaded one. The
 * replica is ready (`/readyz` 200) once it holds a published version.
 */
import type { IndexPublication } from '../ports/index-publication.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { loadPublished } from './published-snapshot.ts';

/** What one poll did. */
export type FollowStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'current'; readonly version: string }
  | { readonly kind: 'deferred'; readonly version: string }
  | { readonly kind: 'loaded'; readonly version: string; readonly ms: number }
  | { readonly kind: 'failed'; readonly version?: string; readonly reason: string };

/** A replica's follower. */
export interface IndexFollower {
  /**
   * Polls once; loads the newest version when it changed. Never rejects; a poll while one runs gets that
   * one's promise, so polls never overlap.
   */
  poll(): Promise<FollowStep>;
  /** True once a published version is loaded. */
  ready(): boolean;
  /** The published version this replica serves ('' before the first). */
  loadedVersion(): string;
}

/** Polls a swap may wait for in-flight retrievals before it goes ahead anyway (no starvation under constant load). */
const maxDeferrals = 20;

type Fetched = NonNullable<Awaited<ReturnType<IndexPublication['fetch']>>>;

/** Creates the follower of `knowledge` (not started: the caller polls on a timer). */
export function createIndexFollower(deps: {
  publication: IndexPublication;
  knowledge: KnowledgeBase;
  logger: Logger;
  now?: () => number;
}): IndexFollower {
  const now = deps.now ?? (() => performance.now());
  let loaded = '';
  let failedVersion = '';
  let deferred = 0;
  // A version fetched while a retrieval started meanwhile: kept for the next poll instead of fetched again.
  let fetchedAhead: Fetched | undefined;
  const defer = (version: string): FollowStep | undefined => {
    if (!deps.knowledge.busy() || deferred >= maxDeferrals) return undefined;
    deferred += 1;
    return { kind: 'deferred', version };
  };
  const pollOnce = async (): Promise<FollowStep> => {
    let version = '';
    try {
      const latest = await deps.publication.latest();
      if (!latest) return { kind: 'none' };
      version = latest.version;
      if (version === loaded) return { kind: 'current', version };
      if (version === deps.knowledge.indexVersion()) {
        loaded = version; // the local snapshot from before a restart is this very version
        return { kind: 'current', version };
      }
      // A retrieval awaiting its embedder finishes on the old state first (the load itself also waits before its swap).
      const before = defer(version);
      if (before) return before;
      const started = now();
      const fetched = fetchedAhead?.version.version === version ? fetchedAhead : await deps.publication.fetch(version);
      fetchedAhead = undefined;
      if (!fetched) return { kind: 'failed', version, reason: 'version deleted before it was fetched' };
      // The fetch yielded: a retrieval may have started meanwhile.
      const after = defer(version);
      if (after) {
        fetchedAhead = fetched;
        return after;
      }
      deferred = 0;
      const outcome = await loadPublished(deps.knowledge, fetched.version, fetched.files);
      if (outcome.kind === 'rejected') {
        if (failedVersion !== version) deps.logger.error('index-load-failed', { version, reason: outcome.reason });
        failedVersion = version;
        return { kind: 'failed', version, reason: outcome.reason };
      }
      loaded = version;
      const ms = Math.round(now() - started);
      deps.logger.info('index-loaded', { version, chunks: outcome.chunks, bytes: outcome.bytes, ms });
      return { kind: 'loaded', version, ms };
    } catch (error) {
      return { kind: 'failed', ...(version ? { version } : {}), reason: describeError(error) };
    }
  };
  let running: Promise<FollowStep> | undefined;
  const poll = (): Promise<FollowStep> => {
    running ??= pollOnce().finally(() => {
      running = undefined;
    });
    return running;
  };
  return { poll, ready: () => loaded !== '', loadedVersion: () => loaded };
}
