/**
 * Reads an uploaded knowledge file (`POST /api/sources?name=…`, raw body): a plain file name with a
 * supported extension, content that matches it, at most 20 MB. Anything else is rejected with a German
 * reason before a byte is stored.
 */
import type { IncomingMessage } from 'node:http';
import { supportedExtensions } from '../../../knowledge/ingest/parsers/parse-file.ts';
import { inspectZip } from '../../../knowledge/ingest/parsers/zip-limits.ts';
import { germanZipProblem, loadArchiveTexts, type ArchiveTexts } from '../../../prompts/load-archive-texts.ts';
import { readLimitedBody } from '../../adapters/http-kit/read-limited-body.ts';

/** Largest accepted upload. */
export const maxUploadBytes = 20 * 1024 * 1024;

/** An accepted upload or why not. */
export type UploadRead =
  | { readonly kind: 'ok'; readonly name: string; readonly bytes: Buffer }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string };

const rejected = (status: number, message: string): UploadRead => ({ kind: 'rejected', status, message });

/** OpenDocument text and legacy Word: no maintained parser without run-time downloads, so refused by name (issue #22). */
const legacyOfficeExtensions = ['.odt', '.doc', '.ott', '.dot'];

/** Checks the file name: no folders, no traversal, no hidden files, a supported extension. */
export function checkUploadName(name: string): string | undefined {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,120}$/u.test(name) || name.includes('..')) {
    return 'Der Dateiname ist nicht zulässig (nur Buchstaben, Ziffern, Leerzeichen, Punkt, Binde- und Unterstrich; keine Ordner).';
  }
  if (!supportedExtensions.some((extension) => name.toLowerCase().endsWith(extension))) {
    return `Dieser Dateityp wird nicht unterstützt. Erlaubt: ${supportedExtensions.join(', ')}.`;
  }
  return undefined;
}

function contentMismatch(name: string, bytes: Buffer): string | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pdf') && bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return 'Die Datei ist keine PDF-Datei.';
  if (lower.endsWith('.docx') && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'Die Datei ist keine DOCX-Datei.';
  const textual = !lower.endsWith('.pdf') && !lower.endsWith('.docx');
  if (textual && bytes.includes(0)) return 'Die Datei enthält Binärdaten und ist keine Textdatei.';
  return undefined;
}

let loadedArchiveTexts: ArchiveTexts | undefined;
const archiveTexts = (): ArchiveTexts => (loadedArchiveTexts ??= loadArchiveTexts());

/** Reads and checks the upload; the body is cut off as soon as it exceeds the limit. */
export async function readUpload(request: IncomingMessage, texts?: { readonly uploadLegacyFormat: string }): Promise<UploadRead> {
  const name = new URL(request.url ?? '/', 'http://local').searchParams.get('name') ?? '';
  const legacy = texts && legacyOfficeExtensions.some((extension) => name.toLowerCase().endsWith(extension));
  const nameProblem = legacy ? texts.uploadLegacyFormat : checkUploadName(name);
  if (nameProblem) {
    request.resume();
    return rejected(legacy ? 415 : 400, nameProblem);
  }
  const tooLarge = rejected(413, `Die Datei ist zu groß (höchstens ${maxUploadBytes / 1024 / 1024} MB).`);
  const bytes = await readLimitedBody(request, maxUploadBytes);
  if (!bytes) return tooLarge;
  if (!bytes.length) return rejected(400, 'Die Datei ist leer.');
  const mismatch = contentMismatch(name, bytes);
  if (mismatch) return rejected(415, mismatch);
  // Zip bombs and traversal names are refused before a byte is stored or parsed (issue #18, item 11).
  const archive = name.toLowerCase().endsWith('.docx') ? inspectZip(bytes) : undefined;
  return archive ? rejected(422, germanZipProblem(archive, archiveTexts())) : { kind: 'ok', name, bytes };
}
