/**
 * Versioned index snapshots under `<dataDir>/index/`: each save writes a new folder, then switches the
 * `CURRENT` pointer atomically (write + rename), so a crash mid-save never leaves a half-written index
 * and replicas can load a snapshot while another is being written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({
  format: z.literal(1),
  stateHash: z.string(),
  version: z.string(),
  components: z.array(z.string()),
  chunks: z.number().int().nonnegative(),
  createdAt: z.string(),
});

/** What a snapshot folder describes about itself. */
export type SnapshotManifest = z.infer<typeof manifestSchema>;

/** Hash of the stored documents' ids and checksums: the index must match it to be reused. */
export function knowledgeStateHash(documents: readonly { id: string; checksum: string }[]): string {
  const hash = createHash('sha256');
  for (const document of [...documents].sort((a, b) => a.id.localeCompare(b.id))) {
    hash.update(`${document.id}\u0000${document.checksum}\n`);
  }
  return hash.digest('hex');
}

/** Reads the current snapshot folder and its manifest; undefined when none exists or it is unreadable. */
export function readCurrentSnapshot(indexRoot: string): { dir: string; manifest: SnapshotManifest } | undefined {
  const pointer = join(indexRoot, 'CURRENT');
  if (!existsSync(pointer)) return undefined;
  const dir = join(indexRoot, readFileSync(pointer, 'utf8').trim());
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  return parsed.success ? { dir, manifest: parsed.data } : undefined;
}

function snapshotName(manifest: SnapshotManifest): string {
  return `snapshot-${manifest.createdAt.replace(/[:.]/g, '-')}-${manifest.version.slice(0, 8)}-${process.pid}`;
}

/** Writes a new snapshot with `write(dir)`, then points `CURRENT` at it and deletes older snapshots. */
export function writeSnapshot(indexRoot: string, manifest: SnapshotManifest, write: (dir: string) => void): string {
  mkdirSync(indexRoot, { recursive: true });
  const name = snapshotName(manifest);
  const dir = join(indexRoot, name);
  mkdirSync(dir, { recursive: true });
  write(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const temporary = join(indexRoot, `CURRENT.${process.pid}.tmp`);
  writeFileSync(temporary, name);
  renameSync(temporary, join(indexRoot, 'CURRENT'));
  for (const entry of readdirSync(indexRoot)) {
    if (entry.startsWith('snapshot-') && entry !== name) rmSync(join(indexRoot, entry), { recursive: true, force: true });
  }
  return dir;
}

/** `writeSnapshot` with asynchronous file operations (a serving replica keeps answering while it writes). */
export async function writeSnapshotAsync(
  indexRoot: string,
  manifest: SnapshotManifest,
  write: (dir: string) => Promise<void>,
): Promise<string> {
  const name = snapshotName(manifest);
  const dir = join(indexRoot, name);
  await mkdir(dir, { recursive: true });
  await write(dir);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const temporary = join(indexRoot, `CURRENT.${process.pid}.tmp`);
  await writeFile(temporary, name);
  await rename(temporary, join(indexRoot, 'CURRENT'));
  for (const entry of await readdir(indexRoot)) {
    if (entry.startsWith('snapshot-') && entry !== name) await rm(join(indexRoot, entry), { recursive: true, force: true });
  }
  return dir;
}
