/**
 * The public JSON shape of one answer, shared by `lotse ask --json` and `POST /api/chat`.
 * Documented in docs/cli.md; keep it stable (new fields only at the end, never renamed).
 */
import type { TurnResult } from './turn.ts';

/** One line of `ask --json` output (and the body of `/api/chat`, which adds conversation fields). */
export interface PublicAnswer {
  readonly question: string;
  readonly outcome: TurnResult['outcome'];
  readonly answer: string;
  readonly citations: TurnResult['citations'];
  readonly retrieved: TurnResult['retrieved'];
  readonly confidence: number;
  readonly rules: TurnResult['rules'];
  readonly latencyMs: number;
}

/** `/api/chat` answer: the public answer plus conversation, message id, actions and provenance. */
export interface PublicChatAnswer extends PublicAnswer {
  readonly conversationId: string;
  readonly messageId: string;
  readonly actions: TurnResult['actions'];
  readonly provenance: TurnResult['provenance'];
  /** Related questions from the cited documents (issue #22); empty after refusals, abstentions and small talk. */
  readonly suggestions: readonly string[];
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Maps a turn result to the stable CLI line (fields in documented order). */
export function toPublicAnswer(result: TurnResult): PublicAnswer {
  return {
    question: result.question,
    outcome: result.outcome,
    answer: result.answer,
    citations: result.citations.map((citation) => ({ ...citation, score: round(citation.score) })),
    retrieved: result.retrieved.map((passage) => ({ ...passage, score: round(passage.score) })),
    confidence: round(result.confidence),
    rules: result.rules,
    latencyMs: round(result.latencyMs, 1),
  };
}

/** Maps a turn result to the `/api/chat` body. */
export function toPublicChatAnswer(result: TurnResult): PublicChatAnswer {
  return {
    ...toPublicAnswer(result),
    conversationId: result.conversationId,
    messageId: result.messageId,
    actions: result.actions,
    provenance: result.provenance,
    suggestions: result.suggestions ?? [],
  };
}
