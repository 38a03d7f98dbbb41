/**
 * Picks the parser by file extension.
 */
import { extname } from 'node:path';
import { parseCatalogue } from './parse-catalogue.ts';
import { parseDocx } from './parse-docx.ts';
import { parseHtml } from './parse-html.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parsePdf } from './parse-pdf.ts';
import { parseText } from './parse-text.ts';
import type { ParseResult } from './parsed-document.ts';

/** Extensions lotse ingests. */
export const supportedExtensions = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.csv', '.json'] as const;

/** Parses a file's bytes according to its name. */
export async function parseFile(name: string, bytes: Uint8Array): Promise<ParseResult> {
  switch (extname(name).toLowerCase()) {
    case '.txt':
      return parseText(bytes);
    case '.md':
    case '.markdown':
      return parseMarkdown(bytes);
    case '.html':
    case '.htm':
      return parseHtml(bytes);
    case '.pdf':
      return parsePdf(bytes);
    case '.docx':
      return parseDocx(bytes);
    case '.csv':
      return parseCatalogue(bytes, 'csv');
    case '.json':
      return parseCatalogue(bytes, 'json');
    default:
      return { kind: 'failed', reason: `unsupported file type "${extname(name)}"` };
  }
}
