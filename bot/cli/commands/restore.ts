/**
 * `lotse restore <backup> --data <dir> [--key <audit.key>] [--force]`: puts a backup of the daily job (a folder
 * `lotse-<time>/`) or of `lotse backup` (a `.db` file) into a data dir, after checking it. Messages in English and
 * German, because the person restoring may be either an operator or the county's IT on call.
 */
import { resolve } from 'node:path';
import { restoreBackup, type RestoreOutcome } from '../../app/restore-backup.ts';
import { loadConfig } from '../../config/config.ts';
import type { CliIo } from '../cli-io.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

type Refusal = Extract<RestoreOutcome, { kind: 'refused' }>;

const refusals: Record<Refusal['reason'], (detail: string, dataDir: string) => string> = {
  'not-a-backup': (detail) => `Not a lotse backup: ${detail}.\nKein lotse-Backup: ${detail}.`,
  running: (_, dataDir) =>
    `Refusing to restore: lotse is running on ${dataDir}. Stop it first (systemctl stop lotse).\nWiederherstellung abgelehnt: lotse läuft auf ${dataDir}. Zuerst beenden (systemctl stop lotse).`,
  'not-empty': (detail, dataDir) =>
    `Refusing to overwrite ${dataDir}: it is not empty (${detail}). Add --force to replace its database and index.\nÜberschreiben von ${dataDir} abgelehnt: das Verzeichnis ist nicht leer (${detail}). Mit --force werden Datenbank und Index ersetzt.`,
  damaged: (detail) =>
    `Refusing to restore: the backup is damaged (${detail}). Nothing was changed; take an older backup.\nWiederherstellung abgelehnt: das Backup ist beschädigt (${detail}). Nichts wurde geändert; ein älteres Backup nehmen.`,
  'chain-broken': (detail) =>
    `Refusing to restore: the audit chain of the backup does not verify with this key (${detail}). Pass the audit.key of the backed-up installation with --key.\nWiederherstellung abgelehnt: die Audit-Kette des Backups ist mit diesem Schlüssel nicht gültig (${detail}). Den audit.key der gesicherten Installation mit --key angeben.`,
};

/** Runs the restore. */
export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { data: { type: 'string' }, key: { type: 'string' }, force: { type: 'boolean' } });
  const [source] = positionals;
  if (!source || !values.data)
    throw new UsageError(
      'restore needs a backup and a data dir, e.g. lotse restore /var/backups/lotse/lotse-20261206T010000Z --data /var/lib/lotse',
    );
  const config = loadConfig(io.env, { dataDir: values.data }, io.cwd);
  if (config.databaseUrl) {
    io.stderr(
      'DATABASE_URL is set: restore PostgreSQL with pg_restore (docs/operations/backup-restore.md).\nDATABASE_URL ist gesetzt: PostgreSQL mit pg_restore wiederherstellen (docs/operations/backup-restore.md).\n',
    );
    return 1;
  }
  const outcome = await restoreBackup({
    source: resolve(io.cwd, source),
    dataDir: config.dataDir,
    force: values.force ?? false,
    ...(values.key ? { keyFile: resolve(io.cwd, values.key) } : {}),
    ...(config.auditKey ? { configuredKey: config.auditKey } : {}),
  });
  if (outcome.kind === 'refused') {
    io.stderr(`${refusals[outcome.reason](outcome.detail, config.dataDir)}\n`);
    return 1;
  }
  const index = outcome.index === 'restored' ? 'index restored' : 'index rebuilt on first start';
  const indexDe = outcome.index === 'restored' ? 'Index wiederhergestellt' : 'Index wird beim ersten Start neu aufgebaut';
  io.stdout(`Restored into ${config.dataDir} (${index}).\nWiederhergestellt in ${config.dataDir} (${indexDe}).\n`);
  if (outcome.audit) {
    io.stdout(
      `Audit chain intact: ${outcome.audit.records} record(s), head ${outcome.audit.head}. Check after start: lotse audit verify --head ${outcome.audit.head}\nAudit-Kette intakt: ${outcome.audit.records} Einträge.\n`,
    );
  } else {
    io.stdout(
      `Audit chain not checked: no audit key. Put the audit.key of the backed-up installation into ${config.dataDir} (or pass --key) before starting, or the chain reads as broken.\nAudit-Kette nicht geprüft: kein Schlüssel. Vor dem Start den audit.key der gesicherten Installation nach ${config.dataDir} legen (oder --key angeben).\n`,
    );
  }
  return 0;
}
