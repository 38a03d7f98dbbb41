/**
 * The answer pipeline for one standalone question: scope (county, editions) → hybrid retrieval →
 * confidence → FAQ, course or extractive answer with citations, or an honest abstention.
 */
import { withoutVectorTerms } from '../retrieval/neighbour-coverage.ts';
import type { KnowledgeStore } from '../../ports/knowledge-store.ts';
import type { IdFilter, LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import type { AnswerProvenance, Citation, Outcome, RetrievedPassage } from '../../ports/turn.ts';
import type { ScopeEvidence } from '../retrieval/confidence.ts';
import { fillTemplate, type AnswerMessages } from './answer-messages.ts';
import { documentIdOf, standPart, type AnswerContext, type ComposedAnswer, type RankedHit, type ResolvedHit } from './answer-context.ts';
import { composeCourseAnswer } from './course-answer.ts';
import { weighQuery } from './coverage.ts';
import { composeExtractiveAnswer } from './extractive-answer.ts';
import { composeFaqAnswer } from './faq-answer.ts';
import { composeGenerativeAnswer } from './generative-answer.ts';
import { namedTenants } from './county-aliases.ts';
import { betterElsewhere, clearlyElsewhereMin, focusOutsideScope, outsideScopeShare } from './scope-evidence.ts';
import { preferTypedHits } from './typed-hits.ts';
import { scopeQuestion, weighHitsByScope, withoutTenantMention, type AnswerScope } from './scope.ts';
import type { GroundedAnswerDeps } from '../generation/generate-grounded-answer.ts';

/** Dependencies of the answer pipeline (all ports or pure functions). */
export interface AnswerDeps<H extends RankedHit = RankedHit> {
  readonly retriever: {
    retrieve(query: string, options: { k: number; filter?: IdFilter }): Promise<readonly H[]>;
  };
  /** Confidence that the hits answer the query; `scope` carries evidence from the question's county scope. */
  readonly confidence: (query: string, hits: readonly H[], scope?: ScopeEvidence) => number;
  readonly knowledge: KnowledgeStore;
  readonly analyzer: TextAnalyzer;
  readonly lexical: LexicalIndex;
  readonly messages: AnswerMessages;
  readonly minConfidence: number;
  readonly indexVersion: () => string;
  /** Generative answers through a configured model; extractive only when absent. */
  readonly generation?: GroundedAnswerDeps;
}

/** One question to answer. */
export interface AnswerRequest {
  readonly question: string;
  readonly today: string;
  readonly tenant?: string;
  readonly topK: number;
  /** False keeps the answer extractive (DV KI § 8: mandatory training not recorded). */
  readonly generativeAllowed?: boolean;
  /** Receives verified sentences of a generated answer as they arrive (streaming channels). */
  readonly onDelta?: (text: string) => void;
  /** A generated answer is written in Leichte Sprache (presentation only, issue #22). */
  readonly plainLanguage?: boolean;
}

/** The answer before it becomes a turn result. */
export interface AnswerDraft {
  readonly outcome: Extract<Outcome, 'answered' | 'no_answer'>;
  readonly answer: string;
  readonly citations: readonly Citation[];
  readonly retrieved: readonly RetrievedPassage[];
  readonly confidence: number;
  readonly provenance: AnswerProvenance;
}

function resolveHits<H extends RankedHit>(hits: readonly H[], knowledge: KnowledgeStore): ResolvedHit[] {
  return hits.flatMap((hit) => {
    const chunk = knowledge.getChunk(hit.id);
    const document = chunk ? knowledge.getDocument(chunk.documentId) : undefined;
    return chunk && document ? [{ hit, chunk, document }] : [];
  });
}

function editionNote(composed: ComposedAnswer, scope: AnswerScope, context: AnswerContext): string | undefined {
  const cited = composed.citations.find((citation) => scope.replaces.has(citation.document));
  const older = cited ? undefined : composed.citations.find((citation) => scope.replacedBy.has(citation.document));
  const newer = older ? scope.replacedBy.get(older.document) : undefined;
  if (older && newer) {
    return fillTemplate(context.messages.olderEditionNote, {
      older: older.title,
      title: newer.title,
      stand: standPart(context.messages, newer.stand),
    });
  }
  if (!cited) return undefined;
  const current = context.knowledge.getDocument(cited.document);
  return fillTemplate(context.messages.editionNote, {
    title: cited.title,
    stand: standPart(context.messages, current?.stand),
  });
}

function abstain(messages: AnswerMessages, scope: AnswerScope): string {
  const lines = [messages.noAnswer];
  if (scope.tenant) lines.unshift(fillTemplate(messages.tenantScope, { tenant: scope.tenant }));
  if (scope.unknownTenant) lines.unshift(fillTemplate(messages.unknownTenant, { tenant: scope.unknownTenant }));
  lines.push(messages.noAnswerOffer);
  return lines.join(' ');
}

/** Answers one standalone question from the knowledge base, or abstains. */
export async function answerQuestion<H extends RankedHit>(deps: AnswerDeps<H>, request: AnswerRequest): Promise<AnswerDraft> {
  const { question, today, topK } = request;
  const scope = scopeQuestion({
    question,
    documents: deps.knowledge.listDocuments(),
    today,
    ...(request.tenant ? { userTenant: request.tenant } : {}),
  });
  const filter: IdFilter = (id) => scope.allowed.has(documentIdOf(id));
  const searchText = withoutTenantMention(question, scope.tenant);
  // The older of two editions in force ranks below the newer one where both could answer.
  const found = scope.allowed.size ? await deps.retriever.retrieve(searchText, { k: Math.max(topK, 10), filter }) : [];
  const hits = preferTypedHits(weighHitsByScope(found, scope, documentIdOf), searchText, (id) => deps.knowledge.getChunk(id)?.text ?? '');
  // Word-vector neighbours are too loose for choosing sentences and judging scope (measured: docs/measurements.md).
  const query = withoutVectorTerms(weighQuery(searchText, deps.analyzer, deps.lexical));
  const outsideScope = scope.tenant ? outsideScopeShare(query, deps.lexical, filter) : 0;
  // A county named in the question whose documents lack what is asked for: abstain (cross-county trap).
  const namedCounty = scope.tenant !== undefined && namedTenants(question, [scope.tenant]).length > 0;
  const trap = namedCounty && focusOutsideScope(searchText, query, deps.lexical, filter, (text) => deps.analyzer.analyze(text));
  const resolved = resolveHits(hits, deps.knowledge);
  // A named county: do other counties' documents answer it clearly better? (another county's figure is a trap)
  const outsideHits =
    namedCounty && !trap && hits.length ? await deps.retriever.retrieve(searchText, { k: 3, filter: (id) => !filter(id) }) : [];
  const elsewhere = outsideHits.length
    ? betterElsewhere({
        question: searchText,
        query,
        analyzer: deps.analyzer,
        inside: resolved.slice(0, 3).map(({ chunk }) => chunk.text),
        outside: resolveHits(outsideHits, deps.knowledge).map(({ chunk }) => chunk.text),
      })
    : 0;
  // Another county's documents answer it clearly better: a cross-county trap as well.
  const elsewhereTrap = elsewhere >= clearlyElsewhereMin;
  const confidence =
    hits.length && !trap && !elsewhereTrap ? deps.confidence(searchText, hits, { outsideScope, betterElsewhere: elsewhere }) : 0;
  const retrieved = resolved.slice(0, topK).map(({ hit, chunk }) => ({ document: chunk.documentId, text: chunk.text, score: hit.score }));
  const base: AnswerProvenance = { mode: 'none', indexVersion: deps.indexVersion() };
  const context: AnswerContext = {
    question,
    query,
    today,
    hits: resolved,
    analyzer: deps.analyzer,
    lexical: deps.lexical,
    knowledge: deps.knowledge,
    messages: deps.messages,
  };
  if (confidence < deps.minConfidence) return noAnswer(deps.messages, scope, retrieved, confidence, base);
  const curated = composeCourseAnswer(context) ?? composeFaqAnswer(context);
  if (curated) return answered(curated, scope, context, { retrieved, confidence, provenance: { ...base, mode: curated.mode } });
  const generated =
    deps.generation && request.generativeAllowed !== false
      ? await composeGenerativeAnswer(context, deps.generation, request.onDelta, request.plainLanguage === true)
      : undefined;
  if (generated?.kind === 'not_in_sources') {
    const { model, promptId, promptVersion } = generated;
    return noAnswer(deps.messages, scope, retrieved, confidence, { ...base, model, promptId, promptVersion });
  }
  if (generated?.kind === 'answered') {
    const { model, promptId, promptVersion, dropped } = generated;
    return answered(generated.composed, scope, context, {
      retrieved,
      confidence,
      provenance: { ...base, mode: 'generative', model, promptId, promptVersion, dropped },
    });
  }
  const extractive = composeExtractiveAnswer(context);
  if (!extractive) return noAnswer(deps.messages, scope, retrieved, confidence, base);
  const fallback = generated?.kind === 'failed' ? generated.failure : undefined;
  const draft = answered(extractive, scope, context, {
    retrieved,
    confidence,
    provenance: { ...base, mode: 'extractive', ...(fallback ? { modelFallback: fallback } : {}) },
  });
  return fallback ? { ...draft, answer: `${deps.messages.modelFallback}\n\n${draft.answer}` } : draft;
}

function noAnswer(
  messages: AnswerMessages,
  scope: AnswerScope,
  retrieved: readonly RetrievedPassage[],
  confidence: number,
  provenance: AnswerProvenance,
): AnswerDraft {
  return { outcome: 'no_answer', answer: abstain(messages, scope), citations: [], retrieved, confidence, provenance };
}

function answered(
  composed: ComposedAnswer,
  scope: AnswerScope,
  context: AnswerContext,
  rest: { retrieved: readonly RetrievedPassage[]; confidence: number; provenance: AnswerProvenance },
): AnswerDraft {
  const note = editionNote(composed, scope, context);
  return {
    outcome: 'answered',
    answer: note ? `${composed.text}\n\n${note}` : composed.text,
    citations: composed.citations,
    retrieved: rest.retrieved,
    confidence: rest.confidence,
    provenance: { ...rest.provenance, ...(note ? { editionNote: note } : {}) },
  };
}
