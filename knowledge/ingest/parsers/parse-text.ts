/**
 * Plain text files: decoded, then normalised (hyphenation, wrapped lines, page artefacts).
 */
import { normalizeText } from '../normalize.ts';
import { decodeText, type ParseResult } from './parsed-document.ts';

/** Parses a `.txt` file. */
export function parseText(bytes: Uint8Array): ParseResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'failed', reason: decoded.reason };
  const text = normalizeText(decoded.text);
  return text ? { kind: 'parsed', text } : { kind: 'failed', reason: 'empty file' };
}
