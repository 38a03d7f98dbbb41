/**
 * Shared start-up of CLI commands: configuration from environment and flags, logger, lotse instance.
 */
import { loadConfig, type LotseConfig } from '../config/config.ts';
import { createLotse } from '../app/create-lotse.ts';
import type { Lotse } from '../app/lotse.ts';
import { createPinoLogger, type FlushableLogger } from '../adapters/logging/pino-logger.ts';
import type { CliIo } from './cli-io.ts';

/** Loads config (with `--data` winning over DATA_DIR) and opens lotse. */
export async function openLotse(
  io: CliIo,
  dataDir: string | undefined,
  options: { quiet?: boolean } = {},
): Promise<{ lotse: Lotse; logger: FlushableLogger; config: LotseConfig }> {
  const config = loadConfig(io.env, dataDir ? { dataDir } : {}, io.cwd);
  const level = options.quiet && config.logLevel === 'info' ? 'warn' : config.logLevel;
  // pino on fd 2 in the real process; through `io.stderr` when a test runs the CLI in process.
  const logger = createPinoLogger({ level, ...(io.processStreams ? {} : { destination: { write: (line: string) => io.stderr(line) } }) });
  const lotse = await createLotse(config, logger);
  return { lotse, logger, config };
}
