/**
 * Packs a knowledge base's current snapshot for publication (index files plus a gzipped export of the
 * knowledge store rows) and loads a published one into a replica's knowledge base: the files become a
 * local snapshot (`writeSnapshot`), then store rows and indexes are swapped in one synchronous section.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Publication, PublishedFile, PublishedVersion } from '../ports/index-publication.ts';
import { describeError } from '../shared/errors.ts';
import { readCurrentSnapshot, writeSnapshot } from './index-snapshot.ts';
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

const rowsSchema = z.object({
  documents: z.array(z.object({ id: z.string(), checksum: z.string(), meta: z.string(), text_length: z.number() })),
  chunks: z.array(z.object({ id: z.string(), document_id: z.string(), ordinal: z.number(), body: z.string() })),
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))]);
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
    format: 1, version, stateHash: snapshot.manifest.stateHash, components: snapshot.manifest.components, chunks: snapshot.manifest.chunks, createdAt,
    files: files.map((file) => ({ name: file.name, bytes: file.bytes.byteLength, sha256: sha256(file.bytes) })),
  };
  return { version, manifest: JSON.stringify(manifest), createdAt, publisher, files };
}

/** Outcome of loading a published version. */
export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly version: string; readonly chunks: number; readonly bytes: number }
  | { readonly kind: 'rejected'; readonly reason: string };

/** Checks a fetched version against its manifest: parseable, same index components, every file complete. */
function verify(knowledge: KnowledgeBase, version: PublishedVersion, files: readonly PublishedFile[]): { manifest: PublishedManifest } | { reason: string } {
  const manifest = parsePublishedManifest(version.manifest);
  if (!manifest) return { reason: 'unreadable manifest' };
  if (manifest.components.join(',') !== knowledge.components().join(',')) {
    return { reason: `index components ${manifest.components.join('+')} differ from this replica's ${knowledge.components().join('+')}` };
  }
  const byName = new Map(files.map((file) => [file.name, file.bytes]));
  for (const expected of manifest.files) {
    if (expected.name.split(/[\\/]/).includes('..') || isAbsolute(expected.name)) return { reason: `file name ${expected.name} leaves the snapshot folder` };
    const bytes = byName.get(expected.name);
    if (!bytes || bytes.byteLength !== expected.bytes || sha256(bytes) !== expected.sha256) return { reason: `file ${expected.name} incomplete or changed` };
  }
  return { manifest };
}

/** Writes a fetched version as the local snapshot and swaps it into `knowledge`; never throws. */
export function loadPublished(knowledge: KnowledgeBase, version: PublishedVersion, files: readonly PublishedFile[]): LoadOutcome {
  try {
    const checked = verify(knowledge, version, files);
    if ('reason' in checked) return { kind: 'rejected', reason: checked.reason };
    const { manifest } = checked;
    const rowsFile = files.find((file) => file.name === knowledgeFile);
    const rows = rowsSchema.safeParse(JSON.parse(gunzipSync(rowsFile?.bytes ?? Buffer.alloc(0)).toString('utf8')));
    if (!rows.success) return { kind: 'rejected', reason: 'unreadable knowledge rows' };
    const local = { format: 1 as const, stateHash: manifest.stateHash, version: manifest.version, components: manifest.components, chunks: manifest.chunks, createdAt: manifest.createdAt };
    const dir = writeSnapshot(knowledge.indexRoot, local, (target) => {
      for (const file of files) {
        if (file.name === knowledgeFile) continue;
        mkdirSync(dirname(join(target, file.name)), { recursive: true });
        writeFileSync(join(target, file.name), file.bytes);
      }
    });
    const { lexical, vectors } = knowledge.loadIndexes(dir);
    knowledge.adopt({ rows: rows.data, lexical, vectors, version: manifest.version });
    return { kind: 'loaded', version: manifest.version, chunks: lexical.size, bytes: files.reduce((sum, file) => sum + file.bytes.byteLength, 0) };
  } catch (error) {
    return { kind: 'rejected', reason: describeError(error) };
  }
}
