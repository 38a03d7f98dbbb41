/**
 * Incremental ingest of a folder: walks it recursively, skips files whose checksum is unchanged,
 * parses and stores new or changed ones, removes documents whose files are gone, and reports every
 * file it could not use by name with a reason — the run always continues.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { IngestedDocument } from '../../bot/ports/knowledge.ts';
import { describeError } from '../../bot/shared/errors.ts';
import { chunkingVersion } from './chunker.ts';
import { buildDocument } from './build-document.ts';
import { flagQuarantinedChunks, type QuarantinedChunk } from './flag-injection.ts';
import { parseFile, supportedExtensions } from './parsers/parse-file.ts';
import { silentProgress, type ProgressReporter } from './progress.ts';

/** Where ingested documents go (the knowledge base). */
export interface IngestSink {
  knownChecksums(): Map<string, string>;
  put(document: IngestedDocument): Promise<void>;
  remove(documentId: string): Promise<void>;
}

/** What an ingest run did. */
export interface IngestSummary {
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  chunks: number;
  skipped: { file: string; reason: string }[];
  /** Chunks with instructions to an AI, role claims or hidden text: searchable, never put into a model prompt. */
  quarantined: QuarantinedChunk[];
  seconds: number;
}

const maxFileBytes = 50 * 1024 * 1024;
const sidecarSuffix = '.meta.yaml';

function listFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !entry.name.endsWith(sidecarSuffix) && entry.name.toLowerCase() !== 'readme.md') files.push(path);
    }
  };
  walk(folder);
  return files;
}

async function ingestFile(
  path: string,
  id: string,
  known: Map<string, string>,
  refresh: boolean,
  sink: IngestSink,
  summary: IngestSummary,
): Promise<void> {
  if (!supportedExtensions.some((extension) => path.toLowerCase().endsWith(extension))) {
    summary.skipped.push({ file: id, reason: 'unsupported file type' });
    return;
  }
  if (statSync(path).size > maxFileBytes) {
    summary.skipped.push({ file: id, reason: 'file larger than 50 MB' });
    return;
  }
  const bytes = readFileSync(path);
  const sidecarPath = `${path}${sidecarSuffix}`;
  const sidecarBytes = existsSync(sidecarPath) ? readFileSync(sidecarPath) : undefined;
  const checksum = createHash('sha256')
    .update(bytes)
    .update(sidecarBytes ?? '')
    .update(chunkingVersion)
    .digest('hex');
  if (!refresh && known.get(id) === checksum) {
    summary.unchanged += 1;
    return;
  }
  let sidecar: unknown;
  try {
    sidecar = sidecarBytes ? parseYaml(sidecarBytes.toString('utf8')) : undefined;
  } catch (error) {
    summary.skipped.push({ file: id, reason: `invalid sidecar ${id}${sidecarSuffix}: ${describeError(error).split('\n')[0]}` });
    return;
  }
  const parsed = await parseFile(path, bytes);
  if (parsed.kind === 'failed') {
    summary.skipped.push({ file: id, reason: parsed.reason });
    return;
  }
  const built = buildDocument({ id, checksum, parsed, sidecar });
  if (!built.ok) {
    summary.skipped.push({ file: id, reason: built.reason });
    return;
  }
  await sink.put(built.document);
  summary.chunks += built.document.chunks.length;
  summary.quarantined.push(...flagQuarantinedChunks(built.document));
  if (known.has(id)) summary.updated += 1;
  else summary.added += 1;
}

/** Ingests a folder into the sink. */
export async function ingestFolder(options: {
  folder: string;
  sink: IngestSink;
  refresh?: boolean;
  progress?: ProgressReporter;
}): Promise<IngestSummary> {
  const started = performance.now();
  const progress = options.progress ?? silentProgress;
  const summary: IngestSummary = {
    files: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    chunks: 0,
    skipped: [],
    quarantined: [],
    seconds: 0,
  };
  const known = options.sink.knownChecksums();
  const files = listFiles(options.folder);
  const seen = new Set<string>();
  progress.start(files.length);
  for (const path of files) {
    const id = relative(options.folder, path).split(sep).join('/');
    seen.add(id);
    summary.files += 1;
    try {
      await ingestFile(path, id, known, options.refresh ?? false, options.sink, summary);
    } catch (error) {
      summary.skipped.push({ file: id, reason: describeError(error) });
    }
    progress.tick(id);
  }
  for (const id of known.keys()) {
    if (seen.has(id)) continue;
    await options.sink.remove(id);
    summary.removed += 1;
  }
  progress.done();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
