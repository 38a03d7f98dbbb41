/**
 * The channel plugin contract (issue #20, item 4): what `serve` needs from a chat channel (Teams, Jabber, or a
 * new one) so that it can run it without channel-specific code. A plugin is built from the `ChannelHost` by the
 * `ChannelPluginFactory` its folder exports (`bot/adapters/channels/channel-host.ts`), an entry of the one registration list
 * (`bot/app/channels.ts`); `serve` starts every plugin, adds its routes
 * to the web server, exposes its gauges on `/metrics`, drains its outboxes on shutdown and stops it.
 *
 * Outbound: a plugin registers its `ChannelEndpoint` with the channel router (`bot/ports/channel-router.ts`)
 * under its `name` when it starts (or when it is built) and unregisters it in `stop()`; the router delivers
 * proactive messages (ticket answers, HR news) through it. Inbound: the plugin turns its native events into
 * `InboundMessage`s for the `ChatService` and renders the `TurnResult` itself (its renderer stays in its folder).
 */
import type { Server } from 'restify';
import type { ChannelName } from './turn.ts';

/** Something with a durable queue that can deliver for a while before the process ends (graceful shutdown). */
export interface DrainTarget {
  readonly name: string;
  /** Delivers what is due until `until` (epoch ms); resolves with the number of items delivered. */
  drain(until: number): Promise<number>;
  /** Items still waiting in the store (asynchronous stores answer with a promise). */
  remaining(): number | Promise<number>;
}

/** A running chat channel as `serve` sees it. */
export interface ChannelPlugin {
  /** The channel's name: its endpoint's name in the router and the `channel` of its turns. */
  readonly name: ChannelName;
  /**
   * Connects (or takes its lease and stands by), starts pumps and timers and registers the outbound endpoint.
   * A rejection stops start-up (`serve` refuses to start, e.g. a rejected Jabber login).
   */
  start(): Promise<void>;
  /** Adds the channel's HTTP routes (e.g. Teams `POST /api/messages`) to the web server; called after `start`. */
  registerRoutes?(server: Server): void;
  /** Asynchronous counts for `/metrics` by gauge name (e.g. `teams_outbox_pending`); read after `start`. */
  gauges?(): Readonly<Record<string, () => Promise<number>>>;
  /** The channel's outboxes for the drain phase of the graceful shutdown (after the feeders); read at shutdown. */
  drainTargets?(): readonly DrainTarget[];
  /** Deletes finished outbox rows older than `olderThanMs` (the daily retention purge); resolves with the count. */
  purgeFinished?(olderThanMs: number): Promise<number>;
  /** Stops timers, disconnects, releases leases and unregisters the endpoint; must not throw when never started. */
  stop(): Promise<void>;
}
