/**
 * Expands the intent corpus (the folder `policies/intent/corpus/`: `slots.yaml` with version and slot values,
 * every other `*.yaml` with families) into training rows: slot fills, then colloquial, lower-case, typo and
 * greeting variants, all seeded so that a re-run gives the same rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { intentNames, type Intent } from '../../bot/core/guardrails/intent-classifier.ts';

const slotsSchema = z
  .object({
    version: z.string(),
    slots: z.record(z.string(), z.array(z.string()).min(1)),
  })
  .strict();

const familiesSchema = z
  .object({
    families: z.array(
      z
        .object({
          id: z.string(),
          intent: z.enum(intentNames),
          texts: z.array(z.string().min(3)).min(1),
          /** Slot fills per template for families whose wording should vary over many slot values (default `fillsPerTemplate`). */
          fills: z.number().int().min(1).max(12).optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Reads the corpus folder: version and slots from `slots.yaml`, the families of all other files in name order. */
export function readCorpus(
  dir: string,
  skip: ReadonlySet<string> = new Set(),
): z.infer<typeof slotsSchema> & z.infer<typeof familiesSchema> {
  const head = slotsSchema.parse(parse(readFileSync(join(dir, 'slots.yaml'), 'utf8')));
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && name !== 'slots.yaml' && !skip.has(name))
    .sort();
  const families = files.flatMap((name) => {
    const parsed = familiesSchema.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, name)}: ${parsed.error.message}`);
    return parsed.data.families;
  });
  const ids = new Set<string>();
  for (const family of families) {
    if (ids.has(family.id)) throw new Error(`${dir}: duplicate family id "${family.id}"`);
    ids.add(family.id);
  }
  return { ...head, families };
}

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
  [/\beine\b/g, 'ne'],
  [/\beinen\b/g, 'nen'],
  [/\bist\b/g, 'is'],
  [/\bgibt es\b/gi, 'gibts'],
  [/\bbitte\b/gi, 'pls'],
  [/\bhabe\b/g, 'hab'],
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
  const casual = colloquial.reduce(
    (current, [pattern, replacement]) => (random() < 0.6 ? current.replace(pattern, replacement) : current),
    text,
  );
  return [text, `${pick(openers)}${casual.toLowerCase().replace(/[?.!]+$/, '')}${pick(closers)}`, typo(text, random)];
}

function fill(template: string, slots: Readonly<Record<string, readonly string[]>>, random: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const values = slots[name];
    if (!values) throw new Error(`unknown slot {${name}}`);
    return values[Math.floor(random() * values.length)]!;
  });
}

/** Reads and expands the corpus folder (without the files named in `skip`, for experiments). */
export function expandCorpus(
  dir: string,
  fillsPerTemplate = 3,
  seed = 17,
  skip: ReadonlySet<string> = new Set(),
): { version: string; rows: CorpusRow[] } {
  const corpus = readCorpus(dir, skip);
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
