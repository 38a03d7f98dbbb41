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
  /** Polls once; loads the newest version when it changed. Never throws. */
  poll(): FollowStep;
  /** True once a published version is loaded. */
  ready(): boolean;
  /** The published version this replica serves ('' before the first). */
  loadedVersion(): string;
}

/** Polls a swap may wait for in-flight retrievals before it goes ahead anyway (no starvation under constant load). */
const maxDeferrals = 20;

/** Creates the follower of `knowledge` (not started: the caller polls on a timer). */
export function createIndexFollower(deps: { publication: IndexPublication; knowledge: KnowledgeBase; logger: Logger; now?: () => number }): IndexFollower {
  const now = deps.now ?? (() => performance.now());
  let loaded = '';
  let failedVersion = '';
  let deferred = 0;
  const poll = (): FollowStep => {
    let version = '';
    try {
      const latest = deps.publication.latest();
      if (!latest) return { kind: 'none' };
      version = latest.version;
      if (version === loaded) return { kind: 'current', version };
      if (version === deps.knowledge.indexVersion()) {
        loaded = version; // the local snapshot from before a restart is this very version
        return { kind: 'current', version };
      }
      // Fetch, write and swap run without yielding; a retrieval awaiting its embedder finishes on the old state first.
      if (deps.knowledge.busy() && deferred < maxDeferrals) {
        deferred += 1;
        return { kind: 'deferred', version };
      }
      deferred = 0;
      const started = now();
      const fetched = deps.publication.fetch(version);
      if (!fetched) return { kind: 'failed', version, reason: 'version deleted before it was fetched' };
      const outcome = loadPublished(deps.knowledge, fetched.version, fetched.files);
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
  return { poll, ready: () => loaded !== '', loadedVersion: () => loaded };
}
