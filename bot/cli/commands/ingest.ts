/**
 * `lotse ingest <folder> [--data <dir>] [--refresh] [--publish]`: incremental ingest with a summary; with
 * `--publish` (needs `DATABASE_URL`) one re-index leader cycle under the `reindex` lease instead (cron).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ingestKnowledge } from '../../app/ingest-knowledge.ts';
import { createProgressReporter } from '../../../knowledge/ingest/progress.ts';
import type { IngestSummary } from '../../../knowledge/ingest/ingest-folder.ts';
import type { CliIo } from '../cli-io.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions, UsageError } from '../parse-options.ts';
import { publishOnce } from './ingest-publish.ts';

/** Formats the ingest summary for operators. */
export function formatIngestSummary(summary: IngestSummary): string {
  const lines = [
    `Ingested ${summary.files} file(s) in ${summary.seconds.toFixed(2)} s: ${summary.added} added, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.removed} removed, ${summary.skipped.length} skipped; ${summary.chunks} chunk(s) indexed.`,
  ];
  for (const skipped of summary.skipped) lines.push(`  skipped ${skipped.file}: ${skipped.reason}`);
  for (const chunk of summary.quarantined ?? []) {
    lines.push(
      `  quarantined ${chunk.file}#${chunk.chunk}${chunk.section ? ` (${chunk.section})` : ''}: ${chunk.reason} "${chunk.excerpt}" (searchable, never sent to a language model)`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Runs the ingest command. */
export async function runIngest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    data: { type: 'string' },
    refresh: { type: 'boolean' },
    publish: { type: 'boolean' },
  });
  const folder = positionals[0];
  if (!folder) throw new UsageError('ingest needs a folder.');
  const absolute = resolve(io.cwd, folder);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    io.stderr(`Folder not found or not a directory: ${absolute}\n`);
    return 1;
  }
  const { lotse, config } = await openLotse(io, values.data, { quiet: true });
  try {
    if (values.publish) return await publishOnce(lotse, absolute, io);
    const summary = await ingestKnowledge(lotse.knowledge, {
      folder: absolute,
      dataDir: config.dataDir,
      ...(values.refresh ? { refresh: true } : {}),
      progress: createProgressReporter({ write: io.stderr, interactive: io.interactive }),
    });
    io.stdout(formatIngestSummary(summary));
    return 0;
  } finally {
    await lotse.close();
  }
}
