/** Replication timing from the environment: defaults, seconds → milliseconds, invalid values named. */
import { describe, expect, it } from 'vitest';
import { parseIndexReplicationConfig } from '../../../bot/config/index-replication-config.ts';

describe('index replication config', () => {
  it('defaults to a 300 s re-index interval, 5 s polling and a 60 s lease', () => {
    expect(parseIndexReplicationConfig({})).toEqual({ reindexIntervalMs: 300_000, pollMs: 5_000, leaseTtlMs: 60_000 });
    expect(parseIndexReplicationConfig({ REINDEX_INTERVAL_S: '2', INDEX_POLL_S: '0.5', INDEX_LEASE_TTL_S: '' })).toEqual({
      reindexIntervalMs: 2_000,
      pollMs: 500,
      leaseTtlMs: 60_000,
    });
  });

  it('names the variable of an invalid value', () => {
    expect(() => parseIndexReplicationConfig({ INDEX_LEASE_TTL_S: 'bald' })).toThrow(/INDEX_LEASE_TTL_S/);
    expect(() => parseIndexReplicationConfig({ REINDEX_INTERVAL_S: '0' })).toThrow(/REINDEX_INTERVAL_S/);
  });
});
