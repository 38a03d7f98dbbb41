/**
 * Finds and removes small talk around a question: greetings and preambles at the start ("Hallo zusammen,",
 * "Kurze Frage:"), thanks and sign-offs at the end ("Danke im Voraus!", "Viele Grüße, Marek"). Only whole
 * sentence parts made of nothing but small talk are removed, so content words stay ("Dankeschön-Aktion").
 */
import { foldGerman } from '../../shared/text.ts';
import { ambiguousGreetings, closingWithoutComma, kindsBeforeName, smallTalkPatterns, type SmallTalkKind } from './chat-german-lexicon.ts';

/** The text without its small talk, and the kinds of small talk found. */
export interface SmallTalkStrip {
  readonly text: string;
  readonly kinds: ReadonlySet<SmallTalkKind>;
}

interface Segment {
  readonly content: string;
  delimiter: string;
}

interface Tokens {
  readonly original: readonly string[];
  readonly folded: readonly string[];
  /** Positions (with the kind before) already known not to read as small talk: keeps the search linear. */
  readonly failed: Set<string>;
}

const compiled = new Map<SmallTalkKind, RegExp>(
  Object.entries(smallTalkPatterns).map(([kind, patterns]) => [kind as SmallTalkKind, new RegExp(`^(?:${patterns.join('|')})$`, 'u')]),
);
// No phrase in the lexicon is longer than this many words, and no sentence part of pure small talk longer than that.
const longestPhrase = 12;
const longestSmallTalk = 30;
const openingKinds: readonly SmallTalkKind[] = ['greeting', 'thanks', 'farewell', 'acknowledgement', 'preamble'];
const followers: Partial<Record<SmallTalkKind, readonly SmallTalkKind[]>> = {
  greeting: ['addressee'],
  addressee: ['addressee'],
  thanks: ['thanksTail'],
  thanksTail: ['thanksTail'],
};
// A sentence part ends at . ! ? ; : , … followed by a space or the end ("z.B." and "1.000" stay whole), a line break or a dash.
const delimiter = /([.!?;:,…]+(?=\s|$)|\s*\n[\s\n]*|\s[-–—]+\s)/u;

/** Splits into words; hyphenated words stay one word ("Dankeschön-Aktion"), other punctuation separates. */
function tokenize(text: string): Tokens {
  const original = text
    .replace(/[^\p{L}\p{N}\s-]|(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return { original, folded: original.map((word) => foldGerman(word)), failed: new Set() };
}

function nameLike(words: readonly string[], lowerCaseAllowed: boolean): boolean {
  const rest = ['aus', 'von', 'vom'].includes(foldGerman(words[0] ?? '')) ? words.slice(1) : words;
  if (rest.length < 1 || rest.length > 3) return false;
  return rest.every((word) => (lowerCaseAllowed ? /^\p{L}[\p{L}.'-]*$/u : /^\p{Lu}[\p{L}.'-]*$/u).test(word));
}

/**
 * Reads all words from `start` as small talk; returns the kinds in order, or undefined when a word is left.
 * `namesAfterGreeting` allows "Hallo Anna" (only in a part that cannot be the question itself).
 */
function consume(
  tokens: Tokens,
  start: number,
  previous: SmallTalkKind | undefined,
  namesAfterGreeting: boolean,
): SmallTalkKind[] | undefined {
  const { folded, original } = tokens;
  if (start === folded.length) return previous ? [] : undefined;
  if (previous && folded[start] === 'und' && start + 1 < folded.length) return consume(tokens, start + 1, undefined, namesAfterGreeting);
  const key = `${start}:${previous ?? ''}`;
  if (tokens.failed.has(key)) return undefined;
  // Every phrase length is tried, so that "danke schön mal" can be "danke schön" + "mal" as well as "danke" + "schön mal".
  for (let end = Math.min(folded.length, start + longestPhrase); end > start; end -= 1) {
    const phrase = folded.slice(start, end).join(' ');
    for (const kind of [...openingKinds, ...(previous ? (followers[previous] ?? []) : [])]) {
      if (!compiled.get(kind)?.test(phrase)) continue;
      const after = consume(tokens, end, kind, namesAfterGreeting);
      if (after) return [kind, ...after];
    }
  }
  const nameMayFollow =
    previous && (kindsBeforeName.includes(previous) || (namesAfterGreeting && (previous === 'greeting' || previous === 'addressee')));
  if (nameMayFollow && nameLike(original.slice(start), previous === 'farewell')) return [];
  tokens.failed.add(key);
  return undefined;
}

function smallTalkOf(segment: Segment, namesAllowed: boolean): SmallTalkKind[] | undefined {
  const tokens = tokenize(segment.content);
  if (tokens.folded.length === 0 || tokens.folded.length > longestSmallTalk) return undefined;
  return consume(tokens, 0, undefined, namesAllowed && !segment.delimiter.includes('?'));
}

function split(text: string): Segment[] {
  const parts = text.split(delimiter);
  const segments: Segment[] = [];
  for (let index = 0; index < parts.length; index += 2) segments.push({ content: parts[index] ?? '', delimiter: parts[index + 1] ?? '' });
  return segments.filter((segment) => segment.content !== '' || segment.delimiter !== '');
}

/** A part that is only a name ("Marek Nowak") right after a thanks or sign-off part. */
function isSignature(segment: Segment, before: readonly SmallTalkKind[] | undefined): boolean {
  const last = before?.at(-1);
  if (!last || !kindsBeforeName.includes(last) || segment.delimiter.includes('?')) return false;
  return nameLike(tokenize(segment.content).original, false);
}

/** Removes leading greeting words written without a comma: "Hallo zusammen wie beantrage ich …". */
function stripGreetingWords(content: string, kinds: Set<SmallTalkKind>): string {
  const words = content.trimStart().split(/\s+/);
  if (ambiguousGreetings.includes(tokenize(words[0] ?? '').folded[0] ?? '')) return content;
  for (let count = Math.min(5, words.length - 1); count >= 1; count -= 1) {
    const found = consume(tokenize(words.slice(0, count).join(' ')), 0, undefined, false);
    if (found?.every((kind) => kind === 'greeting' || kind === 'addressee')) {
      found.forEach((kind) => kinds.add(kind));
      return words.slice(count).join(' ');
    }
  }
  return content;
}

/** Removes a closing thanks or sign-off written without a comma: "… und 2022 zum Vergleich danke". */
function stripClosingWords(content: string, kinds: Set<SmallTalkKind>, wordsToKeep: number): string {
  const words = content.trimEnd().split(/\s+/);
  for (let count = Math.min(8, words.length - wordsToKeep); count >= 1; count -= 1) {
    const tail = tokenize(words.slice(-count).join(' '));
    const before = tokenize(words[words.length - count - 1] ?? '').folded.at(-1) ?? '';
    if (!closingWithoutComma.starts.includes(tail.folded[0] ?? '') || closingWithoutComma.notAfter.includes(before)) continue;
    const found = consume(tail, 0, undefined, false);
    if (found?.every((kind) => kind === 'thanks' || kind === 'thanksTail' || kind === 'farewell')) {
      found.forEach((kind) => kinds.add(kind));
      return words.slice(0, -count).join(' ');
    }
  }
  return content;
}

/** Strips a closing without a comma from the last part, or from the part before a signature ("… vergleich Viele Grüße, Marek"). */
function stripClosing(kept: Segment[], kinds: Set<SmallTalkKind>): void {
  const last = kept.length - 1;
  const closing = kept[last];
  const before = kept[last - 1];
  if (!closing) return;
  // A question of its own before this part may leave a short rest ("… bußgeldstelle? (RE) Danke!").
  const stripped = stripClosingWords(closing.content, kinds, before ? 1 : 3);
  if (stripped !== closing.content) {
    // "… zum Vergleich danke!": the "!" belonged to the thanks; a "?" stays with the question.
    kept[last] = { content: stripped, delimiter: closing.delimiter.includes('?') ? '?' : '' };
  } else if (before && !closing.delimiter.includes('?') && nameLike(tokenize(closing.content).original, false)) {
    const strippedBefore = stripClosingWords(before.content, kinds, kept.length > 2 ? 1 : 3);
    if (strippedBefore !== before.content) kept.splice(last - 1, 2, { content: strippedBefore, delimiter: '' });
  }
}

/**
 * Removes small talk at the start (greetings, addressees, preambles, also thanks for an earlier answer) and
 * at the end (thanks, sign-offs with a name, acknowledgements) of a message.
 *
 * @example stripSmallTalk('Moin, welche KI-Schulungen gibt es? Viele Grüße, Marek').text
 *   // → 'welche KI-Schulungen gibt es?'
 */
export function stripSmallTalk(text: string): SmallTalkStrip {
  const segments = split(text);
  const kinds = new Set<SmallTalkKind>();
  let first = 0;
  let previous: SmallTalkKind[] | undefined;
  while (first < segments.length) {
    const segment = segments[first]!;
    const found = smallTalkOf(segment, first < segments.length - 1) ?? (isSignature(segment, previous) ? [] : undefined);
    if (!found) break;
    found.forEach((kind) => kinds.add(kind));
    previous = found.length ? found : previous;
    first += 1;
  }
  let end = segments.length;
  let questionMark = false;
  while (end > first) {
    const segment = segments[end - 1]!;
    let found = smallTalkOf(segment, false);
    if (!found && end - 1 > first && isSignature(segment, smallTalkOf(segments[end - 2]!, false))) found = [];
    if (!found) break;
    found.forEach((kind) => kinds.add(kind));
    questionMark ||= segment.delimiter.includes('?');
    end -= 1;
  }
  const kept = segments.slice(first, end);
  const last = kept.at(-1);
  if (last && questionMark && !last.delimiter.includes('?')) last.delimiter = '?';
  if (kept[0]) kept[0] = { ...kept[0], content: stripGreetingWords(kept[0].content, kinds) };
  stripClosing(kept, kinds);
  return {
    text: kept
      .map((segment) => segment.content + segment.delimiter)
      .join('')
      .trim(),
    kinds,
  };
}
