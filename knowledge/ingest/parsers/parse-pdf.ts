/**
 * PDF files via unpdf (pdf.js), page by page; pdf.js does no dehyphenation, `normalizeText` does.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { normalizeText } from '../normalize.ts';
import type { ParseResult } from './parsed-document.ts';

/** Parses a `.pdf` file; encrypted or corrupt files are reported, not thrown. */
export async function parsePdf(bytes: Uint8Array): Promise<ParseResult> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = Array.isArray(text) ? text : [text];
    const normalized = normalizeText(pages.join('\n\n'));
    return normalized
      ? { kind: 'parsed', text: normalized }
      : { kind: 'failed', reason: 'the PDF contains no extractable text (scanned image?)' };
  } catch (error) {
    return { kind: 'failed', reason: `unreadable PDF: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
