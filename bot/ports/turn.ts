/**
 * The channel-neutral conversation contract: every channel turns its native event into an
 * `InboundMessage` and renders the `TurnResult` the core returns.
 */

/** The channels built into lotse. */
export const builtInChannelNames = ['web', 'teams', 'xmpp', 'cli'] as const;

/** A channel built into lotse. */
export type BuiltInChannelName = (typeof builtInChannelNames)[number];

/**
 * Channels lotse speaks on: the built-in ones or the name of a registered channel plugin
 * (`bot/ports/channel-plugin.ts`), so a new channel needs no edit here (`string & {}` keeps the completion).
 */
export type ChannelName = BuiltInChannelName | (string & {});

/** One message from a person, already translated by the channel adapter. */
export interface InboundMessage {
  readonly channel: ChannelName;
  /** Conversation id; the core creates one when absent. */
  readonly conversationId?: string;
  /** Pseudonymous or channel user id (never a clear name). */
  readonly userId: string;
  readonly text: string;
  /** The asker's county, when the identity knows it; restricts answers to it and generic sources. */
  readonly tenant?: string;
  /** How many retrieved passages to report (default 10). */
  readonly topK?: number;
  /** Whether the channel can render a stream. */
  readonly canStream?: boolean;
  /** False when the asker's mandatory KI training is not recorded (DV KI § 8): extractive answers only. */
  readonly generativeAllowed?: boolean;
  /** The person asked for Leichte Sprache (web toggle, "einfach" in Teams and Jabber; issue #22). */
  readonly plainLanguage?: boolean;
}

/** Final state of a turn (public interface, see docs/cli.md "ask --json"). */
export type Outcome = 'answered' | 'no_answer' | 'refused' | 'escalated';

/** A source backing the answer. */
export interface Citation {
  /** Path of the file relative to the ingested folder. */
  readonly document: string;
  readonly title: string;
  readonly section: string;
  readonly stand: string | null;
  readonly quote: string;
  readonly score: number;
}

/** A passage considered for the answer (present for every outcome). */
export interface RetrievedPassage {
  readonly document: string;
  readonly text: string;
  readonly score: number;
}

/** A guardrail rule that fired on this turn. */
export interface RuleHit {
  readonly id: string;
  readonly clause: string;
  readonly action: 'allow' | 'redact' | 'refuse' | 'refer' | 'escalate';
}

/** Something the person can do next; channels render it as a button, link or command. */
export type SuggestedAction =
  | { readonly type: 'escalate'; readonly label: string }
  | { readonly type: 'feedback'; readonly label: string }
  | { readonly type: 'link'; readonly label: string; readonly url: string };

/** Provenance of an answer, recorded for transparency and audit. */
export interface AnswerProvenance {
  readonly mode: 'extractive' | 'faq' | 'course' | 'generative' | 'directory' | 'none';
  readonly indexVersion: string;
  readonly model?: string;
  readonly promptId?: string;
  readonly promptVersion?: string;
  /** Editions the answer relied on when an older one also exists, e.g. "DA Telearbeit, Stand 2025-03-01". */
  readonly editionNote?: string;
  /** Sentences of a generated answer removed by citation verification, with the reason. */
  readonly dropped?: readonly { readonly sentence: string; readonly reason: string }[];
  /** Why a configured model was not used for this answer (the extractive answer was given instead). */
  readonly modelFallback?: string;
  /** The answer text was given in Leichte Sprache (the citations' quotes are unchanged). */
  readonly plainLanguage?: boolean;
}

/** What the core returns for one inbound message. */
export interface TurnResult {
  readonly conversationId: string;
  /** Id of the stored bot message; feedback refers to it. */
  readonly messageId: string;
  readonly question: string;
  readonly outcome: Outcome;
  readonly answer: string;
  readonly citations: readonly Citation[];
  readonly retrieved: readonly RetrievedPassage[];
  readonly confidence: number;
  readonly rules: readonly RuleHit[];
  readonly actions: readonly SuggestedAction[];
  readonly provenance: AnswerProvenance;
  readonly latencyMs: number;
  /** Two or three related questions from the cited documents (issue #22); empty or absent otherwise. */
  readonly suggestions?: readonly string[];
}
