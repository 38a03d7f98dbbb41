/**
 * Packs a knowledge base's current snapshot for publication (index files plus a gzipped export of the
 * knowledge store rows) and loads a published one into a replica's knowledge base while it keeps answering:
 * rows are staged beside the served ones and the files become a local snapshot step by step, then store rows
 * and indexes are swapped in one synchronous section.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Publication, PublishedFile, PublishedVersion } from '../ports/index-publication.ts';
import { describeError } from '../shared/errors.ts';
import { readCurrentSnapshot, writeSnapshotAsync } from './index-snapshot.ts';
import { arrayItems } from './json-array-items.ts';
import type { HnswVectorIndex } from '../adapters/search/hnsw-vector-index.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** The file carrying the knowledge store rows inside a published snapshot. */
export const knowledgeFile = 'knowledge-rows.json.gz';

const publishedManifestSchema = z.object({
  format: z.literal(1),
  version: z.string().min(1),
  stateHash: z.string(),
  components: z.array(z.string()),
  chunks: z.number().int().nonnegative(),
  createdAt: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() })),
});

/** What a published version says about itself. */
export type PublishedManifest = z.infer<typeof publishedManifestSchema>;

// Rows of the knowledge rows file, checked batch by batch when they are staged.
const documentRow = z.object({ id: z.string(), checksum: z.string(), meta: z.string(), text_length: z.number() });
const chunkRow = z.object({ id: z.string(), document_id: z.string(), ordinal: z.number(), body: z.string() });

const gunzipAsync = promisify(gunzip);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );
}

/** Parses a published manifest; undefined when it is not one this version understands. */
export function parsePublishedManifest(text: string): PublishedManifest | undefined {
  try {
    const parsed = publishedManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The publication of `knowledge`'s current local snapshot (call `save()` first); undefined when it has none. */
export function packSnapshot(knowledge: KnowledgeBase, publisher: string, now: Date): Publication | undefined {
  const snapshot = readCurrentSnapshot(knowledge.indexRoot);
  if (!snapshot) return undefined;
  const files: PublishedFile[] = filesUnder(snapshot.dir)
    .filter((name) => name !== 'manifest.json')
    .map((name) => ({ name, bytes: readFileSync(join(snapshot.dir, name)) }));
  files.push({ name: knowledgeFile, bytes: gzipSync(JSON.stringify(knowledge.store.exportRows())) });
  const createdAt = now.toISOString();
  const version = `${createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${snapshot.manifest.stateHash.slice(0, 12)}`;
  const manifest: PublishedManifest = {
    format: 1,
    version,
    stateHash: snapshot.manifest.stateHash,
    components: snapshot.manifest.components,
    chunks: snapshot.manifest.chunks,
    createdAt,
    files: files.map((file) => ({ name: file.name, bytes: file.bytes.byteLength, sha256: sha256(file.bytes) })),
  };
  return { version, manifest: JSON.stringify(manifest), createdAt, publisher, files };
}

/** Outcome of loading a published version. */
export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly version: string; readonly chunks: number; readonly bytes: number }
  | { readonly kind: 'rejected'; readonly reason: string };

/** Checks a fetched version against its manifest: parseable, same index components, every file complete. */
async function verify(
  knowledge: KnowledgeBase,
  version: PublishedVersion,
  files: readonly PublishedFile[],
  pause: () => Promise<void>,
): Promise<{ manifest: PublishedManifest } | { reason: string }> {
  const manifest = parsePublishedManifest(version.manifest);
  if (!manifest) return { reason: 'unreadable manifest' };
  if (manifest.components.join(',') !== knowledge.components().join(',')) {
    return { reason: `index components ${manifest.components.join('+')} differ from this replica's ${knowledge.components().join('+')}` };
  }
  const byName = new Map(files.map((file) => [file.name, file.bytes]));
  for (const expected of manifest.files) {
    if (expected.name.split(/[\\/]/).includes('..') || isAbsolute(expected.name))
      return { reason: `file name ${expected.name} leaves the snapshot folder` };
    const bytes = byName.get(expected.name);
    if (!bytes || bytes.byteLength !== expected.bytes || sha256(bytes) !== expected.sha256)
      return { reason: `file ${expected.name} incomplete or changed` };
    await pause();
  }
  return { manifest };
}

/** How a load spaces out its work so that the replica keeps answering (tests inject both waits). */
export interface LoadPacing {
  /** Lets other work run between two steps; default `restingPause()`. */
  readonly pause?: () => Promise<void>;
  /** Rows staged per step (default 100, a few milliseconds). */
  readonly batch?: number;
  /** One wait for an in-flight retrieval before the swap; default 10 ms. */
  readonly idleWait?: () => Promise<void>;
  /** Waits for in-flight retrievals before the swap goes ahead anyway (default 1,000, no starvation under load). */
  readonly maxIdleWaits?: number;
}

/**
 * The default pause: rests twice as long as the step before it ran (at least 5, at most 50 ms), so a load takes
 * at most about a third of the event loop and a chat turn with its several database round trips gets through.
 */
function restingPause(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    const worked = performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, Math.max(5, 2 * worked))));
    since = performance.now();
  };
}
const tenMs = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * Stages the rows of the knowledge rows file batch by batch, reading and validating each batch only when it is
 * staged (documents before the chunks that refer to them, as `packSnapshot` writes them); false when a row is
 * unreadable or a list is missing.
 */
async function stageAll(knowledge: KnowledgeBase, bytes: Buffer, batch: number, pause: () => Promise<void>): Promise<boolean> {
  const pending = { documents: [] as unknown[], chunks: [] as unknown[] };
  const seen = new Set<string>();
  const flush = async (key: 'documents' | 'chunks'): Promise<boolean> => {
    if (key === 'chunks' && pending.documents.length && !(await flush('documents'))) return false;
    if (!pending[key].length) return true;
    if (key === 'documents') {
      const documents = z.array(documentRow).safeParse(pending.documents);
      if (!documents.success) return false;
      knowledge.store.stage({ documents: documents.data });
    } else {
      const chunks = z.array(chunkRow).safeParse(pending.chunks);
      if (!chunks.success) return false;
      knowledge.store.stage({ chunks: chunks.data });
    }
    pending[key] = [];
    await pause();
    return true;
  };
  try {
    for (const { key, item } of arrayItems(bytes)) {
      if (key !== 'documents' && key !== 'chunks') continue;
      seen.add(key);
      pending[key].push(item);
      if (pending[key].length >= batch && !(await flush(key))) return false;
    }
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
  return (await flush('chunks')) && seen.size === 2;
}

/**
 * Writes a fetched version as the local snapshot and swaps it into `knowledge`; never throws. The work is
 * spaced out (`pacing`): verification file by file, decompression off the main thread, rows read, checked and
 * staged beside the served ones in batches, the snapshot written asynchronously; only reading the indexes, the
 * swap (table renames and installing the indexes, after in-flight retrievals finished) and dropping the old
 * tables run as single steps.
 */
export async function loadPublished(
  knowledge: KnowledgeBase,
  version: PublishedVersion,
  files: readonly PublishedFile[],
  pacing: LoadPacing = {},
): Promise<LoadOutcome> {
  const pause = pacing.pause ?? restingPause();
  let staging = false;
  try {
    const checked = await verify(knowledge, version, files, pause);
    if ('reason' in checked) return { kind: 'rejected', reason: checked.reason };
    const { manifest } = checked;
    const rowsFile = files.find((file) => file.name === knowledgeFile);
    const rowBytes = await gunzipAsync(rowsFile?.bytes ?? Buffer.alloc(0));
    await pause();
    knowledge.store.beginStaging();
    staging = true;
    if (!(await stageAll(knowledge, rowBytes, pacing.batch ?? 100, pause)))
      return { kind: 'rejected', reason: 'unreadable knowledge rows' };
    const local = {
      format: 1 as const,
      stateHash: manifest.stateHash,
      version: manifest.version,
      components: manifest.components,
      chunks: manifest.chunks,
      createdAt: manifest.createdAt,
    };
    const dir = await writeSnapshotAsync(knowledge.indexRoot, local, async (target) => {
      for (const file of files) {
        if (file.name === knowledgeFile) continue;
        await mkdir(dirname(join(target, file.name)), { recursive: true });
        await writeFile(join(target, file.name), file.bytes);
      }
    });
    await pause();
    const lexical = knowledge.loadLexical(dir);
    const vectors: HnswVectorIndex[] = [];
    for (const channel of knowledge.vectors) {
      await pause();
      vectors.push(knowledge.loadVectors(dir, channel));
    }
    await pause();
    // A retrieval awaiting its embedder would read rows of the new version with hits of the old indexes.
    for (let waits = 0; knowledge.busy() && waits < (pacing.maxIdleWaits ?? 1000); waits += 1) await (pacing.idleWait ?? tenMs)();
    knowledge.adopt({ lexical, vectors, version: manifest.version });
    staging = false;
    await pause();
    quietly(() => knowledge.store.dropReplaced()); // loaded either way; leftovers go at the next load
    return {
      kind: 'loaded',
      version: manifest.version,
      chunks: lexical.size,
      bytes: files.reduce((sum, file) => sum + file.bytes.byteLength, 0),
    };
  } catch (error) {
    return { kind: 'rejected', reason: describeError(error) };
  } finally {
    if (staging) quietly(() => knowledge.store.discardStaging()); // the next load starts by removing leftovers
  }
}

function quietly(work: () => void): void {
  try {
    work();
  } catch {
    // only tidying up
  }
}
