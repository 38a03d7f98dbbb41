/**
 * What a chat channel gets from the running service (issue #20, item 4): the narrow host a `ChannelPluginFactory`
 * builds its plugin from, so that a channel's whole composition lives in its own folder under
 * `bot/adapters/channels/` (adapters must not import `bot/app`). `bot/app/channels.ts` builds the one host from the
 * running lotse (`channelHostOf`); tests may build a smaller one.
 *
 * The types of the configuration, the store database, the escalation workflow and the HR services are imported
 * type-only from where they are defined (`bot/config`, `bot/adapters/sql`, `bot/core`): a channel needs exactly
 * those objects, and their interfaces import nothing from here.
 */
import type { LotseConfig } from '../../config/config.ts';
import type { StoreDatabase } from '../sql/store-database.ts';
import type { LotseAvailability } from '../../core/escalation/lotse-availability.ts';
import type { EscalationService } from '../../core/escalation/escalation-service.ts';
import type { BroadcastService } from '../../core/hr/broadcast-service.ts';
import type { HrChat } from '../../core/hr/hr-chat.ts';
import type { SurveyService } from '../../core/hr/survey-service.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ChannelPlugin } from '../../ports/channel-plugin.ts';
import type { ChannelEndpoint, ChannelRouter } from '../../ports/channel-router.ts';
import type { ChannelSender } from '../../ports/channel-sender.ts';
import type { ChatService } from '../../ports/chat-service.ts';
import type { Directory } from '../../ports/directory.ts';
import type { JobLeases } from '../../ports/job-lease.ts';
import type { ChannelName } from '../../ports/turn.ts';

/** The HR services a channel offers in its chat (commands, survey dialog, broadcast acknowledgements). */
export interface ChannelHr {
  readonly chat: HrChat;
  readonly surveys: SurveyService;
  readonly broadcasts: BroadcastService;
}

/** The running service as a channel sees it. */
export interface ChannelHost {
  /** The configuration: a channel reads its own section (e.g. `teams`, `xmpp`) and `publicUrl`, `policiesDir`. */
  readonly config: LotseConfig;
  readonly logger: Logger;
  /** Answers turns (the core). */
  readonly chat: ChatService;
  /** Where the channel registers its outbound endpoint under its name (and unregisters it on stop). */
  readonly channels: ChannelRouter;
  /** The shared store database (SQLite or PostgreSQL): the channel builds its own stores and outboxes on it. */
  readonly database: StoreDatabase;
  readonly directory: Directory;
  /** The Digitallotsen workflow (tickets). */
  readonly escalation: EscalationService;
  /** "Abwesend bis" of Digitallotsen (chat commands). */
  readonly availability: LotseAvailability;
  /** The web inbox: where a message goes that the channel finally could not deliver. */
  readonly inbox: ChannelSender;
  readonly hr: ChannelHr;
  /** The link of a knowledge document (sources in plain-text answers), if it has one. */
  documentUrl(documentId: string): string | undefined;
  /** Names a person or user in logs by a keyed pseudonym. */
  readonly pseudonymOf: (id: string) => string;
  /** Leases for work that must run on exactly one replica (e.g. one Jabber session per account). */
  readonly leases: JobLeases;
  /** This process's name as a lease holder. */
  readonly replicaId: string;
}

/** A channel's queue-only endpoint and the name it is registered under (`ChannelPluginFactory.queueOnly`). */
export interface QueueOnlyEndpoint {
  readonly name: ChannelName;
  readonly endpoint: ChannelEndpoint;
}

/**
 * An entry of the registration list: builds the channel from the configuration, or undefined when it is not
 * configured. Builds only; `start` connects.
 */
export interface ChannelPluginFactory {
  (host: ChannelHost): ChannelPlugin | undefined;
  /**
   * An endpoint for a process without channel connections (the CLI): it only writes to the channel's durable
   * outbox in the shared database, which a running `serve` sends. Built even when this process's configuration
   * does not enable the channel (a conversation that started there still goes back there).
   */
  readonly queueOnly?: (host: ChannelHost) => Promise<QueueOnlyEndpoint>;
}
