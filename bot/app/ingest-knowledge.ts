/**
 * Runs an incremental ingest of a folder into the knowledge base, saves a new index snapshot when
 * something changed, and remembers the folder so that `serve` can keep the index fresh.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ingestFolder, type IngestSummary } from '../../knowledge/ingest/ingest-folder.ts';
import type { ProgressReporter } from '../../knowledge/ingest/progress.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

const sourceSchema = z.object({ folder: z.string() });

/** The folder last ingested into a data dir, if recorded. */
export function recordedSourceFolder(dataDir: string): string | undefined {
  const file = join(dataDir, 'source.json');
  if (!existsSync(file)) return undefined;
  const parsed = sourceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data.folder : undefined;
}

/** Ingests `folder` (incrementally unless `refresh`) and persists the indexes when anything changed. */
export async function ingestKnowledge(
  knowledge: KnowledgeBase,
  options: { folder: string; dataDir: string; refresh?: boolean; progress?: ProgressReporter },
): Promise<IngestSummary> {
  const folder = resolve(options.folder);
  const summary = await ingestFolder({
    folder,
    sink: knowledge,
    ...(options.refresh ? { refresh: true } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  const changed = summary.added + summary.updated + summary.removed > 0;
  if (changed || options.refresh || knowledge.indexVersion() === '') knowledge.save();
  writeFileSync(join(options.dataDir, 'source.json'), JSON.stringify({ folder }, null, 2));
  writeFileSync(
    join(options.dataDir, 'last-ingest.json'),
    JSON.stringify(
      { at: new Date().toISOString(), added: summary.added, updated: summary.updated, removed: summary.removed, skipped: summary.skipped },
      null,
      2,
    ),
  );
  return summary;
}
