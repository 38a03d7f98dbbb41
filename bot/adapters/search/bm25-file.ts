/**
 * The file of a saved BM25 index (`lotse-bm25-v2`, written with `v8.serialize`): ids and lengths of the live
 * chunks and per term its posting list as typed arrays, tagged with the analyzer that built it. Reading checks
 * the whole structure and the analyzer, and says "rebuild the index" when the file cannot be used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { TextAnalyzer } from '../../ports/search.ts';

const fileFormat = 'lotse-bm25-v2';

/** The content of the file: a compacted index (removed chunks dropped). */
export interface SavedIndex {
  format: string;
  analyzer: string;
  ids: string[];
  lengths: number[];
  terms: [string, Int32Array, Uint16Array][];
}

/** Writes a compacted index built with `analyzer` to `file`. */
export function writeBm25File(file: string, analyzer: TextAnalyzer, index: Pick<SavedIndex, 'ids' | 'lengths' | 'terms'>): void {
  const saved: SavedIndex = { format: fileFormat, analyzer: analyzerId(analyzer), ...index };
  writeFileSync(file, serialize(saved));
}

/** Reads a file written by `writeBm25File`; throws a clear Error when it is missing, corrupt, of another format or analyzer. */
export function readBm25File(file: string, analyzer: TextAnalyzer): SavedIndex {
  let raw: unknown;
  try {
    raw = deserialize(readFileSync(file));
  } catch (error) {
    throw new Error(`Cannot read the BM25 index file ${file}; rebuild the index`, { cause: error });
  }
  if (!isSavedIndex(raw)) throw new Error(`Not a valid lotse BM25 index file (${fileFormat}): ${file}; rebuild the index`);
  if (raw.analyzer !== analyzerId(analyzer)) {
    throw new Error(`BM25 index ${file} was built with analyzer "${raw.analyzer}", not "${analyzerId(analyzer)}"; rebuild the index`);
  }
  return raw;
}

/** The analyzer's id when it has one (German and plain analyzers do), so a file is only read with the same analysis. */
function analyzerId(analyzer: TextAnalyzer): string {
  return 'id' in analyzer && typeof analyzer.id === 'string' ? analyzer.id : 'unnamed';
}

/** Full structural check of a deserialised file: types, lengths and slot ranges of every posting list. */
function isSavedIndex(raw: unknown): raw is SavedIndex {
  if (typeof raw !== 'object' || raw === null) return false;
  const saved: Partial<Record<keyof SavedIndex, unknown>> = raw;
  const { format, analyzer, ids, lengths, terms } = saved;
  if (format !== fileFormat || typeof analyzer !== 'string' || !Array.isArray(ids) || !Array.isArray(lengths) || !Array.isArray(terms))
    return false;
  if (ids.length !== lengths.length || !ids.every((id) => typeof id === 'string') || !lengths.every((length) => Number.isInteger(length)))
    return false;
  return terms.every((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length !== 3) return false;
    const [term, docs, freqs]: unknown[] = entry;
    if (typeof term !== 'string' || !(docs instanceof Int32Array) || !(freqs instanceof Uint16Array) || docs.length !== freqs.length)
      return false;
    return docs.every((slot) => slot >= 0 && slot < ids.length);
  });
}
