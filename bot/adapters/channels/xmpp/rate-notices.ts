/**
 * What a person over the rate limit is told (issue #19, item 10): the first refused message gets the notice
 * at once; messages refused after it are counted and summarised in one message when the person may write
 * again, so no message is dropped without a word and a flood still gets only two replies.
 */
import { fillText, type XmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import type { RateDecision } from './rate-limiter.ts';

/** Timer functions (injectable for tests). */
export interface NoticeTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: NoticeTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Notices for refused messages, per bare JID. */
export function createRateNotices(options: {
  send: (jid: string, text: string) => void;
  texts: Pick<XmppTexts, 'rateLimited' | 'rateLimitedDropped'>;
  timers?: NoticeTimers;
}) {
  const timers = options.timers ?? realTimers;
  const pending = new Map<string, { dropped: number; timer: unknown }>();
  return {
    /** Handles one refused message of `jid`. */
    refused(jid: string, decision: Extract<RateDecision, { kind: 'limited' }>): void {
      if (decision.firstRefusal && !pending.has(jid)) {
        options.send(jid, options.texts.rateLimited);
        return;
      }
      const episode = pending.get(jid);
      if (episode) {
        episode.dropped += 1;
        return;
      }
      const timer = timers.setTimeout(() => {
        const dropped = pending.get(jid)?.dropped ?? 0;
        pending.delete(jid);
        options.send(jid, fillText(options.texts.rateLimitedDropped, { count: String(dropped) }));
      }, decision.retryAfterMs);
      pending.set(jid, { dropped: 1, timer });
    },
    /** Cancels the pending summaries (shutdown). */
    stop(): void {
      for (const episode of pending.values()) timers.clearTimeout(episode.timer);
      pending.clear();
    },
  };
}
