/**
 * The domain lexicon (`lexicon-data/domain-lexicon.yaml`): administration abbreviations and staff jargon mapped to
 * document wording ("IT-SD" → "IT-Servicedesk", "digi" → "digital"). Keys are matched as normalised words or
 * phrases of up to three words, single words also by stem; the related words keep the entry's weight.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { foldGerman } from '../../shared/text.ts';
import { lexiconDataPath, readLexiconText } from './lexicon-files.ts';

/** The domain lexicon shipped in the repository. */
export const defaultDomainLexiconPath = lexiconDataPath('domain-lexicon.yaml');

/** Longest phrase (in words) that can be a key. */
export const maxKeyWords = 3;

const termList = z.array(z.string().min(1)).min(1);
const entrySchema = z.union([
  z.object({ terms: termList.min(2), weight: z.number().gt(0).max(1).optional() }).strict(),
  z.object({ from: termList, to: termList, weight: z.number().gt(0).max(1).optional() }).strict(),
  z.object({ prefix: z.string().min(2), to: termList, weight: z.number().gt(0).max(1).optional() }).strict(),
]);
const lexiconSchema = z.object({ version: z.literal(1), defaultWeight: z.number().gt(0).max(1), entries: z.array(entrySchema) }).strict();

/** A word or phrase of the documents that a key stands for, with its weight. */
export interface DomainRelation {
  readonly text: string;
  readonly weight: number;
}

/** Normalised key of a word or phrase: folded, without hyphens, spaces and symbols ("E-Akte" → "eakte"). */
export function lexiconKey(text: string): string {
  return foldGerman(text).replace(/[^a-z0-9]/g, '');
}

/** Key → related words, looked up by normalised key or by the stem of a one-word key. */
export class DomainLexicon {
  private readonly byKey = new Map<string, DomainRelation[]>();
  private readonly byStem = new Map<string, DomainRelation[]>();
  private readonly prefixes: { readonly prefix: string; readonly targets: readonly string[]; readonly weight: number }[] = [];

  /** `stem` maps a one-word key to the stem the analyzer gives it (the second index). */
  constructor(
    relations: readonly { readonly key: string; readonly relation: DomainRelation }[],
    stem?: (word: string) => string | undefined,
  ) {
    for (const { key, relation } of relations) {
      add(this.byKey, lexiconKey(key), relation);
      const stemmed = !/\s/.test(key.trim()) ? stem?.(key) : undefined;
      if (stemmed) add(this.byStem, stemmed, relation);
    }
  }

  /** Parses and validates lexicon YAML; throws an Error naming the problem when it is invalid. */
  static fromYaml(text: string, stem?: (word: string) => string | undefined): DomainLexicon {
    const checked = lexiconSchema.safeParse(parse(text));
    if (!checked.success) throw new Error(`Invalid domain lexicon: ${z.prettifyError(checked.error)}`);
    const relations: { key: string; relation: DomainRelation }[] = [];
    const prefixes: { prefix: string; targets: string[]; weight: number }[] = [];
    for (const entry of checked.data.entries) {
      const weight = entry.weight ?? checked.data.defaultWeight;
      if ('prefix' in entry) {
        prefixes.push({ prefix: lexiconKey(entry.prefix), targets: entry.to.map(lexiconKey), weight });
        continue;
      }
      const pairs =
        'terms' in entry ? entry.terms.map((key) => [key, entry.terms] as const) : entry.from.map((key) => [key, entry.to] as const);
      for (const [key, targets] of pairs) {
        for (const text of targets) if (lexiconKey(text) !== lexiconKey(key)) relations.push({ key, relation: { text, weight } });
      }
    }
    const lexicon = new DomainLexicon(relations, stem);
    lexicon.prefixes.push(...prefixes);
    return lexicon;
  }

  /** Loads a lexicon file; undefined when it does not exist. */
  static fromFile(path: string = defaultDomainLexiconPath, stem?: (word: string) => string | undefined): DomainLexicon | undefined {
    const text = readLexiconText(path);
    return text === undefined ? undefined : DomainLexicon.fromYaml(text, stem);
  }

  /** Related words of a normalised key (see `lexiconKey`). */
  byNormalisedKey(key: string): readonly DomainRelation[] {
    return this.byKey.get(key) ?? [];
  }

  /**
   * Rewritings of a word that starts with a short prefix staff use in compounds ("Digilotsen" → "digitallotsen",
   * "digitalisierungslotsen"); words already starting with a target ("digital…") are left alone.
   */
  byPrefix(key: string): readonly DomainRelation[] {
    const relations: DomainRelation[] = [];
    for (const { prefix, targets, weight } of this.prefixes) {
      if (!key.startsWith(prefix) || key.length < prefix.length + 3 || targets.some((target) => key.startsWith(target))) continue;
      const rest = key.slice(prefix.length);
      for (const target of targets) relations.push({ text: target + rest, weight });
      // The parts as a phrase too, for documents that write them apart ("digitale Lotsen", "Lotsen für Digitales").
      relations.push({ text: `${targets[0]} ${rest}`, weight });
    }
    return relations;
  }

  /** Related words of a one-word key with this stem. */
  byStemOf(stem: string): readonly DomainRelation[] {
    return this.byStem.get(stem) ?? [];
  }
}

function add(map: Map<string, DomainRelation[]>, key: string, relation: DomainRelation): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  const existing = list.findIndex((entry) => lexiconKey(entry.text) === lexiconKey(relation.text));
  if (existing < 0) list.push(relation);
  else if (list[existing]!.weight < relation.weight) list[existing] = relation;
  map.set(key, list);
}
