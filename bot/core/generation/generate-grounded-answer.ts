/**
 * Generative answers grounded in retrieved passages: renders the versioned prompts, calls the chat model,
 * and keeps only the sentences that the citation check accepts. Anything unverifiable is reported as a
 * failure so that the caller falls back to the extractive answer.
 */
import type { ChatFailureKind, ChatModel, ChatRequest, ChatResult } from '../../ports/chat-model.ts';
import type { PromptTemplate } from '../../ports/prompt-template.ts';
import type { TextAnalyzer } from '../../ports/search.ts';
import { isQuarantined } from '../guardrails/document-injection.ts';
import { evidenceText, renderSources, type GroundedPassage } from './render-sources.ts';
import { buildEvidence, checkSentence, splitAnswerSentences, type Evidence, type SentenceVerdict } from './verify-citations.ts';

export type { GroundedPassage } from './render-sources.ts';

/** The exact text the prompts ask the model to emit when the sources do not answer the question. */
export const noAnswerMarker = 'KEINE_ANTWORT';

/** Template ids used here (files in `prompts/answer/`). */
export const groundedPromptIds = {
  standard: 'answer.grounded',
  plainLanguage: 'answer.grounded-leichte-sprache',
  sources: 'answer.sources',
} as const;

/** What a generative answer needs. */
export interface GroundedAnswerDeps {
  readonly model: ChatModel;
  readonly templates: ReadonlyMap<string, PromptTemplate>;
  readonly analyzer: TextAnalyzer;
  /** Minimum lexical overlap per sentence (default 0.5; 0.35 for Leichte Sprache, which paraphrases more). */
  readonly minOverlap?: number;
}

/** The question and the numbered passages to answer from. */
export interface GroundedAnswerInput {
  readonly question: string;
  readonly passages: readonly GroundedPassage[];
  /** Answer in Leichte Sprache. */
  readonly plainLanguage?: boolean;
  readonly signal?: AbortSignal;
}

/** The result of a generative answer attempt. */
export type GenerativeOutcome =
  | {
      kind: 'answered';
      text: string;
      citedIndexes: number[];
      dropped: { sentence: string; reason: string }[];
      model: string;
      promptId: string;
      promptVersion: string;
    }
  | { kind: 'not_in_sources'; model: string; promptId: string; promptVersion: string }
  | { kind: 'failed'; failure: ChatFailureKind | 'unverifiable'; detail: string };

/** An event of a streamed answer: verified sentences as deltas, then exactly one final outcome. */
export type GroundedStreamEvent = { kind: 'delta'; text: string } | { kind: 'final'; outcome: GenerativeOutcome };

interface PreparedRequest {
  readonly request: ChatRequest;
  readonly promptId: string;
  readonly promptVersion: string;
  readonly evidence: Evidence;
}

function template(templates: ReadonlyMap<string, PromptTemplate>, id: string): PromptTemplate {
  const found = templates.get(id);
  if (!found) throw new Error(`prompt template ${id} is not loaded`);
  return found;
}

/**
 * The passages that may enter a model prompt: chunks with instructions to an AI system, role claims or hidden
 * characters are quarantined (DV KI § 11 Abs. 1) — they keep their number, so citations still map to the hits.
 */
export function promptablePassages(passages: readonly GroundedPassage[]): GroundedPassage[] {
  return passages.filter((passage) => !isQuarantined([passage.title, passage.section, passage.text].join('\n')));
}

const allQuarantined: GenerativeOutcome = {
  kind: 'failed',
  failure: 'unverifiable',
  detail: 'every passage is quarantined (instructions or hidden text in the document)',
};

/** Builds the chat request (system prompt + question with delimited sources) and the citation evidence. */
export function prepareGroundedRequest(deps: GroundedAnswerDeps, input: GroundedAnswerInput): PreparedRequest {
  const passages = promptablePassages(input.passages);
  const system = template(deps.templates, input.plainLanguage ? groundedPromptIds.plainLanguage : groundedPromptIds.standard);
  const user = template(deps.templates, groundedPromptIds.sources);
  const request: ChatRequest = {
    messages: [
      { role: 'system', content: system.render({}) },
      { role: 'user', content: user.render({ question: input.question.trim(), sources: renderSources(passages) }) },
    ],
    temperature: 0,
    maxTokens: 700,
    ...(input.signal ? { signal: input.signal } : {}),
  };
  const citable = passages.map((passage) => ({ index: passage.index, text: evidenceText(passage) }));
  return { request, promptId: system.id, promptVersion: system.version, evidence: buildEvidence(citable, deps.analyzer) };
}

function toOutcome(verdicts: readonly SentenceVerdict[], rawText: string, model: string, prepared: PreparedRequest): GenerativeOutcome {
  const prompt = { model, promptId: prepared.promptId, promptVersion: prepared.promptVersion };
  const saidNoAnswer = rawText.includes(noAnswerMarker);
  const kept = verdicts.filter((verdict) => verdict.kept);
  const dropped = verdicts.flatMap((verdict) =>
    verdict.kept || verdict.sentence.includes(noAnswerMarker) ? [] : [{ sentence: verdict.sentence, reason: verdict.reason }],
  );
  if (kept.length === 0) {
    if (saidNoAnswer) return { kind: 'not_in_sources', ...prompt };
    const reasons = dropped.map((entry) => entry.reason).join(', ') || 'empty answer';
    return { kind: 'failed', failure: 'unverifiable', detail: `no verifiable sentence (${reasons})` };
  }
  const citedIndexes = [...new Set(kept.flatMap((verdict) => verdict.citations))].sort((a, b) => a - b);
  return { kind: 'answered', text: kept.map((verdict) => verdict.sentence).join(' '), citedIndexes, dropped, ...prompt };
}

function failed(result: Exclude<ChatResult, { kind: 'ok' }>): GenerativeOutcome {
  return { kind: 'failed', failure: result.kind, detail: result.detail };
}

/** Leichte Sprache rephrases more freely; numbers are still checked strictly. */
const plainLanguageMinOverlap = 0.35;

function verifyOptions(deps: GroundedAnswerDeps, input: GroundedAnswerInput): { minOverlap?: number } {
  if (deps.minOverlap !== undefined) return { minOverlap: deps.minOverlap };
  return input.plainLanguage ? { minOverlap: plainLanguageMinOverlap } : {};
}

function verdictsOf(text: string, deps: GroundedAnswerDeps, input: GroundedAnswerInput, evidence: Evidence): SentenceVerdict[] {
  const options = verifyOptions(deps, input);
  return splitAnswerSentences(text).map((sentence) => checkSentence(sentence, evidence, deps.analyzer, options));
}

function withoutSources(deps: GroundedAnswerDeps, input: GroundedAnswerInput): GenerativeOutcome {
  const id = input.plainLanguage ? groundedPromptIds.plainLanguage : groundedPromptIds.standard;
  const system = template(deps.templates, id);
  return { kind: 'not_in_sources', model: deps.model.id, promptId: system.id, promptVersion: system.version };
}

/**
 * Generates a cited answer from the passages and verifies it sentence by sentence.
 * @example const outcome = await generateGroundedAnswer({ model, templates, analyzer }, { question, passages });
 */
export async function generateGroundedAnswer(deps: GroundedAnswerDeps, input: GroundedAnswerInput): Promise<GenerativeOutcome> {
  if (input.passages.length === 0) return withoutSources(deps, input);
  if (promptablePassages(input.passages).length === 0) return allQuarantined;
  const prepared = prepareGroundedRequest(deps, input);
  const result = await deps.model.generate(prepared.request);
  if (result.kind !== 'ok') return failed(result);
  return toOutcome(verdictsOf(result.text, deps, input, prepared.evidence), result.text, result.model, prepared);
}

/** How many leading sentences of a growing buffer are certainly complete. */
function completeSentences(sentences: readonly string[]): number {
  const last = sentences.at(-1);
  if (last === undefined) return 0;
  const lastHasWords = /\p{L}/u.test(last.replace(/\[[^\]]*\]?/g, ''));
  return Math.max(0, sentences.length - (lastHasWords ? 1 : 2));
}

/**
 * Streams a cited answer: each sentence is emitted as a delta only after it passed the citation check,
 * so the concatenated deltas equal the final `text`; ends with one `final` event.
 */
export async function* streamGroundedAnswer(deps: GroundedAnswerDeps, input: GroundedAnswerInput): AsyncGenerator<GroundedStreamEvent> {
  if (input.passages.length === 0) {
    yield { kind: 'final', outcome: withoutSources(deps, input) };
    return;
  }
  if (promptablePassages(input.passages).length === 0) {
    yield { kind: 'final', outcome: allQuarantined };
    return;
  }
  const prepared = prepareGroundedRequest(deps, input);
  const verdicts: SentenceVerdict[] = [];
  let buffer = '';
  let emitted = 0;
  const options = verifyOptions(deps, input);
  const flush = function* (upTo: number): Generator<GroundedStreamEvent> {
    const sentences = splitAnswerSentences(buffer);
    for (const sentence of sentences.slice(verdicts.length, upTo)) {
      const verdict = checkSentence(sentence, prepared.evidence, deps.analyzer, options);
      verdicts.push(verdict);
      if (verdict.kept) yield { kind: 'delta', text: (emitted++ === 0 ? '' : ' ') + verdict.sentence };
    }
  };
  for await (const chunk of deps.model.stream(prepared.request)) {
    if (chunk.kind === 'done') {
      if (chunk.result.kind !== 'ok') {
        yield { kind: 'final', outcome: failed(chunk.result) };
        return;
      }
      yield* flush(Number.POSITIVE_INFINITY);
      yield { kind: 'final', outcome: toOutcome(verdicts, buffer, chunk.result.model, prepared) };
      return;
    }
    buffer += chunk.text;
    yield* flush(completeSentences(splitAnswerSentences(buffer)));
  }
  yield { kind: 'final', outcome: { kind: 'failed', failure: 'invalid_response', detail: 'stream ended without a result' } };
}
