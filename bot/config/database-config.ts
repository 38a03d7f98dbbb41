/**
 * The PostgreSQL pool of a replica (issue #20): how many connections, how long to wait for one, and how long
 * one statement may run. Only used with `DATABASE_URL`; the one-process default needs none of it.
 */
import { z } from 'zod';

/** The pool variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const databasePoolEnvSchema = z.object({
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('with `DATABASE_URL`: PostgreSQL connections per replica; requests beyond wait for a free one'),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(5_000)
    .describe('with `DATABASE_URL`: longest wait in ms for a pool connection before the request fails'),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(15_000)
    .describe("with `DATABASE_URL`: `statement_timeout` in ms of the pool's connections; the client gives up one second later"),
});

/** Validated pool settings. */
export interface DatabasePoolConfig {
  /** Connections per replica (`DATABASE_POOL_SIZE`, default 10); requests beyond wait for a free one. */
  readonly poolSize: number;
  /** Longest wait for a connection before a request fails (`DATABASE_CONNECT_TIMEOUT_MS`, default 5000). */
  readonly connectTimeoutMs: number;
  /** Longest run of one statement; PostgreSQL cancels it after that (`DATABASE_STATEMENT_TIMEOUT_MS`, default 15000). */
  readonly statementTimeoutMs: number;
}

/** Parses the `DATABASE_*` pool variables; throws a message naming the variable. */
export function parseDatabasePoolConfig(env: Record<string, string | undefined>): DatabasePoolConfig {
  const parsed = databasePoolEnvSchema.safeParse({
    DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE || undefined,
    DATABASE_CONNECT_TIMEOUT_MS: env.DATABASE_CONNECT_TIMEOUT_MS || undefined,
    DATABASE_STATEMENT_TIMEOUT_MS: env.DATABASE_STATEMENT_TIMEOUT_MS || undefined,
  });
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const values = parsed.data;
  return {
    poolSize: values.DATABASE_POOL_SIZE,
    connectTimeoutMs: values.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}
