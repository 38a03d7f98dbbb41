/**
 * Wires the Microsoft Teams channel into the running service (its `ChannelHost`): the Agents SDK CloudAdapter with
 * Entra or dev-mode authentication, the stored references and outbox, the `teams` endpoint of the channel router
 * and the `POST /api/messages` route. The plugin (`teams-plugin.ts`) calls it when the channel is enabled; tests
 * call it with a mock connector.
 */
import {
  CloudAdapter,
  createOutboundHostValidator,
  getAuthConfigWithDefaults,
  type AuthConfiguration,
  type OutboundHostValidator,
} from '@microsoft/agents-hosting';
import type { Server } from 'restify';
import { z } from 'zod';
import type { TeamsConfig } from '../../../config/teams-config.ts';
import { loadEscalationPolicy } from '../../../../policies/load-escalation.ts';
import { loadTeamsTexts } from '../../../../prompts/load-teams-texts.ts';
import type { ChannelHost } from '../channel-host.ts';
import type { Clock } from '../../../ports/clock.ts';
import { describeError } from '../../../shared/errors.ts';
import { cardMessage } from './answer-card.ts';
import { createSdkConnector } from './sdk-connector.ts';
import type { TeamsConnector } from './teams-connector.ts';
import { createTeamsEndpoint, type TeamsEndpoint } from './teams-endpoint.ts';
import { TeamsOutbox, type FailedDelivery } from './teams-outbox.ts';
import { registerTeamsRoutes } from './teams-routes.ts';
import { SqlTeamsStore, type TeamsStore } from './teams-store.ts';
import { createTeamsTurnHandler } from './teams-turn-handler.ts';
import { hrLabels } from './teams-hr.ts';
import { renderTicketCard } from './ticket-cards.ts';

/** A wired Teams channel. */
export interface TeamsChannel {
  readonly store: TeamsStore;
  readonly outbox: TeamsOutbox;
  readonly endpoint: TeamsEndpoint;
  readonly adapter: CloudAdapter;
  /** Adds `POST /api/messages` to the server. */
  registerRoutes(server: Server): void;
  /** Starts the outbox pump and the card refresh. */
  start(): void;
  stop(): Promise<void>;
}

/** Replacements for tests. */
export interface TeamsChannelOverrides {
  readonly connector?: TeamsConnector;
  readonly clock?: Clock;
  readonly cardRefreshMs?: number;
}

/** The SDK's auth configuration: Entra (secret, certificate or managed identity) or anonymous dev mode. */
export function teamsAuthConfiguration(config: TeamsConfig): AuthConfiguration {
  const auth = config.auth;
  if (auth.mode === 'dev') return getAuthConfigWithDefaults({});
  return getAuthConfigWithDefaults({
    clientId: auth.appId,
    // Issue #18, item 2: without it a signature-valid token of any issuer with our audience was accepted.
    validateIssuer: true,
    ...(auth.tenantId ? { tenantId: auth.tenantId } : {}),
    ...(auth.secret ? { clientSecret: auth.secret } : {}),
    ...(auth.certificate ? { certPemFile: auth.certificate.pemFile, certKeyFile: auth.certificate.keyFile } : {}),
    ...(auth.appType === 'UserAssignedMSI' ? { authType: 'UserManagedIdentity' } : {}),
    ...(auth.authority ? { authority: auth.authority } : {}),
  });
}

/** Loopback names a dev-mode `serviceUrl` may use (Agents Playground, emulator, test connectors). */
const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Which hosts an activity's `serviceUrl` may name, inbound and for every outbound call (SSRF, issue #18,
 * item 2): the SDK's Microsoft defaults plus `TEAMS_SERVICE_URL_HOSTS` with an app id; loopback only in dev mode.
 */
export function teamsHostPolicy(config: TeamsConfig): OutboundHostValidator {
  if (config.auth.mode === 'dev')
    return createOutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: loopbackHosts });
  return createOutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: true, hosts: config.serviceUrlHosts ?? [] });
}

const fallbackSchema = z.object({
  recipient: z.union([
    z.object({ kind: z.literal('person'), personId: z.string() }),
    z.object({
      kind: z.literal('conversation'),
      userId: z.string(),
      reference: z.object({ channel: z.string().min(1), conversationId: z.string() }),
    }),
  ]),
  message: z.object({
    kind: z.enum(['ticket-created', 'ticket-answered', 'ticket-reminder', 'ticket-update', 'notice']),
    text: z.string(),
    ticketId: z.string().optional(),
    from: z.string().optional(),
  }),
});

/** The tenant every activity must come from: set for single-tenant apps and managed identities (issue #18, item 2). */
function singleTenant(config: TeamsConfig, refusal: string): { tenant?: { readonly id: string; readonly refusal: string } } {
  const auth = config.auth;
  return auth.mode === 'entra' && auth.tenantId && auth.appType !== 'MultiTenant' ? { tenant: { id: auth.tenantId, refusal } } : {};
}

/** Builds the channel and registers it with the router as `teams`. */
export function createTeamsChannel(host: ChannelHost, config: TeamsConfig, overrides: TeamsChannelOverrides = {}): TeamsChannel {
  const logger = host.logger;
  if (config.auth.mode === 'dev')
    logger.warn('teams-dev-mode', {
      note: 'MICROSOFT_APP_ID is not set: /api/messages accepts unauthenticated requests (Agents Playground / emulator only)',
    });
  const clock = overrides.clock ?? { now: () => new Date() };
  const texts = loadTeamsTexts();
  const authConfig = teamsAuthConfiguration(config);
  // validateServiceUrl: the activity's serviceUrl must match the token's `serviceurl` claim (400 otherwise).
  const adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: true }, teamsHostPolicy(config));
  // The SDK's default sends English error texts to the user; lotse logs instead (handlers reply in German).
  adapter.onTurnError = async (_context, error) => logger.error('teams-turn-error', { error: describeError(error) });
  const store = new SqlTeamsStore(host.database);
  const connector =
    overrides.connector ?? createSdkConnector({ adapter, ...(config.auth.mode === 'entra' ? { appId: config.auth.appId } : {}) });
  const nameOf = (id: string): string => host.directory.person(id)?.name ?? id;
  const onFailed = (failed: FailedDelivery): void => {
    const parsed = failed.fallback ? fallbackSchema.safeParse(JSON.parse(failed.fallback)) : undefined;
    if (!parsed?.success) return;
    host.inbox
      .send(parsed.data.recipient, parsed.data.message)
      .catch((error: unknown) => logger.error('teams-fallback-failed', { error: describeError(error) }));
  };
  const outbox = new TeamsOutbox({
    database: host.database,
    connector,
    store,
    logger,
    onFailed,
    ratePerSecond: config.ratePerSecond,
    conversationRatePerSecond: config.conversationRatePerSecond,
    conversationBurst: config.conversationBurst,
    maxAttempts: config.maxAttempts,
    renderTicketCard: async (ticketId) => {
      const ticket = await host.escalation.get(ticketId);
      return ticket
        ? { activity: cardMessage(renderTicketCard(ticket, texts, nameOf), ticket.question), version: ticket.version }
        : undefined;
    },
  });
  const endpoint = createTeamsEndpoint({
    store,
    outbox,
    connector,
    directory: host.directory,
    escalation: host.escalation,
    texts,
    clock,
    logger,
  });
  const unregister = host.channels.register('teams', endpoint);
  const centralPool = loadEscalationPolicy(host.config.policiesDir).centralPool;
  const handler = createTeamsTurnHandler({
    chat: host.chat,
    escalation: host.escalation,
    directory: host.directory,
    store,
    texts,
    clock,
    logger,
    pseudonymOf: host.pseudonymOf,
    availability: host.availability,
    centralPool: () => centralPool.filter((id) => host.directory.person(id)),
    ticketChanged: (ticket) => endpoint.syncTicketCards(ticket),
    conversationsChanged: () =>
      endpoint.refreshReach().catch((error: unknown) => logger.warn('teams-reach-refresh-failed', { error: describeError(error) })),
    ...(config.streamDelayMs !== undefined ? { streamDelayMs: config.streamDelayMs } : {}),
    ...(host.config.publicUrl ? { publicUrl: host.config.publicUrl } : {}),
    hr: {
      chat: (personId, text) => host.hr.chat.handle(personId, text),
      openSurvey: async (personId) => (await host.hr.surveys.openFor(personId))[0],
      survey: (id) => host.hr.surveys.get(id),
      submit: (personId, surveyId, answers) => host.hr.surveys.submit(personId, surveyId, answers),
      acknowledge: (personId, job) => host.hr.broadcasts.acknowledge(personId, job.replace(/^broadcast:/, '')),
      labels: hrLabels(texts),
    },
  });
  let refresh: NodeJS.Timeout | undefined;
  return {
    store,
    outbox,
    endpoint,
    adapter,
    registerRoutes: (server) =>
      registerTeamsRoutes(server, {
        adapter,
        authConfig,
        handler,
        logger,
        ...(config.auth.mode === 'dev' ? { loopbackOnly: texts.devModeLoopbackOnly } : {}),
        ...singleTenant(config, texts.foreignTenant),
      }),
    start() {
      // Finished outbox rows older than a day are deleted now and once an hour (message texts are not kept).
      const purge = (): void =>
        void outbox
          .purgeFinished(86_400_000)
          .catch((error: unknown) => logger.error('teams-outbox-purge-failed', { error: describeError(error) }));
      purge();
      outbox.start();
      let ticks = 0;
      refresh ??= setInterval(() => {
        endpoint
          .refreshChangedCards()
          .catch((error: unknown) => logger.error('teams-card-refresh-failed', { error: describeError(error) }));
        if ((ticks += 1) % Math.max(1, Math.round(3_600_000 / (overrides.cardRefreshMs ?? 15_000))) === 0) purge();
      }, overrides.cardRefreshMs ?? 15_000);
      refresh.unref();
    },
    async stop() {
      if (refresh) clearInterval(refresh);
      unregister();
      await outbox.stop();
    },
  };
}
