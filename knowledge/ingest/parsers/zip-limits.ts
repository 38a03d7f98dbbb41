/**
 * Guards against zip bombs before a DOCX is unpacked (issue #18, item 11). The declared sizes in a ZIP are
 * written by whoever built it, so they are only a first filter: every entry is actually inflated, with the
 * output capped (`maxOutputLength`) at what is still allowed, and the bytes really produced are counted.
 * Also refused: too many entries, overlapping entries, unsafe paths, encryption, ZIP64 and archives nested
 * deeper than an embedded office document.
 */
import { inflateRawSync } from 'node:zlib';

/** Limits for office documents. */
export interface ZipLimits {
  /** Entries per archive (a long Word document has a few dozen). */
  readonly maxEntries: number;
  /** Bytes all entries (nested ones included) may inflate to. */
  readonly maxUncompressedBytes: number;
  /** Inflated/compressed per entry, checked for entries above `ratioFloorBytes`. */
  readonly maxRatio: number;
  /** Entries smaller than this are not ratio-checked (small XML parts compress very well). */
  readonly ratioFloorBytes: number;
  /** Archives inside the archive: 1 allows an embedded office document, but nothing inside that. */
  readonly maxNesting: number;
}

/** The limits used for uploads and ingestion. */
export const zipLimits: ZipLimits = {
  maxEntries: 5_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxNesting: 1,
};

/** Why an archive is refused; a value, never thrown. */
export type ZipProblem =
  | { readonly kind: 'not-zip' }
  | { readonly kind: 'damaged'; readonly detail: string }
  | { readonly kind: 'zip64' }
  | { readonly kind: 'encrypted'; readonly entry: string }
  | { readonly kind: 'unsupported-method'; readonly entry: string; readonly method: number }
  | { readonly kind: 'too-many-entries'; readonly entries: number; readonly limit: number }
  | { readonly kind: 'too-large'; readonly limitBytes: number }
  | { readonly kind: 'ratio'; readonly entry: string; readonly ratio: number; readonly limit: number }
  | { readonly kind: 'size-mismatch'; readonly entry: string; readonly declared: number; readonly actual: number }
  | { readonly kind: 'overlap'; readonly entry: string }
  | { readonly kind: 'nested'; readonly entry: string; readonly limit: number }
  | { readonly kind: 'unsafe-path'; readonly entry: string };

const endOfCentralDirectory = 0x06054b50;
const centralEntry = 0x02014b50;
const localEntry = 0x04034b50;

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressed: number;
  readonly declared: number;
  readonly localOffset: number;
}

/** A path that would leave the extraction folder or is no plain relative name. */
export function isUnsafeEntryName(name: string): boolean {
  if (!name || name.includes('\0') || /^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

function findEnd(view: DataView, length: number): number {
  for (let offset = length - 22; offset >= Math.max(0, length - 22 - 65_535); offset -= 1) {
    if (view.getUint32(offset, true) === endOfCentralDirectory) return offset;
  }
  return -1;
}

function readEntries(bytes: Uint8Array, view: DataView, limits: ZipLimits): Entry[] | ZipProblem {
  const end = findEnd(view, bytes.length);
  if (end < 0) return { kind: 'not-zip' };
  const [disk, directoryDisk] = [view.getUint16(end + 4, true), view.getUint16(end + 6, true)];
  const [onDisk, count] = [view.getUint16(end + 8, true), view.getUint16(end + 10, true)];
  const [size, start] = [view.getUint32(end + 12, true), view.getUint32(end + 16, true)];
  if (count === 0xffff || start === 0xffffffff || size === 0xffffffff) return { kind: 'zip64' };
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) return { kind: 'damaged', detail: 'multi-part archive' };
  if (count > limits.maxEntries) return { kind: 'too-many-entries', entries: count, limit: limits.maxEntries };
  if (start + size > end) return { kind: 'damaged', detail: 'central directory outside the archive' };
  const entries: Entry[] = [];
  let offset = start;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== centralEntry)
      return { kind: 'damaged', detail: 'damaged ZIP central directory' };
    const nameLength = view.getUint16(offset + 28, true);
    const name = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8');
    const entry: Entry = {
      name,
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressed: view.getUint32(offset + 20, true),
      declared: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    if (entry.compressed === 0xffffffff || entry.declared === 0xffffffff || entry.localOffset === 0xffffffff) return { kind: 'zip64' };
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Where an entry's data lies, checked against the local header and the other entries. */
function dataRanges(view: DataView, entries: readonly Entry[], directoryStart: number): Array<{ start: number; end: number }> | ZipProblem {
  const ranges = entries.map((entry) => {
    const at = entry.localOffset;
    if (at + 30 > directoryStart || view.getUint32(at, true) !== localEntry) return undefined;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    return { header: at, start, end: start + entry.compressed };
  });
  const missing = ranges.findIndex((range) => !range || range.end > directoryStart);
  if (missing >= 0) return { kind: 'damaged', detail: `entry ${entries[missing]!.name} outside the archive` };
  const sorted = ranges.map((range, index) => ({ ...range!, index })).sort((a, b) => a.header - b.header);
  for (let index = 1; index < sorted.length; index += 1) {
    // Overlapping entries reuse one compressed block many times: the "better zip bomb" (Fifield 2019).
    if (sorted[index]!.header < sorted[index - 1]!.end) return { kind: 'overlap', entry: entries[sorted[index]!.index]!.name };
  }
  return ranges.map((range) => ({ start: range!.start, end: range!.end }));
}

interface Budget {
  remaining: number;
}

function inflateCapped(data: Uint8Array, cap: number): Buffer | 'over' | 'broken' {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1) });
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'broken';
  }
}

const isZip = (data: Uint8Array): boolean =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

function checkEntry(entry: Entry, data: Uint8Array, limits: ZipLimits, budget: Budget, depth: number): ZipProblem | undefined {
  if (isUnsafeEntryName(entry.name)) return { kind: 'unsafe-path', entry: entry.name };
  if (entry.flags & 0x1) return { kind: 'encrypted', entry: entry.name };
  if (entry.method !== 0 && entry.method !== 8) return { kind: 'unsupported-method', entry: entry.name, method: entry.method };
  const ratioCap = Math.max(limits.ratioFloorBytes, data.length * limits.maxRatio);
  const tooLarge: ZipProblem = { kind: 'too-large', limitBytes: limits.maxUncompressedBytes };
  if (entry.declared > budget.remaining) return tooLarge;
  let output: Uint8Array;
  if (entry.method === 0) {
    output = data;
    if (output.length > budget.remaining) return tooLarge;
  } else {
    const cap = Math.min(budget.remaining, ratioCap);
    const inflated = inflateCapped(data, cap);
    if (inflated === 'broken') return { kind: 'damaged', detail: `entry ${entry.name} does not inflate` };
    if (inflated === 'over' || inflated.length > cap) {
      return cap === budget.remaining
        ? tooLarge
        : { kind: 'ratio', entry: entry.name, ratio: Math.round(cap / Math.max(1, data.length)), limit: limits.maxRatio };
    }
    output = inflated;
  }
  budget.remaining -= output.length;
  if (output.length !== entry.declared)
    return { kind: 'size-mismatch', entry: entry.name, declared: entry.declared, actual: output.length };
  if (!isZip(output)) return undefined;
  if (depth + 1 > limits.maxNesting) return { kind: 'nested', entry: entry.name, limit: limits.maxNesting };
  return inspect(output, limits, budget, depth + 1);
}

function inspect(bytes: Uint8Array, limits: ZipLimits, budget: Budget, depth: number): ZipProblem | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readEntries(bytes, view, limits);
  if (!Array.isArray(entries)) return entries;
  const end = findEnd(view, bytes.length);
  const ranges = dataRanges(view, entries, view.getUint32(end + 16, true));
  if (!Array.isArray(ranges)) return ranges;
  for (const [index, entry] of entries.entries()) {
    const range = ranges[index]!;
    const problem = checkEntry(entry, bytes.subarray(range.start, range.end), limits, budget, depth);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Inspects a ZIP archive (DOCX) by inflating every entry under a shared byte budget; at most
 * `maxUncompressedBytes` are ever produced, whatever the archive declares.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = zipLimits): ZipProblem | undefined {
  return inspect(bytes, limits, { remaining: limits.maxUncompressedBytes }, 0);
}

/** The English reason for logs and the ingest report. */
export function describeZipProblem(problem: ZipProblem): string {
  switch (problem.kind) {
    case 'not-zip':
      return 'not a ZIP archive (no central directory)';
    case 'damaged':
      return problem.detail;
    case 'zip64':
      return 'ZIP64 archives are not accepted for office documents';
    case 'encrypted':
      return `encrypted entry ${problem.entry}`;
    case 'unsupported-method':
      return `entry ${problem.entry} uses compression method ${problem.method}`;
    case 'too-many-entries':
      return `too many files in the archive (${problem.entries}, at most ${problem.limit})`;
    case 'too-large':
      return `archive unpacks to more than ${problem.limitBytes / 1024 / 1024} MB (zip bomb?)`;
    case 'ratio':
      return `implausible compression ratio over ${problem.limit}:1 in ${problem.entry} (zip bomb?)`;
    case 'size-mismatch':
      return `entry ${problem.entry} declares ${problem.declared} bytes but unpacks to ${problem.actual} (zip bomb?)`;
    case 'overlap':
      return `overlapping entries at ${problem.entry} (zip bomb?)`;
    case 'nested':
      return `archive nested deeper than ${problem.limit} level(s) in ${problem.entry} (zip bomb?)`;
    case 'unsafe-path':
      return `unsafe path in the archive: ${problem.entry}`;
  }
}

/** Why the archive is refused (English), or undefined when it is within the limits. */
export function zipProblem(bytes: Uint8Array): string | undefined {
  const problem = inspectZip(bytes);
  return problem ? describeZipProblem(problem) : undefined;
}
