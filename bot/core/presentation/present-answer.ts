/**
 * Presentation on top of the decided answer (issue #22): Leichte Sprache for the answer text and suggested
 * next questions. Neither changes what was answered, from which sources, or whether lotse abstained.
 */
import type { KnowledgeStore } from '../../ports/knowledge-store.ts';
import type { AnswerProvenance, Citation, Outcome } from '../../ports/turn.ts';
import { simplifyAnswer, type PlainLanguageTexts } from './plain-language.ts';
import { suggestFollowUps, type SuggestionTexts } from './suggest-follow-ups.ts';

/** Texts of both presentations, loaded by the composition root (`prompts/load-presentation.ts`). */
export interface PresentationTexts {
  readonly suggestions: SuggestionTexts;
  readonly plainLanguage: PlainLanguageTexts;
}

/** What decides the presentation of one turn. */
export interface PresentedTurn {
  readonly question: string;
  readonly outcome: Outcome;
  readonly mode: AnswerProvenance['mode'];
  readonly citations: readonly Citation[];
  readonly smallTalk: boolean;
}

/** Answers from documents (not refusals, abstentions, small talk, directory or course lists): what Leichte Sprache and suggestions apply to. */
export function fromDocuments(turn: PresentedTurn): boolean {
  return (
    turn.outcome === 'answered' && !turn.smallTalk && ['extractive', 'faq', 'generative'].includes(turn.mode) && turn.citations.length > 0
  );
}

/**
 * The answer text in Leichte Sprache when asked for: extractive and FAQ answers are simplified here, a generated
 * answer was already written in Leichte Sprache by its prompt. Other texts stay as they are.
 */
export function plainLanguageAnswer(answer: string, turn: PresentedTurn, texts: PresentationTexts | undefined): string {
  if (!texts || !fromDocuments(turn) || turn.mode === 'generative') return answer;
  return simplifyAnswer(answer, texts.plainLanguage);
}

/** Two or three related questions from the cited documents; none for anything but an answer from documents. */
export function suggestionsFor(
  turn: PresentedTurn,
  knowledge: Pick<KnowledgeStore, 'chunksOf' | 'getDocument'>,
  texts: PresentationTexts | undefined,
): string[] {
  if (!texts || !fromDocuments(turn)) return [];
  return suggestFollowUps({ question: turn.question, citations: turn.citations, knowledge, texts: texts.suggestions });
}
