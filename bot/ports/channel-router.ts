/**
 * The channel router's contract: channels register an endpoint when they start, and everyone who sends
 * proactively talks to the router as a `ChannelSender`. The implementation is `createChannelRouter` in
 * `bot/app/channel-router.ts`; channel adapters depend on these types only (adapters must not import `bot/app`).
 */
import type { ChannelSender } from './channel-sender.ts';
import type { ChannelName } from './turn.ts';

/** A channel that can deliver proactively; `reaches` tells whether it knows how to contact a person. */
export interface ChannelEndpoint extends ChannelSender {
  reaches(personId: string): boolean;
}

/** The router; `register` returns a function that unregisters the channel (on shutdown). */
export interface ChannelRouter extends ChannelSender {
  register(channel: ChannelName, endpoint: ChannelEndpoint): () => void;
  channels(): readonly ChannelName[];
  /** The first registered channel that reaches a person (`undefined`: the web inbox), e.g. for pacing. */
  channelFor(personId: string): ChannelName | undefined;
}
