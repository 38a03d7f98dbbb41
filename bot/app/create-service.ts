/**
 * The composition root of `lotse serve` (issue #20, item 4): from an opened lotse it starts the index
 * replication or the start-up ingest, the channels of the one list (bot/app/channels.ts), identity, gauges,
 * the HTTP server and the background jobs (serve-jobs.ts); `shutdown` runs the drain plan of graceful-shutdown.ts.
 * `serve` only parses options, opens lotse, refuses the known conditions, calls `start()` and waits for a signal.
 */
import { existsSync } from 'node:fs';
import type { IngestSummary } from '../../knowledge/ingest/ingest-folder.ts';
import type { ProgressReporter } from '../../knowledge/ingest/progress.ts';
import type { LotseConfig } from '../config/config.ts';
import { createHttpServer, startHttpServer } from '../http/create-server.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { channelDrains, channelGauges, channelHostOf, createChannels, startChannels, stopChannels } from './channels.ts';
import { createLotseDataSubjectRequests } from './create-data-subject-requests.ts';
import { createIdentity } from './create-identity.ts';
import type { Lotse } from './lotse.ts';
import { hrDrain, readinessGate } from './drain-targets.ts';
import { gracefulShutdown } from './graceful-shutdown.ts';
import { startIndexReplication } from './index-replication.ts';
import { ingestKnowledge, recordedSourceFolder } from './ingest-knowledge.ts';
import { queueGauges } from './queue-gauges.ts';
import { startServeJobs } from './serve-jobs.ts';
import { createTicketStatistics } from './ticket-statistics.ts';

export interface ServiceOptions {
  /** Where the operator's start-up lines go (`serve`: stderr). */
  readonly write: (text: string) => void;
  /** The start-up ingest of the knowledge folder (one process); `false` with `--no-ingest`. */
  readonly ingest: false | { readonly progress: () => ProgressReporter; readonly report: (summary: IngestSummary) => void };
}

export type ServiceStart =
  | { readonly kind: 'started'; readonly url: string }
  /** A channel failed to start (e.g. a rejected Jabber login): nothing listens; the caller closes lotse. */
  | { readonly kind: 'refused'; readonly reason: string };

export interface Service {
  start(): Promise<ServiceStart>;
  /** Readiness off, HTTP drained, jobs stopped, HR → channel outboxes drained, channels stopped, lotse closed. */
  shutdown(signal: string): Promise<void>;
}

type Running = { readonly shutdown: (signal: string) => Promise<void> };

/** Wires the service around `lotse`; nothing starts before `start()`. */
export function createService(lotse: Lotse, config: LotseConfig, logger: Logger, options: ServiceOptions): Service {
  let running: Running | undefined;
  return {
    start: async () => {
      if (running) throw new Error('the service is already started');
      const result = await startService(lotse, config, logger, options);
      if (result.kind === 'refused') return result;
      running = result.running;
      return { kind: 'started', url: result.url };
    },
    shutdown: async (signal) => {
      if (!running) throw new Error('the service was not started');
      await running.shutdown(signal);
    },
  };
}

async function startService(
  lotse: Lotse,
  config: LotseConfig,
  logger: Logger,
  options: ServiceOptions,
): Promise<{ kind: 'started'; url: string; running: Running } | { kind: 'refused'; reason: string }> {
  const folder = recordedSourceFolder(config.dataDir) ?? config.knowledgeDir;
  // With DATABASE_URL the `reindex` lease holder ingests and publishes; every replica loads published versions.
  const replication = startIndexReplication(lotse, logger);
  if (!replication && options.ingest && existsSync(folder)) {
    const summary = await ingestKnowledge(lotse.knowledge, { folder, dataDir: config.dataDir, progress: options.ingest.progress() });
    options.ingest.report(summary);
  }
  // The configured channels of the one list (bot/app/channels.ts): Jabber on the replica holding the lease `xmpp`
  // (a rejected login stops start-up), Microsoft Teams with POST /api/messages on the same server and its outbox.
  const channels = createChannels(channelHostOf(lotse, logger));
  try {
    await startChannels(channels);
  } catch (error) {
    return { kind: 'refused', reason: describeError(error) };
  }
  const identity = createIdentity(lotse, logger);
  const gauges = queueGauges({
    database: lotse.store,
    tickets: lotse.escalation,
    indexChunks: () => lotse.knowledge.lexical.size,
    hr: lotse.hr,
    channels: channelGauges(channels),
  });
  const readiness = readinessGate(lotse.chat);
  const server = createHttpServer({
    chat: readiness.chat,
    logger,
    transparency: lotse.transparency,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    tickets: { escalation: lotse.escalation, messagesOf: lotse.messagesOf },
    identity,
    gauges,
    requestLimits: config.requestLimits,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    hr: { hr: lotse.hr, resolveActor: (request) => identity.resolveActor(request) },
    availability: { availability: lotse.availability, ticketStats: createTicketStatistics(lotse) },
    privacy: { requests: createLotseDataSubjectRequests(lotse) },
  });
  channels.forEach((channel) => channel.registerRoutes?.(server));
  const http = await startHttpServer(server, { port: config.port, host: config.host });
  options.write(`lotse web chat: ${http.url}/  console: ${http.url}/konsole  (data: ${config.dataDir})\n`);
  if (config.auth.mode === 'dev')
    options.write(
      'WARNING: development login (AUTH_MODE=dev) – anyone on this machine can pick any role. Configure OIDC_ISSUER for production.\n',
    );
  const jobs = startServeJobs(lotse, config, logger, { replication, reindex: !replication && options.ingest !== false, channels });
  const shutdown = async (signal: string): Promise<void> => {
    logger.info('shutdown', { signal, drainMs: config.shutdownDrainMs });
    // Readiness off, HTTP drained, timers stopped, then HR → channel outboxes drained, channels stopped (graceful-shutdown.ts).
    await gracefulShutdown(
      {
        markNotReady: readiness.markNotReady,
        closeHttp: () => http.close(),
        forceCloseHttp: () => (server as unknown as { server?: { closeAllConnections?(): void } }).server?.closeAllConnections?.(),
        stopTimers: () => jobs.stop(),
        feeders: [hrDrain(lotse.hr)],
        outboxes: channelDrains(channels),
        stopChannels: () => stopChannels(channels),
        close: async () => {
          identity.close();
          await lotse.close();
        },
      },
      { drainMs: config.shutdownDrainMs, now: Date.now, logger },
    );
  };
  return { kind: 'started', url: http.url, running: { shutdown } };
}
