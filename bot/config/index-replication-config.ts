/**
 * Timing of index replication with `DATABASE_URL` (issue #11): how often the re-index leader ingests the
 * knowledge folder, how often replicas poll for a new published version (the leader checks approved FAQ
 * entries and re-index requests at the same pace), and the TTL of the `reindex` lease.
 */
import { z } from 'zod';

/** The replication variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const indexReplicationEnvSchema = z.object({
  REINDEX_INTERVAL_S: z.coerce
    .number()
    .min(1)
    .max(86_400)
    .default(300)
    .describe(
      'seconds between ingests of `KNOWLEDGE_DIR` while `serve` runs (unchanged files skipped; not with `--no-ingest`); with `DATABASE_URL` the re-index leader ingests and publishes a new index version',
    ),
  INDEX_POLL_S: z.coerce
    .number()
    .min(0.2)
    .max(600)
    .default(5)
    .describe('with `DATABASE_URL`: how often replicas look for a newly published index version'),
  INDEX_LEASE_TTL_S: z.coerce
    .number()
    .min(1)
    .max(3_600)
    .default(60)
    .describe('with `DATABASE_URL`: TTL of the `reindex` lease; another replica takes over this long after the leader died'),
});

/** Validated replication timing, in milliseconds. */
export interface IndexReplicationConfig {
  readonly reindexIntervalMs: number;
  readonly pollMs: number;
  readonly leaseTtlMs: number;
}

/** Parses the `REINDEX_INTERVAL_S`, `INDEX_POLL_S` and `INDEX_LEASE_TTL_S` variables; throws a message naming the variable. */
export function parseIndexReplicationConfig(env: Record<string, string | undefined>): IndexReplicationConfig {
  const parsed = indexReplicationEnvSchema.safeParse({
    REINDEX_INTERVAL_S: env.REINDEX_INTERVAL_S || undefined,
    INDEX_POLL_S: env.INDEX_POLL_S || undefined,
    INDEX_LEASE_TTL_S: env.INDEX_LEASE_TTL_S || undefined,
  });
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const values = parsed.data;
  return {
    reindexIntervalMs: values.REINDEX_INTERVAL_S * 1000,
    pollMs: values.INDEX_POLL_S * 1000,
    leaseTtlMs: values.INDEX_LEASE_TTL_S * 1000,
  };
}
