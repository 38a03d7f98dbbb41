/**
 * The daily backup of `serve` in the one-process default (issue #22): where verified backups go, how many are
 * kept and at which hour (Europe/Berlin) the job runs. With `DATABASE_URL` the job skips the database (pg_dump).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

/** The backup variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const backupEnvSchema = z.object({
  BACKUP_DIR: z.string().min(1).optional().meta({
    description: 'where `serve` writes its daily verified backup (database, index snapshot, `manifest.json`); better on another disk',
    derivedDefault: '`DATA_DIR/backups`',
  }),
  BACKUP_KEEP: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(7)
    .describe('backups kept; older ones are deleted after a verified new one (`0` = no scheduled backup)'),
  BACKUP_HOUR: z.coerce
    .number()
    .int()
    .min(0)
    .max(23)
    .default(2)
    .describe(
      "local hour (Europe/Berlin) from which the day's backup is due; with `DATABASE_URL` it only logs `backup-skipped` (use `pg_dump`)",
    ),
});

/** Validated backup settings. */
export interface BackupConfig {
  /** Folder of the backups (`BACKUP_DIR`, default `<DATA_DIR>/backups`); put it on another disk or copy it off the server. */
  readonly dir: string;
  /** Backups kept; older ones are deleted after a verified new one (`BACKUP_KEEP`, 0 = no scheduled backup). */
  readonly keep: number;
  /** Local hour (Europe/Berlin) from which the day's backup is due (`BACKUP_HOUR`, default 2). */
  readonly hour: number;
}

/** Parses `BACKUP_DIR`, `BACKUP_KEEP` and `BACKUP_HOUR`; throws a message naming the variable. */
export function parseBackupConfig(env: Record<string, string | undefined>, dataDir: string, cwd: string): BackupConfig {
  const parsed = backupEnvSchema.safeParse({
    BACKUP_DIR: env.BACKUP_DIR || undefined,
    BACKUP_KEEP: env.BACKUP_KEEP || undefined,
    BACKUP_HOUR: env.BACKUP_HOUR || undefined,
  });
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const values = parsed.data;
  return {
    dir: values.BACKUP_DIR ? resolve(cwd, values.BACKUP_DIR) : resolve(dataDir, 'backups'),
    keep: values.BACKUP_KEEP,
    hour: values.BACKUP_HOUR,
  };
}
