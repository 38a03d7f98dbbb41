/**
 * Flags chunks of an ingested document that contain instructions to an AI system, role claims or hidden
 * characters (issue #5). They stay in the index for search and extractive answers; the generation step never
 * puts them into a model prompt (`isQuarantined`), and the ingest summary lists them for the document owner.
 */
import { findDocumentInjection, type QuarantineReason } from '../../bot/core/guardrails/document-injection.ts';
import type { IngestedDocument } from '../../bot/ports/knowledge.ts';

/** One quarantined chunk as reported by ingest. */
export interface QuarantinedChunk {
  readonly file: string;
  readonly chunk: number;
  readonly section: string;
  readonly reason: QuarantineReason;
  readonly excerpt: string;
}

/** The quarantined chunks of one document, in chunk order. */
export function flagQuarantinedChunks(document: IngestedDocument): QuarantinedChunk[] {
  return document.chunks.flatMap((chunk) => {
    const finding = findDocumentInjection(chunk.text);
    return finding ? [{ file: document.meta.id, chunk: chunk.ordinal, section: chunk.section, ...finding }] : [];
  });
}
