/**
 * The zod schemas lotse reads its environment with, in the order of docs/reference/configuration.md. A new schema in
 * bot/config/ belongs here; test/unit/scripts/reference/configuration-reference.test.ts fails for a variable read in
 * bot/ that no section lists.
 */
import type { z } from 'zod';
import { authEnvSchema } from '../../bot/config/auth-config.ts';
import { backupEnvSchema } from '../../bot/config/backup-config.ts';
import { processEnvSchema } from '../../bot/config/config.ts';
import { databasePoolEnvSchema } from '../../bot/config/database-config.ts';
import { indexReplicationEnvSchema } from '../../bot/config/index-replication-config.ts';
import { llmEnvSchema } from '../../bot/config/llm-config.ts';
import { teamsEnvSchema } from '../../bot/config/teams-config.ts';
import { xmppEnvSchema } from '../../bot/config/xmpp-config.ts';
import { manifestEnvSchema } from '../../manifest/build-manifest.ts';

/** One group of variables: a heading, a sentence on when it matters, and the schema that validates it. */
export interface ConfigurationSection {
  readonly title: string;
  /** Repository path of the file that holds the schema. */
  readonly source: string;
  readonly intro: string;
  readonly schema: z.ZodObject;
  /** Whether `lotse` itself reads the section (false: a build script such as `npm run manifest`). */
  readonly runtime: boolean;
}

/** Every environment schema of lotse and of its build scripts. */
export const configurationSections: readonly ConfigurationSection[] = [
  {
    title: 'Process',
    source: 'bot/config/config.ts',
    intro: 'Where lotse keeps its data, where it listens, how it logs and limits requests.',
    schema: processEnvSchema,
    runtime: true,
  },
  {
    title: 'Login',
    source: 'bot/config/auth-config.ts',
    intro: "OpenID Connect against the county's identity provider (docs/operations/oidc.md), or the development login on loopback.",
    schema: authEnvSchema,
    runtime: true,
  },
  {
    title: 'PostgreSQL pool',
    source: 'bot/config/database-config.ts',
    intro: 'Only with `DATABASE_URL` (docs/operations/postgresql-replicas.md).',
    schema: databasePoolEnvSchema,
    runtime: true,
  },
  {
    title: 'Index replication',
    source: 'bot/config/index-replication-config.ts',
    intro: 'Re-indexing while lotse runs; the lease and polling only with `DATABASE_URL`.',
    schema: indexReplicationEnvSchema,
    runtime: true,
  },
  {
    title: 'Backup',
    source: 'bot/config/backup-config.ts',
    intro: 'The daily verified backup of `serve` (docs/operations/backup-restore.md).',
    schema: backupEnvSchema,
    runtime: true,
  },
  {
    title: 'Language model',
    source: 'bot/config/llm-config.ts',
    intro: 'Optional; without it lotse answers extractively and fully offline (docs/configuration.md).',
    schema: llmEnvSchema,
    runtime: true,
  },
  {
    title: 'Microsoft Teams',
    source: 'bot/config/teams-config.ts',
    intro: 'The channel is on as soon as `MICROSOFT_APP_ID` is set (docs/operations/teams.md).',
    schema: teamsEnvSchema,
    runtime: true,
  },
  {
    title: 'Jabber/XMPP',
    source: 'bot/config/xmpp-config.ts',
    intro: 'Read only when `XMPP_SERVICE` is set; then `XMPP_USERNAME` and `XMPP_PASSWORD` are required (docs/operations/jabber.md).',
    schema: xmppEnvSchema,
    runtime: true,
  },
  {
    title: 'Teams app package (`npm run manifest`)',
    source: 'manifest/build-manifest.ts',
    intro: 'Read by the build script of the Teams app package, not by `lotse`.',
    schema: manifestEnvSchema,
    runtime: false,
  },
];

/** Names of the variables `lotse` itself reads (build scripts left out). */
export function runtimeVariables(): Set<string> {
  return new Set(configurationSections.filter((section) => section.runtime).flatMap((section) => Object.keys(section.schema.shape)));
}
