/**
 * Word documents via mammoth (HTML keeps the heading structure), then the HTML path.
 */
import mammoth from 'mammoth';
import type { ParseResult } from './parsed-document.ts';
import { htmlToText } from './parse-html.ts';
import { zipProblem } from './zip-limits.ts';

/** Parses a `.docx` file; a broken archive is reported, not thrown. */
export async function parseDocx(bytes: Uint8Array): Promise<ParseResult> {
  const problem = zipProblem(bytes);
  if (problem) return { kind: 'failed', reason: `unreadable Word document: ${problem}` };
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const text = htmlToText(value, { article: false });
    return text ? { kind: 'parsed', text } : { kind: 'failed', reason: 'the Word document contains no text' };
  } catch (error) {
    return { kind: 'failed', reason: `unreadable Word document: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
