/**
 * Shared start-up of CLI commands: configuration from environment and flags, logger, lotse instance.
 */
import { loadConfig, type LotseConfig } from '../config/config.ts';
import { createLotse, type Lotse } from '../app/create-lotse.ts';
import { createJsonLogger, type Logger } from '../shared/logger.ts';
import type { CliIo } from './cli-io.ts';

/** Loads config (with `--data` winning over DATA_DIR) and opens lotse. */
export async function openLotse(
  io: CliIo,
  dataDir: string | undefined,
  options: { quiet?: boolean } = {},
): Promise<{ lotse: Lotse; logger: Logger; config: LotseConfig }> {
  const config = loadConfig(io.env, dataDir ? { dataDir } : {}, io.cwd);
  const level = options.quiet && config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = createJsonLogger(level, (line) => io.stderr(line + '\n'));
  const lotse = await createLotse(config, logger);
  return { lotse, logger, config };
}
