/**
 * The German replies to a message that is only small talk, injected from `prompts/messages/small-talk.de.yaml`.
 */
import type { SmallTalk } from './normalize-question.ts';

/** Keys of the small-talk catalogue: one reply per kind of small talk. */
export const smallTalkMessageKeys = ['greeting', 'thanks', 'farewell'] as const satisfies readonly SmallTalk[];

/** One short, friendly German reply per kind of small talk. */
export type SmallTalkMessages = Readonly<Record<SmallTalk, string>>;
