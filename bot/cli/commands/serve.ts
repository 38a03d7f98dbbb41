/**
 * `lotse serve` (what `npm start` runs): opens the data dir, brings the index up to date with the
 * knowledge folder, and serves the web chat until SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { ingestKnowledge, recordedSourceFolder } from '../../app/ingest-knowledge.ts';
import { createHttpServer, startHttpServer } from '../../http/create-server.ts';
import { createIdentity, noLoginConfigured } from '../../app/create-identity.ts';
import { describeError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { createProgressReporter } from '../../../knowledge/ingest/progress.ts';
import type { CliIo } from '../cli-io.ts';
import { formatIngestSummary } from './ingest.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions } from '../parse-options.ts';
import { channelDrains, channelGauges, createChannels, startChannels, stopChannels } from '../../app/channels.ts';
import { gracefulShutdown } from '../../app/graceful-shutdown.ts';
import { hrDrain, readinessGate } from '../../app/drain-targets.ts';
import { queueGauges } from '../../app/queue-gauges.ts';
import { startRetentionPurge, wireRetentionPurge } from '../../app/retention-purge.ts';
import { startIndexReplication } from '../../app/index-replication.ts';
import { createFolderReindex, startFolderReindex } from '../../app/folder-reindex.ts';
import { startServeBackup } from '../../app/serve-backup.ts';
import { createJobLock } from '../../app/job-lock.ts';
import { createTicketStatistics } from '../../app/ticket-statistics.ts';
import { createLotseDataSubjectRequests } from '../../app/create-data-subject-requests.ts';

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
    const hint = chain.reason === 'unkeyed'
      ? 'Its links are not keyed: if this data dir was last used by a version before the keyed audit chain (issue #18), run "lotse audit rekey" once; otherwise the chain was rewritten without the key: restore the database from backup.'
      : 'Run "lotse audit verify" and restore the database from backup.';
    io.stderr(`Refusing to start: the audit chain in ${config.dataDir}/lotse.db is broken at record ${chain.atSequence} (${chain.reason}). ${hint}\n`);
    await lotse.close();
    return 1;
  }
  const folder = recordedSourceFolder(config.dataDir) ?? config.knowledgeDir;
  // With DATABASE_URL the `reindex` lease holder ingests and publishes; every replica loads published versions.
  const replication = startIndexReplication(lotse, logger);
  if (!replication && !values['no-ingest'] && existsSync(folder)) {
    const summary = await ingestKnowledge(lotse.knowledge, {
      folder,
      dataDir: config.dataDir,
      progress: createProgressReporter({ write: io.stderr, interactive: io.interactive }),
    });
    io.stderr(formatIngestSummary(summary));
  }
  // The configured channels of the one list (bot/app/channels.ts): Jabber on the replica holding the lease `xmpp`
  // (a rejected login stops start-up), Microsoft Teams with POST /api/messages on the same server and its outbox.
  const channels = createChannels({ lotse, logger });
  try {
    await startChannels(channels);
  } catch (error) {
    io.stderr(`Refusing to start: ${describeError(error)}\n`);
    await lotse.close();
    return 1;
  }
  const identity = createIdentity(lotse, logger);
  const gauges = queueGauges({ database: lotse.store, tickets: lotse.escalation, indexChunks: () => lotse.knowledge.lexical.size, hr: lotse.hr, channels: channelGauges(channels) });
  const readiness = readinessGate(lotse.chat);
  const server = createHttpServer({ chat: readiness.chat, logger, transparency: lotse.transparency, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), tickets: { escalation: lotse.escalation, messagesOf: lotse.messagesOf }, identity, gauges, requestLimits: config.requestLimits, ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}), hr: { hr: lotse.hr, resolveActor: (request) => identity.resolveActor(request) }, availability: { availability: lotse.availability, ticketStats: createTicketStatistics(lotse) }, privacy: { requests: createLotseDataSubjectRequests(lotse) } });
  channels.forEach((channel) => channel.registerRoutes?.(server));
  const running = await startHttpServer(server, { port: config.port, host: config.host });
  io.stderr(`lotse web chat: ${running.url}/  console: ${running.url}/konsole  (data: ${config.dataDir})\n`);
  if (config.auth.mode === 'dev') io.stderr('WARNING: development login (AUTH_MODE=dev) – anyone on this machine can pick any role. Configure OIDC_ISSUER for production.\n');
  // Snapshots written by other processes (lotse ingest, FAQ approvals) are picked up within 30 s.
  const refresh = setInterval(() => {
    if (!replication) lotse.knowledge.refreshIfChanged().catch((error: unknown) => logger.error('index-refresh-failed', { error: describeError(error) }));
  }, 30_000);
  refresh.unref();
  // One process: KNOWLEDGE_DIR is ingested again every REINDEX_INTERVAL_S, so changed files need no restart (issue #22).
  const knowledgeJobs = createJobLock(); // the backup never copies the database in the middle of an ingest
  const stopReindex = replication || values['no-ingest'] ? undefined : startFolderReindex(createFolderReindex({ knowledge: lotse.knowledge, dataDir: config.dataDir, folder: () => recordedSourceFolder(config.dataDir) ?? config.knowledgeDir, logger, lock: knowledgeJobs }), config.indexReplication.reindexIntervalMs, logger);
  // The daily verified backup into BACKUP_DIR (SQLite; with DATABASE_URL skipped with a logged reason: pg_dump).
  const stopBackup = startServeBackup(lotse, logger, knowledgeJobs);
  // With PostgreSQL: one replica publishes changes of DIRECTORY_FILE, every replica follows the shared directory.
  const directorySync = lotse.directorySync && setInterval(() => void lotse.directorySync?.tick(), config.directorySyncSeconds * 1000); // tick() never rejects
  directorySync?.unref();
  // Ticket reminders: each step is recorded in the store before it is sent, so a restart never sends twice.
  // Housekeeping (expiry, reassignment), the daily digest and FAQ revalidation use the same durable markers.
  const reminders = setInterval(() => {
    const jobs = [lotse.escalation.remind(), lotse.escalation.housekeeping(), lotse.escalation.digest(), lotse.faq.remindRevalidation()];
    Promise.all(jobs).catch((error: unknown) => logger.error('ticket-reminders-failed', { error: describeError(error) }));
  }, 60_000);
  reminders.unref();
  // HR news and surveys (issue #10): due broadcasts, survey windows, reminders, outbox; state is in the store first.
  const hrJobs = setInterval(() => {
    lotse.hr.jobs.runDue().catch((error: unknown) => logger.error('hr-jobs-failed', { error: describeError(error) }));
  }, 15_000);
  hrJobs.unref();
  // Retention purge: checked every 5 minutes, runs once per day across all replicas (lease + recorded day).
  const stopPurge = startRetentionPurge(wireRetentionPurge(lotse, logger, channels));
  const signal = await waitForShutdown();
  logger.info('shutdown', { signal, drainMs: config.shutdownDrainMs });
  // Readiness off, HTTP drained, timers stopped, then HR → channel outboxes drained, channels stopped (graceful-shutdown.ts).
  await gracefulShutdown({
    markNotReady: readiness.markNotReady,
    closeHttp: () => running.close(),
    forceCloseHttp: () => (server as unknown as { server?: { closeAllConnections?(): void } }).server?.closeAllConnections?.(),
    stopTimers: async () => {
      [refresh, reminders, hrJobs, directorySync].forEach((timer) => clearInterval(timer));
      stopPurge();
      stopReindex?.();
      stopBackup?.();
      await replication?.stop();
    },
    feeders: [hrDrain(lotse.hr)],
    outboxes: channelDrains(channels),
    stopChannels: () => stopChannels(channels),
    close: async () => {
      identity.close();
      await lotse.close();
    },
  }, { drainMs: config.shutdownDrainMs, now: Date.now, logger });
  return 0;
}
