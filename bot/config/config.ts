/**
 * Process configuration: the only place that reads `process.env`. Validated once at start; an invalid
 * value stops start-up with a message naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { LlmConfigError, parseLlmConfig, type LlmConfig } from './llm-config.ts';
import { AuthConfigError, parseAuthConfig, type AuthConfig } from './auth-config.ts';
import { parseTeamsConfig, type TeamsConfig } from './teams-config.ts';
import { parseXmppConfig, XmppConfigError, type XmppConfig } from './xmpp-config.ts';
import { parseIndexReplicationConfig, type IndexReplicationConfig } from './index-replication-config.ts';
import { parseBackupConfig, type BackupConfig } from './backup-config.ts';
import { parseDatabasePoolConfig, type DatabasePoolConfig } from './database-config.ts';

/**
 * The process-wide variables. Each `.describe()` is the meaning printed in docs/reference/configuration.md
 * (`npm run docs:reference`); defaults live in the schema so that the reference shows what lotse really uses.
 */
export const processEnvSchema = z.object({
  DATA_DIR: z
    .string()
    .min(1)
    .default('data')
    .describe('SQLite database (`lotse.db`), audit key and index snapshots; created `0700`, `lotse.db` kept `0600`. `--data` wins'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978).describe('TCP port of the web chat, console and APIs'),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('bind address; `0.0.0.0` behind the reverse proxy (the development login then refuses to start)'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'])
    .default('info')
    .describe('JSON log lines on stderr; user text (questions, answers, names) only at `debug`'),
  KNOWLEDGE_DIR: z
    .string()
    .min(1)
    .default('knowledge/sources')
    .describe('folder `serve` ingests at start and every `REINDEX_INTERVAL_S`; console uploads land here'),
  POLICIES_DIR: z
    .string()
    .min(1)
    .default('policies')
    .describe('guardrail rules, personal-data patterns, retention; invalid files stop start-up'),
  AUDIT_HMAC_KEY: z.string().min(16, 'use at least 16 characters').optional().meta({
    description: 'key of the audit pseudonyms and the keyed audit chain; the same value on every replica with `DATABASE_URL`',
    derivedDefault: 'generated into `DATA_DIR/audit.key`',
  }),
  DIRECTORY_FILE: z
    .string()
    .min(1)
    .default('knowledge/directory/musterland.yaml')
    .describe('organisation directory (YAML): people, roles, Digitallotsen routing, Jabber ids'),
  DIRECTORY_SYNC_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(30)
    .describe('with `DATABASE_URL`: seconds between checks of the directory file and of the shared directory'),
  ANSWER_MIN_CONFIDENCE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.4)
    .describe('below this confidence lotse abstains and offers a Digitallotse (docs/measurements.md)'),
  SHUTDOWN_DRAIN_S: z.coerce
    .number()
    .min(0)
    .max(600)
    .default(10)
    .describe('on SIGTERM/SIGINT: longest time in seconds to drain the HR, Teams and Jabber outboxes'),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(60)
    .describe(
      'requests per person (session or web-chat cookie) and minute to `/api/chat`, `/api/tickets`, `/api/feedback`, `/dev-login`, `/login`, `/auth`; above: 429',
    ),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(20).describe('burst allowed per person on the same routes'),
  RATE_LIMIT_CLIENT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(3000)
    .describe('the same routes per client address and minute; behind the proxy all staff share its address'),
  RATE_LIMIT_CLIENT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(500).describe('burst allowed per client address'),
  METRICS_TOKEN: z
    .string()
    .min(16, 'use at least 16 characters')
    .optional()
    .describe('bearer token for `/metrics` scrapers; unset: `/metrics` answers only direct loopback requests'),
  LOTSE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'expected the address of the web chat, e.g. https://lotse.kreis.example/' })
    .optional()
    .meta({
      description: 'where staff open the web chat; Jabber and Teams link pages such as the usage rules under it',
      derivedDefault: 'origin of `OIDC_REDIRECT_URL`',
    }),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://user@host:port/database')
    .optional()
    .meta({
      description: '`postgres://user:password@host:5432/db`: conversations, tickets, audit, sessions, outboxes shared by replicas',
      derivedDefault: 'SQLite in `DATA_DIR`',
    }),
  LOTSE_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional()
    .meta({ description: 'fixed "today" for reproducible evaluations and benchmarks', derivedDefault: 'the real date' }),
});

/** The web chat's address for absolute links in other channels: `LOTSE_PUBLIC_URL`, else the origin of the OIDC redirect. */
function publicUrl(configured: string | undefined, auth: AuthConfig): { publicUrl?: string } {
  if (configured) return { publicUrl: configured.endsWith('/') ? configured : `${configured}/` };
  return auth.mode === 'oidc' ? { publicUrl: `${auth.redirectUrl.origin}/` } : {};
}

/** Validated settings of one lotse process. */
export interface LotseConfig {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Folder ingested by `serve` when the index is missing or stale. */
  readonly knowledgeDir: string;
  /** Folder of the guardrail policy files. */
  readonly policiesDir: string;
  /** The organisation directory (YAML). */
  readonly directoryFile: string;
  /** With PostgreSQL: how often replicas check the directory file and the shared directory (seconds). */
  readonly directorySyncSeconds: number;
  /** Key of the audit pseudonyms; generated into the data dir when absent. */
  readonly auditKey?: string;
  readonly minConfidence: number;
  /** Longest drain of the outboxes on SIGTERM/SIGINT, in ms (`SHUTDOWN_DRAIN_S`, default 10 s). */
  readonly shutdownDrainMs: number;
  /**
   * Limits of `/api/chat`, `/api/tickets`, `/api/feedback`, `/dev-login`, `/login`, `/auth` per person (session or
   * web-chat cookie) and per client address (`RATE_LIMIT_*`; behind a proxy all clients share its address).
   */
  readonly requestLimits: {
    readonly perPersonPerMinute: number;
    readonly perPersonBurst: number;
    readonly perClientPerMinute: number;
    readonly perClientBurst: number;
  };
  /** Bearer token for `/metrics` scrapers; without it only direct loopback requests may read metrics. */
  readonly metricsToken?: string;
  /** PostgreSQL for conversations, tickets, audit and sessions (shared by replicas); SQLite in the data dir when absent. */
  readonly databaseUrl?: string;
  /** Where staff open the web chat (ends with `/`); Jabber and Teams link pages such as the usage rules there. */
  readonly publicUrl?: string;
  /** Fixed "today" for reproducible runs (tests, benchmarks); the real date when absent. */
  readonly today?: string;
  /** Language model and embeddings endpoint (`LLM_PROVIDER=none` by default). */
  readonly llm: LlmConfig;
  /** Login: OIDC, or the development login on loopback (`AUTH_MODE`, `OIDC_*`). */
  readonly auth: AuthConfig;
  /** The Microsoft Teams channel (off unless `TEAMS_ENABLED` or `MICROSOFT_APP_ID` is set). */
  readonly teams: TeamsConfig;
  /** The Jabber/XMPP channel; present only when `XMPP_SERVICE` is set. */
  readonly xmpp?: XmppConfig;
  /** Re-index leader and follower timing (used with `DATABASE_URL`). */
  readonly indexReplication: IndexReplicationConfig;
  /** The daily verified backup of `serve` (`BACKUP_DIR`, `BACKUP_KEEP`, `BACKUP_HOUR`). */
  readonly backup: BackupConfig;
  /** With `DATABASE_URL`: pool size and timeouts (`DATABASE_POOL_SIZE`, `DATABASE_CONNECT_TIMEOUT_MS`, `DATABASE_STATEMENT_TIMEOUT_MS`). */
  readonly databasePool?: DatabasePoolConfig;
}

/** Thrown for invalid environment values (operator-facing, English). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment; `overrides` come from CLI flags and win over the environment. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: { dataDir?: string } = {},
  cwd: string = process.cwd(),
): LotseConfig {
  const parsed = processEnvSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${details}`);
  }
  const values = parsed.data;
  let llm: LlmConfig;
  try {
    llm = parseLlmConfig(env);
  } catch (error) {
    if (error instanceof LlmConfigError) throw new ConfigError(error.message);
    throw error;
  }
  let auth: AuthConfig;
  try {
    auth = parseAuthConfig(env, values.HOST);
  } catch (error) {
    if (error instanceof AuthConfigError) throw new ConfigError(error.message);
    throw error;
  }
  let teams: TeamsConfig;
  try {
    teams = parseTeamsConfig(env, values.HOST);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  let indexReplication: IndexReplicationConfig;
  try {
    indexReplication = parseIndexReplicationConfig(env);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  const dataDir = resolve(cwd, overrides.dataDir ?? values.DATA_DIR);
  let backup: BackupConfig;
  let databasePool: DatabasePoolConfig;
  try {
    backup = parseBackupConfig(env, dataDir, cwd);
    databasePool = parseDatabasePoolConfig(env);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  let xmpp: XmppConfig | undefined;
  try {
    xmpp = parseXmppConfig(env);
  } catch (error) {
    if (error instanceof XmppConfigError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    llm,
    auth,
    teams,
    indexReplication,
    backup,
    databasePool,
    dataDir,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    knowledgeDir: resolve(cwd, values.KNOWLEDGE_DIR),
    policiesDir: resolve(cwd, values.POLICIES_DIR),
    directoryFile: resolve(cwd, values.DIRECTORY_FILE),
    directorySyncSeconds: values.DIRECTORY_SYNC_S,
    ...(values.AUDIT_HMAC_KEY ? { auditKey: values.AUDIT_HMAC_KEY } : {}),
    minConfidence: values.ANSWER_MIN_CONFIDENCE,
    shutdownDrainMs: values.SHUTDOWN_DRAIN_S * 1000,
    ...(values.LOTSE_TODAY ? { today: values.LOTSE_TODAY } : {}),
    ...(xmpp ? { xmpp } : {}),
    ...(values.DATABASE_URL ? { databaseUrl: values.DATABASE_URL } : {}),
    ...publicUrl(values.LOTSE_PUBLIC_URL, auth),
    ...(values.METRICS_TOKEN ? { metricsToken: values.METRICS_TOKEN } : {}),
    requestLimits: {
      perPersonPerMinute: values.RATE_LIMIT_PER_MINUTE,
      perPersonBurst: values.RATE_LIMIT_BURST,
      perClientPerMinute: values.RATE_LIMIT_CLIENT_PER_MINUTE,
      perClientBurst: values.RATE_LIMIT_CLIENT_BURST,
    },
  };
}
