/**
 * Heading-aware chunking of normalised text: blocks (paragraphs) are grouped under their heading path
 * into chunks of about 80–220 words, long paragraphs are split at sentence boundaries, and every chunk
 * records its character offsets (`text.slice(start, end)` is the chunk text). FAQ documents become one
 * chunk per question.
 */
import type { Chunk } from '../../bot/ports/knowledge.ts';
import { splitSentences } from '../../bot/core/answer/sentences.ts';
import { detectHeading, type Heading } from './detect-heading.ts';

const maxWords = 220;
const minWords = 80;

interface Block {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const match of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)) {
    const raw = match[0];
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = match.index + raw.indexOf(trimmed);
    blocks.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return blocks;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The last two headings; a level-1 heading (the document title) only when nothing is below it. */
function sectionPath(stack: readonly Heading[]): string {
  const below = stack.filter((heading) => heading.level > 1);
  return (below.length ? below : stack)
    .slice(-2)
    .map((heading) => heading.title)
    .join(' > ');
}

function pieces(block: Block): Block[] {
  if (wordCount(block.text) <= maxWords) return [block];
  const result: Block[] = [];
  let current: { start: number; end: number } | undefined;
  for (const sentence of splitSentences(block.text)) {
    const start = block.start + sentence.start;
    const end = block.start + sentence.end;
    if (current && wordCount(block.text.slice(current.start - block.start, end - block.start)) > maxWords * 0.7) {
      result.push({ ...current, text: block.text.slice(current.start - block.start, current.end - block.start) });
      current = undefined;
    }
    current = current ? { start: current.start, end } : { start, end };
  }
  if (current) result.push({ ...current, text: block.text.slice(current.start - block.start, current.end - block.start) });
  return result;
}

/**
 * Version of how text becomes chunks; part of every file's ingest checksum, so a change re-chunks each file once on the
 * next ingest (v2: key figures and scored table rows are no headings, issue #16).
 */
export const chunkingVersion = 'chunks-v2';

/** Splits a document's normalised text into chunks. */
export function chunkText(documentId: string, text: string, options: { faq?: boolean } = {}): Chunk[] {
  const blocks = blocksOf(text);
  const chunks: Chunk[] = [];
  const stack: Heading[] = [];
  let pending: Block[] = [];
  const push = (chunk: Omit<Chunk, 'id' | 'documentId' | 'ordinal'>): void => {
    chunks.push({ id: `${documentId}#${chunks.length}`, documentId, ordinal: chunks.length, ...chunk });
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    const start = pending[0]!.start;
    const end = pending.at(-1)!.end;
    const body = text.slice(start, end);
    const heading = stack.at(-1);
    if (options.faq && heading) {
      const question = heading.title;
      push({ section: question, text: `${question}\n${body}`, start: heading.start, end, kind: 'faq', faq: { question, answer: body } });
    } else {
      push({ section: sectionPath(stack), text: body, start, end, kind: 'text' });
    }
    pending = [];
  };
  blocks.forEach((block, index) => {
    const heading = detectHeading(block, blocks[index + 1]?.text);
    if (heading) {
      flush();
      while (stack.length && stack.at(-1)!.level >= heading.level) stack.pop();
      stack.push(heading);
      return;
    }
    for (const piece of pieces(block)) {
      const words = wordCount(pending.map((entry) => entry.text).join(' '));
      if (!options.faq && pending.length && words >= minWords && words + wordCount(piece.text) > maxWords) flush();
      pending.push(piece);
    }
  });
  flush();
  return chunks;
}
