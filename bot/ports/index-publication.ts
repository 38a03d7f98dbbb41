/**
 * Published index versions shared by all replicas (issue #11): one ingest job (the `reindex` lease
 * holder) publishes a complete snapshot (index files plus an export of the knowledge store) in one
 * transaction; every replica polls the latest version and loads it when it changes. Replicas also
 * queue re-index requests here, which the leader handles in its next cycle.
 */

/** One file of a published snapshot (relative path inside the snapshot folder). */
export interface PublishedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What identifies a published version (cheap to poll). */
export interface PublishedVersion {
  readonly version: string;
  /** JSON text describing the snapshot (parsed and validated by the app). */
  readonly manifest: string;
  readonly createdAt: string;
  readonly publisher: string;
}

/** A version to publish. */
export interface Publication extends PublishedVersion {
  readonly files: readonly PublishedFile[];
}

/** Outcome of a publish call. */
export type PublishResult = { readonly kind: 'published' } | { readonly kind: 'exists' };

/** A queued request for a leader cycle (console re-index, FAQ approval). */
export interface ReindexRequest {
  readonly id: number;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly handledAt?: string;
  /** JSON text the leader left (its ingest report). */
  readonly report?: string;
}

/** The shared store of published index versions and re-index requests (asynchronous, issue #20). */
export interface IndexPublication {
  /** The newest complete version, undefined before the first publication. */
  latest(): Promise<PublishedVersion | undefined>;
  /** Stores a version and its files atomically, then keeps only the newest `keep` versions. */
  publish(publication: Publication, keep?: number): Promise<PublishResult>;
  /** A stored version with its files (undefined when unknown or already deleted). */
  fetch(version: string): Promise<{ readonly version: PublishedVersion; readonly files: readonly PublishedFile[] } | undefined>;
  /** Queues a request for a leader cycle; returns its id. */
  requestReindex(by: string, at: string): Promise<number>;
  /** Requests no leader has handled yet, oldest first. */
  pendingRequests(): Promise<readonly ReindexRequest[]>;
  /** Marks requests handled with the leader's report (requests already handled keep their first report). */
  markHandled(ids: readonly number[], at: string, report: string): Promise<void>;
  /** One request (to wait for its handling). */
  request(id: number): Promise<ReindexRequest | undefined>;
}
