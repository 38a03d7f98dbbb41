/**
 * The knowledge base of one process: the SQLite knowledge store plus the BM25 and vector indexes built
 * from it, persisted as versioned snapshots. It is the ingest sink (documents in, indexes updated) and
 * the retrieval side of the answer pipeline.
 */
import { join } from 'node:path';
import { HashedNgramEmbedder } from '../adapters/search/hashed-ngram-embedder.ts';
import { HnswVectorIndex } from '../adapters/search/hnsw-vector-index.ts';
import { Bm25Index } from '../adapters/search/bm25-index.ts';
import { SqliteKnowledgeStore } from '../adapters/storage/sqlite-knowledge-store.ts';
import type { SqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import type { Chunk, DocumentMeta, IngestedDocument } from '../ports/knowledge.ts';
import type { Embedder, IdFilter, TextAnalyzer } from '../ports/search.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';
import { HybridRetriever, type RetrievalHit } from '../core/retrieval/hybrid-retriever.ts';
import { createSentenceEvidence } from '../core/retrieval/sentence-evidence.ts';
import { knowledgeStateHash, readCurrentSnapshot, writeSnapshot } from './index-snapshot.ts';

/** One vector list of the hybrid retrieval: an embedder and the index of its vectors. */
export interface VectorChannel {
  readonly embedder: Embedder;
  /** Weight of this list's cosine similarity in the fusion. */
  readonly weight: number;
  index: HnswVectorIndex;
}

/** The text a chunk is indexed under: title and section add context to short passages. */
export function indexTextOf(chunk: Chunk, document: DocumentMeta | undefined): string {
  return [document?.title ?? '', chunk.section, chunk.text].filter(Boolean).join('\n');
}

const embedBatch = 256;

/** Store + indexes, kept consistent with each other. */
export class KnowledgeBase {
  readonly store: SqliteKnowledgeStore;
  lexical: Bm25Index;
  readonly vectors: VectorChannel[];
  /** Hybrid retrieval over the current indexes (replaced whenever they are). */
  retriever: HybridRetriever;
  private version = '';
  private retrieving = 0;

  constructor(
    private readonly options: {
      readonly dataDir: string;
      readonly database: SqliteDatabase;
      readonly analyzer: TextAnalyzer;
      readonly logger: Logger;
      readonly embedders?: readonly { readonly embedder: Embedder; readonly weight: number }[];
    },
  ) {
    this.store = new SqliteKnowledgeStore(options.database);
    this.lexical = new Bm25Index(options.analyzer);
    const embedders = options.embedders ?? [{ embedder: new HashedNgramEmbedder(), weight: 0.3 }];
    this.vectors = embedders.map(({ embedder, weight }) => ({ embedder, weight, index: new HnswVectorIndex(embedder.dimensions) }));
    this.retriever = this.createRetriever();
  }

  private createRetriever(): HybridRetriever {
    const evidence = createSentenceEvidence({ textOf: (id) => this.textOf(id), analyzer: this.options.analyzer, lexical: this.lexical });
    return new HybridRetriever({
      lexical: this.lexical,
      vectors: this.vectors.map(({ embedder, index, weight }) => ({ embedder, index, weight })),
      evidence,
      onListFailure: (embedder, error) => this.options.logger.warn('embedding-list-skipped', { embedder, error: describeError(error) }),
    });
  }

  /** Retrieval over the current indexes, counted so that a published snapshot is not swapped in while one awaits an embedder. */
  async retrieve(query: string, options: { k: number; filter?: IdFilter }): Promise<RetrievalHit[]> {
    this.retrieving += 1;
    try {
      return await this.retriever.retrieve(query, options);
    } finally {
      this.retrieving -= 1;
    }
  }

  /** True while a retrieval is in flight (its hits would not match a swapped store). */
  busy(): boolean {
    return this.retrieving > 0;
  }

  /** The indexed text of a chunk (title, section and body), '' for unknown ids. */
  textOf(id: string): string {
    const chunk = this.store.getChunk(id);
    return chunk ? indexTextOf(chunk, this.store.getDocument(chunk.documentId)) : '';
  }

  /** The folder of this knowledge base's versioned snapshots. */
  get indexRoot(): string {
    return join(this.options.dataDir, 'index');
  }

  /** Another knowledge base with the same analyzer and embedders on its own data dir and database (the leader's work copy). */
  sibling(dataDir: string, database: SqliteDatabase): KnowledgeBase {
    return new KnowledgeBase({ ...this.options, dataDir, database });
  }

  /** Reads the indexes of a snapshot folder without installing them (throws when a file is corrupt). */
  loadIndexes(dir: string): { lexical: Bm25Index; vectors: HnswVectorIndex[] } {
    return { lexical: this.loadLexical(dir), vectors: this.vectors.map((channel) => this.loadVectors(dir, channel)) };
  }

  /** Reads the BM25 index of a snapshot folder (one step of `loadIndexes`). */
  loadLexical(dir: string): Bm25Index {
    return Bm25Index.load(join(dir, 'bm25.bin'), this.options.analyzer);
  }

  /** Reads one vector channel's index of a snapshot folder (one step of `loadIndexes`). */
  loadVectors(dir: string, channel: VectorChannel): HnswVectorIndex {
    return HnswVectorIndex.load(join(dir, safeName(channel.embedder.id)), channel.embedder.dimensions);
  }

  /**
   * Installs a published snapshot whose rows are staged in the store (`store.beginStaging`, `store.stage`):
   * the staged rows and the indexes become the served ones in one synchronous section, so no request sees
   * new chunks with old indexes or the reverse.
   */
  adopt(loaded: { lexical: Bm25Index; vectors: readonly HnswVectorIndex[]; version: string }): void {
    this.store.swapStaged();
    this.install(loaded.lexical, loaded.vectors);
    this.version = loaded.version;
  }

  private install(lexical: Bm25Index, vectors: readonly HnswVectorIndex[]): void {
    this.lexical = lexical;
    this.vectors.forEach((channel, index) => {
      channel.index = vectors[index]!;
    });
    this.retriever = this.createRetriever();
  }

  /** Ids of the index components, in snapshot order (BM25, then each embedder). */
  components(): string[] {
    return ['bm25', ...this.vectors.map((channel) => channel.embedder.id)];
  }

  /** Loads the persisted snapshot when it matches the store; otherwise rebuilds and saves. Returns how. */
  async open(): Promise<'loaded' | 'rebuilt'> {
    this.store.reload();
    const stateHash = knowledgeStateHash(this.store.listDocuments());
    const snapshot = readCurrentSnapshot(this.indexRoot);
    const matches = snapshot?.manifest.stateHash === stateHash && snapshot.manifest.components.join(',') === this.components().join(',');
    if (snapshot && matches) {
      try {
        const { lexical, vectors } = this.loadIndexes(snapshot.dir);
        this.install(lexical, vectors);
        this.version = snapshot.manifest.version;
        return 'loaded';
      } catch (error) {
        this.options.logger.warn('index-corrupt-rebuilding', { dir: snapshot.dir, error: describeError(error) });
      }
    }
    await this.rebuild();
    return 'rebuilt';
  }

  /** Loads a snapshot another process (ingest, FAQ approval) wrote since; returns whether it did. */
  async refreshIfChanged(): Promise<boolean> {
    const snapshot = readCurrentSnapshot(this.indexRoot);
    if (!snapshot || snapshot.manifest.version === this.version) return false;
    await this.open();
    return true;
  }

  /** Re-creates every index from the stored chunks and saves a snapshot. */
  async rebuild(): Promise<void> {
    this.lexical = new Bm25Index(this.options.analyzer);
    for (const channel of this.vectors) channel.index = new HnswVectorIndex(channel.embedder.dimensions);
    this.retriever = this.createRetriever();
    let batch: Chunk[] = [];
    for (const chunk of this.store.allChunks()) {
      batch.push(chunk);
      if (batch.length >= embedBatch) {
        await this.indexChunks(batch);
        batch = [];
      }
    }
    await this.indexChunks(batch);
    this.save();
  }

  /** Checksums of stored documents from folders (ingest skips unchanged files); FAQ entries from tickets are not folder files. */
  knownChecksums(): Map<string, string> {
    return new Map(
      this.store
        .listDocuments()
        .filter((meta) => !meta.id.startsWith('lotse-faq/'))
        .map((meta) => [meta.id, meta.checksum]),
    );
  }

  /** Stores a document and (re-)indexes its chunks; embeds first, so a failing embedder changes nothing. */
  async put(document: IngestedDocument): Promise<void> {
    const texts = document.chunks.map((chunk) => indexTextOf(chunk, document.meta));
    const vectors = await this.embedAll(texts);
    const { removedChunkIds } = this.store.putDocument(document);
    this.unindex(removedChunkIds);
    this.addToIndexes(document.chunks, texts, vectors);
  }

  /** Removes a document from the store and the indexes. */
  async remove(documentId: string): Promise<void> {
    this.unindex(this.store.removeDocument(documentId).removedChunkIds);
  }

  /** Persists the indexes as a new snapshot. */
  save(): void {
    const documents = this.store.listDocuments();
    const stateHash = knowledgeStateHash(documents);
    const version = `${stateHash.slice(0, 12)}-${this.components().join('+')}`;
    writeSnapshot(
      this.indexRoot,
      { format: 1, stateHash, version, components: this.components(), chunks: this.lexical.size, createdAt: new Date().toISOString() },
      (dir) => {
        this.lexical.save(join(dir, 'bm25.bin'));
        for (const channel of this.vectors) channel.index.save(join(dir, safeName(channel.embedder.id)));
      },
    );
    this.version = version;
  }

  /** Version of the loaded index (recorded with every answer). */
  indexVersion(): string {
    return this.version;
  }

  private unindex(chunkIds: readonly string[]): void {
    if (chunkIds.length === 0) return;
    this.lexical.remove(chunkIds);
    for (const channel of this.vectors) channel.index.remove(chunkIds);
  }

  private async indexChunks(chunks: readonly Chunk[]): Promise<void> {
    if (chunks.length === 0) return;
    const texts = chunks.map((chunk) => indexTextOf(chunk, this.store.getDocument(chunk.documentId)));
    this.addToIndexes(chunks, texts, await this.embedAll(texts));
  }

  /** One list of vectors per vector channel, in chunk order. */
  private async embedAll(texts: readonly string[]): Promise<number[][][]> {
    const perChannel: number[][][] = [];
    for (const channel of this.vectors) {
      const vectors: number[][] = [];
      for (let offset = 0; offset < texts.length; offset += embedBatch) {
        vectors.push(...(await channel.embedder.embed(texts.slice(offset, offset + embedBatch))));
      }
      perChannel.push(vectors);
    }
    return perChannel;
  }

  private addToIndexes(chunks: readonly Chunk[], texts: readonly string[], vectors: readonly number[][][]): void {
    this.lexical.upsert(chunks.map((chunk, index) => ({ id: chunk.id, text: texts[index]! })));
    this.vectors.forEach((channel, list) => {
      channel.index.upsert(chunks.map((chunk, index) => ({ id: chunk.id, vector: vectors[list]![index]! })));
    });
  }
}

function safeName(id: string): string {
  return id.replace(/[^\w.-]+/g, '_');
}
