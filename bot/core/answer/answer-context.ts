/**
 * Shared types of the answer pipeline: what its steps receive and what they produce.
 */
import type { Chunk, DocumentMeta } from '../../ports/knowledge.ts';
import type { KnowledgeStore } from '../../ports/knowledge-store.ts';
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import type { Citation } from '../../ports/turn.ts';
import type { AnswerMessages } from './answer-messages.ts';
import type { WeightedQuery } from './coverage.ts';
import { fillTemplate } from './answer-messages.ts';
import { formatGermanDate } from './format-date.ts';

/** A ranked chunk id from retrieval (the hybrid retriever's hits have more fields). */
export interface RankedHit {
  readonly id: string;
  readonly score: number;
}

/** A hit resolved to its chunk and document. */
export interface ResolvedHit {
  readonly hit: RankedHit;
  readonly chunk: Chunk;
  readonly document: DocumentMeta;
}

/** What every answer step needs. */
export interface AnswerContext {
  readonly question: string;
  readonly query: WeightedQuery;
  readonly today: string;
  readonly hits: readonly ResolvedHit[];
  readonly analyzer: TextAnalyzer;
  readonly lexical: LexicalIndex;
  readonly knowledge: KnowledgeStore;
  readonly messages: AnswerMessages;
}

/** The text and sources one answer step produced. */
export interface ComposedAnswer {
  readonly mode: 'extractive' | 'faq' | 'course' | 'generative';
  readonly text: string;
  readonly citations: readonly Citation[];
}

/** The document id of a chunk id (`<document>#<ordinal>`). */
export function documentIdOf(chunkId: string): string {
  const hash = chunkId.lastIndexOf('#');
  return hash < 0 ? chunkId : chunkId.slice(0, hash);
}

/** Builds a citation for a quote from a resolved hit. */
export function citationFor(resolved: ResolvedHit, quote: string, section?: string): Citation {
  return {
    document: resolved.document.id,
    title: resolved.document.title,
    section: section ?? resolved.chunk.section,
    stand: resolved.document.stand ?? null,
    quote,
    score: resolved.hit.score,
  };
}

/** ' (Stand 01.03.2025)' or '' — the Stand part of an intro line. */
export function standPart(messages: AnswerMessages, stand: string | undefined): string {
  return stand ? fillTemplate(messages.standPart, { stand: formatGermanDate(stand) }) : '';
}
