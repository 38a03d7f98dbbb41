import type { Chunk, DocumentMeta, IngestedDocument } from '../../bot/ports/knowledge.ts';
import type { KnowledgeStore } from '../../bot/ports/knowledge-store.ts';

/** Keeps documents and chunks in maps. */
export class InMemoryKnowledgeStore implements KnowledgeStore {
  private readonly documents = new Map<string, DocumentMeta>();
  private readonly chunks = new Map<string, Chunk[]>();

  listDocuments(): DocumentMeta[] {
    return [...this.documents.values()];
  }
  getDocument(id: string): DocumentMeta | undefined {
    return this.documents.get(id);
  }
  getChunk(id: string): Chunk | undefined {
    for (const list of this.chunks.values()) {
      const found = list.find((chunk) => chunk.id === id);
      if (found) return found;
    }
    return undefined;
  }
  chunksOf(documentId: string): Chunk[] {
    return [...(this.chunks.get(documentId) ?? [])];
  }
  putDocument(document: IngestedDocument): { removedChunkIds: string[] } {
    const removed = this.removeDocument(document.meta.id);
    this.documents.set(document.meta.id, document.meta);
    this.chunks.set(document.meta.id, [...document.chunks]);
    return removed;
  }
  removeDocument(id: string): { removedChunkIds: string[] } {
    const removedChunkIds = (this.chunks.get(id) ?? []).map((chunk) => chunk.id);
    this.documents.delete(id);
    this.chunks.delete(id);
    return { removedChunkIds };
  }
  *allChunks(): Iterable<Chunk> {
    for (const list of this.chunks.values()) yield* list;
  }
}

/** Builds an ingested document from paragraphs (one chunk each) for tests. */
export function sampleDocument(
  meta: Partial<DocumentMeta> & { id: string },
  paragraphs: readonly (string | Partial<Chunk>)[],
): IngestedDocument {
  const fullMeta: DocumentMeta = { title: meta.id, type: 'sonstiges', supersedes: [], visibility: [], checksum: `sum-${meta.id}`, ...meta };
  let offset = 0;
  const chunks = paragraphs.map((paragraph, ordinal): Chunk => {
    const partial = typeof paragraph === 'string' ? { text: paragraph } : paragraph;
    const text = partial.text ?? '';
    const chunk: Chunk = {
      id: `${meta.id}#${ordinal}`,
      documentId: meta.id,
      ordinal,
      section: '',
      start: offset,
      end: offset + text.length,
      kind: 'text',
      ...partial,
      text,
    };
    offset += text.length + 2;
    return chunk;
  });
  return { meta: fullMeta, text: chunks.map((chunk) => chunk.text).join('\n\n'), chunks };
}
