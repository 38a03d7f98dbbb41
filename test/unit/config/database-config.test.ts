import { describe, expect, it } from 'vitest';
import { parseDatabasePoolConfig } from '../../../bot/config/database-config.ts';

describe('parseDatabasePoolConfig', () => {
  it('gives 10 connections, 5 s to connect and 15 s per statement by default', () => {
    expect(parseDatabasePoolConfig({})).toEqual({ poolSize: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
  });

  it('reads the variables and names the one that is invalid', () => {
    expect(
      parseDatabasePoolConfig({ DATABASE_POOL_SIZE: '4', DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '30000' }),
    ).toEqual({ poolSize: 4, connectTimeoutMs: 2_000, statementTimeoutMs: 30_000 });
    expect(() => parseDatabasePoolConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseDatabasePoolConfig({ DATABASE_STATEMENT_TIMEOUT_MS: 'bald' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  });
});
