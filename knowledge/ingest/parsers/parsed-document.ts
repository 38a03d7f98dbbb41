/**
 * What every parser returns: normalised text (headings as Markdown `#` lines), raw metadata if the
 * format carries any, and catalogue rows for training catalogues. Failures are values with a reason.
 */
import type { Course } from '../../../bot/ports/knowledge.ts';

/** A successfully parsed file. */
export interface ParsedDocument {
  readonly kind: 'parsed';
  readonly text: string;
  readonly rawMeta?: unknown;
  readonly courses?: readonly Course[];
}

/** A file that cannot be used, with an operator-facing reason. */
export interface ParseFailure {
  readonly kind: 'failed';
  readonly reason: string;
}

/** Result of parsing one file. */
export type ParseResult = ParsedDocument | ParseFailure;

/** Decodes UTF-8 (with or without BOM); falls back to Windows-1252 for legacy files; rejects binary data. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte === 0 || (byte < 9 && byte !== 0)) control += 1;
  if (sample.length > 0 && control / sample.length > 0.01) return { ok: false, reason: 'binary content, not a text file' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) }; // legacy Windows export: decode as Latin-1 superset
  }
}
