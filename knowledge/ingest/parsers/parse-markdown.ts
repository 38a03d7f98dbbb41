/**
 * Markdown with optional YAML front-matter: headings keep their level (`#` lines), lists and tables
 * become readable lines ("Spalte: Wert"), inline markup is dropped.
 */
import { marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { dehyphenate } from '../normalize.ts';
import { decodeText, type ParseResult } from './parsed-document.ts';

function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function tableLines(table: Tokens.Table): string[] {
  const headers = table.header.map((cell) => inline(cell.text));
  return table.rows.map((row) => row.map((cell, index) => `${headers[index] ?? ''}: ${inline(cell.text)}`).join('; '));
}

function renderToken(token: Token): string[] {
  switch (token.type) {
    case 'heading':
      return [`${'#'.repeat(token.depth)} ${inline(token.text)}`];
    case 'paragraph':
    case 'text':
      return [inline(token.text)];
    case 'list':
      return [(token as Tokens.List).items.map((item) => `- ${inline(item.text)}`).join('\n')];
    case 'table':
      return tableLines(token as Tokens.Table);
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(renderToken);
    case 'code':
      return [token.text];
    default:
      return [];
  }
}

/** Splits YAML front-matter from the body. */
export function splitFrontMatter(source: string): { front?: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match ? { front: match[1]!, body: source.slice(match[0].length) } : { body: source };
}

/** Parses a `.md` file. */
export function parseMarkdown(bytes: Uint8Array): ParseResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'failed', reason: decoded.reason };
  const { front, body } = splitFrontMatter(decoded.text.replace(/\r\n?/g, '\n'));
  let rawMeta: unknown;
  try {
    rawMeta = front === undefined ? undefined : parseYaml(front);
  } catch (error) {
    return {
      kind: 'failed',
      reason: `invalid YAML front-matter: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
  const blocks = marked
    .lexer(dehyphenate(body.normalize('NFC')))
    .flatMap(renderToken)
    .filter(Boolean);
  const text = blocks.join('\n\n').trim();
  if (!text) return { kind: 'failed', reason: 'empty document' };
  return { kind: 'parsed', text, ...(rawMeta !== undefined && rawMeta !== null ? { rawMeta } : {}) };
}
