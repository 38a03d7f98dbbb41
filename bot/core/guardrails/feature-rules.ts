/**
 * Feature-based detection for guardrail rules (issue #5): instead of listing whole phrases, a rule names word
 * classes from `policies/lexicon.yaml` (subjects, verbs, objects, cues) and features that fire when classes
 * co-occur within a window of tokens; the weights of fired features are summed and compared with the rule's
 * threshold. German inflection is covered by `*` wildcards, word order by windows, negation by `negatable`.
 */
import { foldGerman } from '../../shared/text.ts';

/** Sentence-start marker token; lexicon terms may start with it (`_s_ bitte? lehne`). */
export const sentenceStart = '_s_';

/** One term: a sequence of token matchers; optional matchers may be skipped. */
export interface CompiledTerm {
  readonly steps: readonly { readonly pattern: RegExp; readonly optional: boolean; readonly gap?: number }[];
}

/** A feature of a rule: all `classes` must occur (within `window` tokens, in order if `ordered`). */
export interface DetectionFeature {
  readonly classes: readonly string[];
  readonly weight: number;
  readonly window?: number;
  readonly ordered?: boolean;
  /** Classes whose presence anywhere disables the feature. */
  readonly unless?: readonly string[];
  /** A negation word (class `negation`) in the two tokens before a matched class disables the feature. */
  readonly negatable?: boolean;
  /** The first class must match at the start of the message (e.g. a procedural opening question). */
  readonly opening?: boolean;
}

/** A rule's detection settings. */
export interface Detection {
  readonly threshold: number;
  readonly features: readonly DetectionFeature[];
}

/** Word classes compiled from the lexicon. */
export type Lexicon = ReadonlyMap<string, readonly CompiledTerm[]>;

/** Positions of one class in a token list: [start, end) spans. */
type Spans = readonly (readonly [number, number])[];

/** How a detection came out: the score and the features that fired (their class lists). */
export interface DetectionResult {
  readonly score: number;
  readonly fired: readonly string[];
}

type Step = CompiledTerm['steps'][number];

/** Umlauts also match their transliteration, since many keyboards and mail clients write "befoerdern". */
const transliterations: Readonly<Record<string, string>> = { ä: '(?:a|ae)', ö: '(?:o|oe)', ü: '(?:u|ue)' };

/** A piece of a lexicon token as a regular expression: escaped, umlauts matching both spellings, folded. */
function literal(piece: string): string {
  return [...piece.replace(/ß/g, 'ss')]
    .map((char) => transliterations[char] ?? foldGerman(char).replace(/[.+^${}()[\]\\]/g, '\\$&'))
    .join('');
}

/** Separable verb prefixes: their zu-infinitive puts "zu" between prefix and stem ("nachmachen" → "nachzumachen"). */
const separablePrefix =
  /^(ab|an|auf|aus|bei|ein|fest|frei|her|heraus|herunter|hin|los|mit|nach|raus|rein|um|vor|weg|zurück|zusammen)(\p{L}{3}.*)$/u;

/**
 * A word and, for a verb with a separable prefix, its zu-infinitive ("austricks*" also matches "auszutricksen",
 * "nachmach*" "nachzumachen"): the lexicon lists stems, the chat writes "auszutricksen" and "nachzumachen".
 */
function withZuInfinitive(word: string): string[] {
  const parts = separablePrefix.exec(word);
  return parts && !parts[2]!.startsWith('zu') ? [word, `${parts[1]}zu${parts[2]}`] : [word];
}

function compileToken(token: string): Step {
  const gap = /^~(\d+)$/.exec(token);
  if (gap) return { pattern: /^/u, optional: true, gap: Number(gap[1]) };
  const optional = token.endsWith('?') && token.length > 1;
  const body = optional ? token.slice(0, -1) : token;
  const alternatives = body
    .split('|')
    .flatMap(withZuInfinitive)
    .map((part) => part.split('*').map(literal).join('[\\p{L}\\p{N}_-]*'));
  return { pattern: new RegExp(`^(?:${alternatives.join('|')})$`, 'u'), optional };
}

/**
 * Compiles a lexicon term like `soll|sollte ich|wir`, `_s_ bitte? lehn*` or `geht es ~2 schlecht` (`~N` skips up
 * to N tokens); `@class` entries are expanded by `compileLexicon`.
 */
export function compileTerm(term: string): CompiledTerm {
  return { steps: term.toLowerCase().trim().split(/\s+/).map(compileToken) };
}

/** Compiles the lexicon, expanding `@class` references (one level of nesting is enough for the policy files). */
export function compileLexicon(classes: Readonly<Record<string, readonly string[]>>): Lexicon {
  const expand = (terms: readonly string[], seen: ReadonlySet<string>): string[] =>
    terms.flatMap((term) => {
      if (!term.startsWith('@')) return [term];
      const name = term.slice(1);
      if (seen.has(name)) return [];
      return expand(classes[name] ?? [], new Set([...seen, name]));
    });
  return new Map(Object.entries(classes).map(([name, terms]) => [name, expand(terms, new Set([name])).map(compileTerm)]));
}

/** Placeholders of the masker ("[NAME]") become tokens ("ph_name"); abbreviation dots do not end a sentence. */
function prepare(text: string): string {
  return text
    .replace(/\[([A-ZÄÖÜ-]+)\]/g, (_, kind: string) => ` ph_${kind.toLowerCase().replace(/-/g, '_')} `)
    .replace(/\b(Dr|Prof|Abs|Nr|bzw|ca|vgl|gem|Str|z\.B|u\.a|d\.h)\./gi, '$1');
}

/** Folds and tokenises a text, inserting a sentence-start token at the beginning of every sentence. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const sentence of foldGerman(prepare(text)).split(/[.!?;:#<>[\]()\n–—]+|\s-\s/u)) {
    const words = sentence.match(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu);
    if (words) tokens.push(sentenceStart, ...words);
  }
  return tokens;
}

/** The end of the shortest match of `steps` from `position`, trying optional steps and gaps both ways. */
function matchSteps(steps: readonly Step[], tokens: readonly string[], position: number): number | undefined {
  const [step, ...rest] = steps;
  if (!step) return position;
  if (step.gap !== undefined) {
    for (let skip = 0; skip <= step.gap && position + skip <= tokens.length; skip++) {
      const end = matchSteps(rest, tokens, position + skip);
      if (end !== undefined) return end;
    }
    return undefined;
  }
  const token = tokens[position];
  const taken = token !== undefined && step.pattern.test(token) ? matchSteps(rest, tokens, position + 1) : undefined;
  return taken ?? (step.optional ? matchSteps(rest, tokens, position) : undefined);
}

function matchAt(term: CompiledTerm, tokens: readonly string[], start: number): number | undefined {
  const end = matchSteps(term.steps, tokens, start);
  return end !== undefined && end > start ? end : undefined;
}

/** All spans where a class occurs. */
export function findClass(lexicon: Lexicon, name: string, tokens: readonly string[]): Spans {
  const spans: [number, number][] = [];
  for (const term of lexicon.get(name) ?? []) {
    for (let start = 0; start < tokens.length; start++) {
      const end = matchAt(term, tokens, start);
      if (end !== undefined) spans.push([start, end]);
    }
  }
  return spans;
}

function negated(span: readonly [number, number], negations: Spans): boolean {
  return negations.some(([, end]) => end <= span[0] && span[0] - end < 2);
}

/** Searches one combination of spans (one per class) that satisfies window, order and negation. */
function combine(
  lists: readonly Spans[],
  feature: DetectionFeature,
  negations: Spans,
  chosen: (readonly [number, number])[] = [],
): boolean {
  const index = chosen.length;
  if (index === lists.length) return true;
  for (const span of lists[index]!) {
    if (feature.negatable && index > 0 && negated(span, negations)) continue;
    if (feature.opening && index === 0 && span[0] !== 0) continue;
    if (feature.ordered && index > 0 && span[0] < chosen[index - 1]![0]) continue;
    const all = [...chosen, span];
    const from = Math.min(...all.map(([start]) => start));
    const to = Math.max(...all.map(([, end]) => end));
    if (feature.window !== undefined && to - from > feature.window) continue;
    if (combine(lists, feature, negations, all)) return true;
  }
  return false;
}

/** True when the feature fires on the tokens. */
export function featureFires(
  lexicon: Lexicon,
  feature: DetectionFeature,
  tokens: readonly string[],
  cache: SpanCache = new Map(),
): boolean {
  const spansOf = (name: string): Spans => {
    const known = cache.get(name);
    if (known) return known;
    const found = findClass(lexicon, name, tokens);
    cache.set(name, found);
    return found;
  };
  if ((feature.unless ?? []).some((name) => spansOf(name).length > 0)) return false;
  const lists = feature.classes.map(spansOf);
  if (lists.some((list) => list.length === 0)) return false;
  return combine(lists, feature, feature.negatable ? spansOf('negation') : []);
}

/** Class positions of one text, shared by all rules that score it. */
export type SpanCache = Map<string, Spans>;

/**
 * Scores a text against a rule's detection: the sum of the weights of the features that fire. Pass one `cache`
 * per text when several rules score the same tokens.
 */
export function detect(lexicon: Lexicon, detection: Detection, tokens: readonly string[], cache: SpanCache = new Map()): DetectionResult {
  const fired = detection.features.filter((feature) => featureFires(lexicon, feature, tokens, cache));
  return { score: fired.reduce((sum, feature) => sum + feature.weight, 0), fired: fired.map((feature) => feature.classes.join('+')) };
}
