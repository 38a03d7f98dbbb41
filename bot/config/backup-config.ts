/**
 * The daily backup of `serve` in the one-process default (issue #22): where verified backups go, how many are
 * kept and at which hour (Europe/Berlin) the job runs. With `DATABASE_URL` the job skips the database (pg_dump).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(0).max(365).default(7),
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(2),
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
  const parsed = envSchema.safeParse({
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
