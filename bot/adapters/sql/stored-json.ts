/**
 * JSON documents in text columns, versioned and checked on read (issue #20, item 2): replicas of different lotse
 * versions share one database, so a row may have been written by an older lotse (no version field: version 1) or
 * by a newer one (a version this code does not know). `storedJson(schema, version)` writes the document with its
 * version under `$v` and reads it back as a value result: parsed, version-checked and validated with the zod
 * schema — never a bare `JSON.parse(...) as T`. What a refused row means is decided by each store (see its header):
 * skipped and logged once, or an error.
 *
 * Rules for schemas: objects are `z.looseObject` (fields a newer lotse added within the same version pass through
 * and survive a read-modify-write by an older replica); enumerations are strict (an unknown state is refused rather
 * than acted upon). A change an older lotse cannot read safely raises the version.
 */
import type { z } from 'zod';
import type { Logger } from '../../shared/logger.ts';

/** The field that carries the document version (`$` so that it cannot collide with a domain field such as `version`). */
export const versionKey = '$v';

/** A decoded document, or why it was refused (`newer`: written by a newer lotse; else unreadable or invalid). */
export type Decoded<T> =
  | { readonly ok: true; readonly value: T; readonly version: number }
  | { readonly ok: false; readonly reason: string; readonly newer: boolean };

/** Encoder and checked decoder of one kind of stored document. */
export interface StoredJson<T> {
  /** The version this code writes (and the newest it reads). */
  readonly version: number;
  /** JSON text with the version field. */
  encode(value: T): string;
  /** Parses, checks the version and validates; documents without a version are version 1. */
  decode(text: string): Decoded<T>;
}

export interface StoredJsonOptions {
  /**
   * For documents that are not JSON objects (a number, an array, a string). At version 1 they are written bare, as
   * before versions existed (no envelope on every scalar row); from version 2 in the envelope `{"$v":2,"value":…}`.
   * Both are read; a bare row is version 1, so an older reader refuses an envelope of a newer version.
   */
  readonly wrapped?: boolean;
}

/** Thrown by stores that answer an unreadable row with an error instead of skipping it. */
export class StoredJsonError extends Error {
  constructor(
    readonly what: string,
    readonly reason: string,
  ) {
    super(`stored ${what} cannot be read: ${reason}`);
    this.name = 'StoredJsonError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Field paths and messages of the first issues (never the stored values: they may be personal). */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`);
  return `invalid document (${shown.join('; ')}${error.issues.length > 3 ? `; ${error.issues.length - 3} more` : ''})`;
}

/** The codec of one kind of document, at `version` (a positive integer; raise it for changes older code cannot read). */
export function storedJson<T>(schema: z.ZodType<T>, version: number, options: StoredJsonOptions = {}): StoredJson<T> {
  if (!Number.isSafeInteger(version) || version < 1) throw new Error(`stored JSON version must be a positive integer, got ${version}`);
  const wrapped = options.wrapped ?? false;
  const refuse = (reason: string, newer = false): Decoded<T> => ({ ok: false, reason, newer });
  return {
    version,
    encode(value: T): string {
      if (wrapped) return JSON.stringify(version === 1 ? value : { [versionKey]: version, value });
      if (!isRecord(value)) throw new Error('stored JSON: only objects are stored unwrapped (use { wrapped: true })');
      // the version first (readable in the column) and never overwritten by a field of the value
      return JSON.stringify(Object.assign({ [versionKey]: version }, value, { [versionKey]: version }));
    },
    decode(text: string): Decoded<T> {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return refuse('not JSON');
      }
      let written = 1;
      let body: unknown = parsed;
      if (isRecord(parsed) && versionKey in parsed) {
        const stamp = parsed[versionKey];
        if (typeof stamp !== 'number' || !Number.isSafeInteger(stamp) || stamp < 1) return refuse(`invalid version field ${versionKey}`);
        if (stamp > version)
          return refuse(`written by a newer lotse (document version ${stamp}, this lotse reads up to version ${version})`, true);
        written = stamp;
        const { [versionKey]: _stamp, ...rest } = parsed;
        body = wrapped ? rest['value'] : rest;
      }
      const result = schema.safeParse(body);
      if (!result.success) return refuse(describeIssues(result.error));
      return { ok: true, value: result.data, version: written };
    },
  };
}

/** How many (row, reason) pairs one reporter remembers as already logged. */
const rememberedLimit = 1_000;

/**
 * Logs each refused row once per process (warn `stored-json-refused` with the store, the row's key — an id, never
 * content — and the reason), so that a row skipped on every read does not flood the log.
 */
export function refusedRowReporter(store: string, logger: Logger | undefined): (key: string, reason: string) => void {
  const logged = new Set<string>();
  return (key, reason) => {
    const seen = `${key}\u0000${reason}`;
    if (logged.has(seen)) return;
    if (logged.size >= rememberedLimit) logged.clear();
    logged.add(seen);
    logger?.warn('stored-json-refused', { store, key, reason });
  };
}
