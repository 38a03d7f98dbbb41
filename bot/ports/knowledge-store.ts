/**
 * Where documents and chunks are kept: SQLite in each data dir, also with `DATABASE_URL` (replicas fill their copy
 * from the published index version, docs/scale-out.md).
 */
import type { Chunk, DocumentMeta, IngestedDocument } from './knowledge.ts';

/** Read and write access to the stored knowledge. */
export interface KnowledgeStore {
  listDocuments(): DocumentMeta[];
  getDocument(id: string): DocumentMeta | undefined;
  getChunk(id: string): Chunk | undefined;
  /** All chunks of one document, in order. */
  chunksOf(documentId: string): Chunk[];
  /** Replaces a document and all its chunks atomically; returns the ids of the chunks it removed. */
  putDocument(document: IngestedDocument): { removedChunkIds: string[] };
  /** Removes a document and its chunks; returns the removed chunk ids. */
  removeDocument(id: string): { removedChunkIds: string[] };
  /** Iterates every chunk (for rebuilding indexes). */
  allChunks(): Iterable<Chunk>;
}
