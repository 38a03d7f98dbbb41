/**
 * Development question sets (`test/eval/questions/*.yaml`): schema, loading, and judging one answer.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { TurnResult } from '../../bot/ports/turn.ts';
import { foldGerman } from '../../bot/shared/text.ts';

const itemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  expect: z.enum(['answered', 'no_answer', 'refused']),
  documents: z.array(z.string()).optional(),
  contains: z.array(z.string()).optional(),
  tenant: z.string().optional(),
  followUpOf: z.string().optional(),
  note: z.string().optional(),
});

/** One development question. */
export type EvalItem = z.infer<typeof itemSchema>;

/** Loads and validates a question file (a YAML list, or `{ items: [...] }`). */
export function loadQuestionSet(file: string): EvalItem[] {
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(raw) ? raw : z.object({ items: z.array(z.unknown()) }).parse(raw).items;
  return z.array(itemSchema).parse(list);
}

/** Why an answer does not meet its item's expectation; undefined when it does. */
export function judge(item: EvalItem, result: TurnResult): string | undefined {
  const outcome = result.outcome === 'escalated' ? 'refused' : result.outcome;
  if (outcome !== item.expect) return `expected ${item.expect}, got ${result.outcome}`;
  if (item.expect !== 'answered') return undefined;
  if (item.documents?.length && !result.citations.some((citation) => item.documents!.includes(citation.document))) {
    return `cited ${result.citations.map((citation) => citation.document).join(', ') || 'nothing'}, expected one of ${item.documents.join(', ')}`;
  }
  const haystack = foldGerman([result.answer, ...result.citations.map((citation) => citation.quote)].join(' '));
  if (item.contains?.length && !item.contains.some((needle) => haystack.includes(foldGerman(needle)))) {
    return `answer lacks any of: ${item.contains.join(' | ')}`;
  }
  return undefined;
}
