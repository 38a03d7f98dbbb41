/**
 * The generative step of the answer pipeline: the top passages go to the configured model as numbered
 * sources; only verified, cited sentences come back. Streaming passes verified sentences on as they come.
 */
import { truncateText } from '../../shared/text.ts';
import {
  generateGroundedAnswer,
  streamGroundedAnswer,
  type GenerativeOutcome,
  type GroundedAnswerDeps,
  type GroundedPassage,
} from '../generation/generate-grounded-answer.ts';
import { citationFor, type AnswerContext, type ComposedAnswer, type ResolvedHit } from './answer-context.ts';

/** How many passages the model sees. */
export const generativePassages = 5;

/** A generated answer with its provenance, or why there is none. */
export type GenerativeStep =
  | {
      readonly kind: 'answered';
      readonly composed: ComposedAnswer;
      readonly model: string;
      readonly promptId: string;
      readonly promptVersion: string;
      readonly dropped: readonly { sentence: string; reason: string }[];
    }
  | { readonly kind: 'not_in_sources'; readonly model: string; readonly promptId: string; readonly promptVersion: string }
  | { readonly kind: 'failed'; readonly failure: string };

function passagesOf(hits: readonly ResolvedHit[]): GroundedPassage[] {
  return hits.slice(0, generativePassages).map((resolved, position) => ({
    index: position + 1,
    title: resolved.document.title,
    section: resolved.chunk.section,
    stand: resolved.document.stand ?? null,
    text: resolved.chunk.text,
  }));
}

async function outcomeOf(
  deps: GroundedAnswerDeps,
  input: { question: string; passages: GroundedPassage[]; plainLanguage?: boolean },
  onDelta?: (text: string) => void,
): Promise<GenerativeOutcome> {
  if (!onDelta) return generateGroundedAnswer(deps, input);
  for await (const event of streamGroundedAnswer(deps, input)) {
    if (event.kind === 'delta') onDelta(event.text);
    else return event.outcome;
  }
  return { kind: 'failed', failure: 'invalid_response', detail: 'stream ended without an outcome' };
}

/** Asks the model for a grounded answer over the context's top hits. */
export async function composeGenerativeAnswer(
  context: AnswerContext,
  deps: GroundedAnswerDeps,
  onDelta?: (text: string) => void,
  plainLanguage = false,
): Promise<GenerativeStep> {
  const passages = passagesOf(context.hits);
  const outcome = await outcomeOf(deps, { question: context.question, passages, ...(plainLanguage ? { plainLanguage } : {}) }, onDelta);
  if (outcome.kind === 'failed') return { kind: 'failed', failure: outcome.failure };
  const { model, promptId, promptVersion } = outcome;
  if (outcome.kind === 'not_in_sources') return { kind: 'not_in_sources', model, promptId, promptVersion };
  const citations = outcome.citedIndexes.flatMap((index) => {
    const resolved = context.hits[index - 1];
    return resolved ? [citationFor(resolved, truncateText(resolved.chunk.text, 400))] : [];
  });
  return {
    kind: 'answered',
    composed: { mode: 'generative', text: outcome.text, citations },
    model,
    promptId,
    promptVersion,
    dropped: outcome.dropped,
  };
}
