/**
 * `lotse serve` (what `npm start` runs): opens the data dir, brings the index up to date with the
 * knowledge folder, and serves the web chat until SIGINT/SIGTERM. The service itself is composed in
 * bot/app/create-service.ts; this command only refuses the known conditions and waits for the signal.
 */
import { noLoginConfigured } from '../../app/create-identity.ts';
import { createService } from '../../app/create-service.ts';
import { describeError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { createProgressReporter } from '../../../knowledge/ingest/progress.ts';
import type { CliIo } from '../cli-io.ts';
import { formatIngestSummary } from './ingest.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions } from '../parse-options.ts';

function keepProcessAlive(logger: Logger): void {
  // A stray rejection or exception in a request must not end the service (issue #3, "nothing crashes").
  process.on('unhandledRejection', (reason) => logger.error('unhandled-rejection', { error: describeError(reason) }));
  process.on('uncaughtException', (error) => logger.error('uncaught-exception', { error: describeError(error) }));
}

function waitForShutdown(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/**
 * `--demo` (what `npm start` passes): the offline demo on a fresh checkout sets `AUTH_MODE=dev` explicitly,
 * unless the operator configured a login (`AUTH_MODE` or `OIDC_ISSUER`). The dev login stays loopback-only.
 */
export function withDemoLogin(io: CliIo): CliIo {
  if (io.env.AUTH_MODE || io.env.OIDC_ISSUER) return io;
  return { ...io, env: { ...io.env, AUTH_MODE: 'dev' } };
}

/** Runs the web chat server. */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { data: { type: 'string' }, 'no-ingest': { type: 'boolean' }, demo: { type: 'boolean' } });
  const { lotse, logger, config } = await openLotse(values.demo ? withDemoLogin(io) : io, values.data);
  if (config.auth.mode === 'none') {
    io.stderr(`Refusing to start: ${noLoginConfigured}\n`);
    await lotse.close();
    return 1;
  }
  keepProcessAlive(logger);
  const chain = await lotse.audit.verify();
  if (chain.kind === 'broken') {
    const hint =
      chain.reason === 'unkeyed'
        ? 'Its links are not keyed: if this data dir was last used by a version before the keyed audit chain (issue #18), run "lotse audit rekey" once; otherwise the chain was rewritten without the key: restore the database from backup.'
        : 'Run "lotse audit verify" and restore the database from backup.';
    io.stderr(
      `Refusing to start: the audit chain in ${config.dataDir}/lotse.db is broken at record ${chain.atSequence} (${chain.reason}). ${hint}\n`,
    );
    await lotse.close();
    return 1;
  }
  // The composition root (bot/app/create-service.ts): channels, identity, HTTP server, background jobs, drain plan.
  const service = createService(lotse, config, logger, {
    write: io.stderr,
    ingest: values['no-ingest']
      ? false
      : {
          progress: () => createProgressReporter({ write: io.stderr, interactive: io.interactive }),
          report: (summary) => io.stderr(formatIngestSummary(summary)),
        },
  });
  const started = await service.start();
  if (started.kind === 'refused') {
    io.stderr(`Refusing to start: ${started.reason}\n`);
    await lotse.close();
    return 1;
  }
  const signal = await waitForShutdown();
  await service.shutdown(signal);
  return 0;
}
