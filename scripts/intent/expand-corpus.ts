/**
 * Expands the intent corpus (`policies/intent/intent-corpus.yaml`) into training rows: slot fills, then
 * colloquial, lower-case, typo and greeting variants, all seeded so that a re-run gives the same rows.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { intentNames, type Intent } from '../../bot/core/guardrails/intent-classifier.ts';

const corpusSchema = z.object({
  version: z.string(),
  slots: z.record(z.string(), z.array(z.string()).min(1)),
  families: z.array(z.object({
    id: z.string(),
    intent: z.enum(intentNames),
    texts: z.array(z.string().min(3)).min(1),
    /** Slot fills per template for families whose wording should vary over many slot values (default `fillsPerTemplate`). */
    fills: z.number().int().min(1).max(12).optional(),
  })),
});

/** One training row. */
export interface CorpusRow {
  readonly text: string;
  readonly intent: Intent;
  /** Phrasing family: the unit held out together in cross-validation. */
  readonly family: string;
}

import { seededRandom } from '../../bot/shared/seeded-random.ts';

export { seededRandom };

const colloquial: readonly [RegExp, string][] = [
  [/\beine\b/g, 'ne'], [/\beinen\b/g, 'nen'], [/\bist\b/g, 'is'], [/\bgibt es\b/gi, 'gibts'], [/\bbitte\b/gi, 'pls'], [/\bhabe\b/g, 'hab'],
];
const openers = ['Hallo, ', 'Moin, ', 'Hi lotse, ', 'kurze Frage: ', '', 'Sag mal, '];
const closers = [' Danke!', ' Viele Grüße', ' LG', '', ' danke dir'];

function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((word, index) => [word, index] as const).filter(([word]) => word.length > 5);
  if (candidates.length === 0) return text;
  const [word, index] = candidates[Math.floor(random() * candidates.length)]!;
  const at = 1 + Math.floor(random() * (word.length - 3));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

/** Variants of one sentence as staff type it. */
function variants(text: string, random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const casual = colloquial.reduce((current, [pattern, replacement]) => (random() < 0.6 ? current.replace(pattern, replacement) : current), text);
  return [text, `${pick(openers)}${casual.toLowerCase().replace(/[?.!]+$/, '')}${pick(closers)}`, typo(text, random)];
}

function fill(template: string, slots: Readonly<Record<string, readonly string[]>>, random: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const values = slots[name];
    if (!values) throw new Error(`unknown slot {${name}}`);
    return values[Math.floor(random() * values.length)]!;
  });
}

/** Reads and expands the corpus file. */
export function expandCorpus(file: string, fillsPerTemplate = 3, seed = 17): { version: string; rows: CorpusRow[] } {
  const corpus = corpusSchema.parse(parse(readFileSync(file, 'utf8')));
  const random = seededRandom(seed);
  const rows: CorpusRow[] = [];
  for (const family of corpus.families) {
    for (const template of family.texts) {
      const fills = /\{\w+\}/.test(template) ? (family.fills ?? fillsPerTemplate) : 1;
      const seen = new Set<string>();
      for (let round = 0; round < fills; round++) {
        for (const text of variants(fill(template, corpus.slots, random), random)) {
          if (seen.has(text)) continue;
          seen.add(text);
          rows.push({ text, intent: family.intent, family: family.id });
        }
      }
    }
  }
  return { version: corpus.version, rows };
}
