/**
 * Turns a chat message as staff type it into the question the answer pipeline should search for:
 * invisible characters removed, NFC, small talk (greetings, thanks, sign-offs), asides ("brauch die Zahl für ne Präsi")
 * and fillers stripped,
 * colloquial contractions expanded. A message that is only small talk is reported as such. Pure.
 */
import { removeAsides } from './chat-asides.ts';
import { countingWords, fillers, lowerCaseFillers, shortFillerPhrases } from './chat-fillers.ts';
import { contractions, lowerCaseOnlyContractions, spelledOut, type SmallTalkKind } from './chat-german-lexicon.ts';
import { stripSmallTalk } from './small-talk.ts';
import { expandMonthAbbreviations } from './month-abbreviations.ts';

/** What a message that is nothing but small talk is. */
export type SmallTalk = 'greeting' | 'thanks' | 'farewell';

/** The question to search and answer, and whether the message was only small talk (then `text` is empty). */
export interface NormalizedQuestion {
  readonly text: string;
  readonly smallTalk?: SmallTalk;
}

// Zero-width space/non-joiner/joiner, soft hyphen, word joiner, byte-order mark and direction marks:
// pasted from Word or PDF they split a word in two for the analyzer.
const invisible = /[\u200B-\u200F\u00AD\u2060\uFEFF]/g;
const oddSpaces = /[\u00A0\u2007\u2009\u202F]/g;
const apostrophes = `'’‘\`´`;
const notWordBefore = `(?<![\\p{L}\\p{N}${apostrophes}-])`;
const notWordAfter = `(?![\\p{L}\\p{N}${apostrophes}-])`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, `[${apostrophes}]`);
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function contractionPattern(): { pattern: RegExp; lookup: (word: string) => string | undefined } {
  const forms = new Map<string, string>();
  for (const [word, replacement] of Object.entries(contractions)) {
    forms.set(word, replacement);
    forms.set(capitalize(word), capitalize(replacement));
  }
  for (const [word, replacement] of Object.entries(lowerCaseOnlyContractions)) forms.set(word, replacement);
  const alternatives = [...forms.keys()].sort((a, b) => b.length - a.length).map(escape);
  return {
    pattern: new RegExp(`${notWordBefore}(?:${alternatives.join('|')})${notWordAfter}`, 'gu'),
    lookup: (word) => forms.get(word.replace(new RegExp(`[${apostrophes}]`, 'g'), "'")),
  };
}

const contraction = contractionPattern();
const spelled = spelledOut.map((entry) => ({
  pattern: new RegExp(`${notWordBefore}${entry.pattern}${notWordAfter}`, 'giu'),
  text: entry.text,
}));
const anywhereFillers = new RegExp(
  `${notWordBefore}(?:${fillers.map((word) => escape(word).replace(/ /g, '\\s+')).join('|')})${notWordAfter}`,
  'giu',
);
const shortFillers = new RegExp(`${notWordBefore}(?:${shortFillerPhrases.join('|')})${notWordAfter}`, 'giu');
const caseFillers = new RegExp(
  `${notWordBefore}(?:${lowerCaseFillers.map((word) => `${word}|${capitalize(word)}`).join('|')})${notWordAfter}`,
  'gu',
);

/** Expands colloquial contractions and abbreviations: "gibts ne Regel aufm Amt" → "gibt es eine Regel auf dem Amt". */
export function expandContractions(text: string): string {
  let result = text.replace(contraction.pattern, (word) => contraction.lookup(word) ?? word);
  for (const entry of spelled) result = result.replace(entry.pattern, entry.text);
  return result;
}

/** Whether "mal"/"Mal"/"bitte"/"Bitte" at `offset` is a filler rather than a noun or a count. */
function isFiller(word: string, text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const previous = /([\p{L}\p{N}]+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (word.toLowerCase() === 'mal' && (countingWords.includes(previous) || /^\d+$/.test(previous))) return false;
  if (word === word.toLowerCase()) return true;
  return /(?:^|[.!?:;]\s*)$/u.test(before.trimEnd());
}

/** Removes fillers ("eigentlich", "mal", "nochmal", "bitte", "ganz kurz") and keeps nouns ("das erste Mal", "eine Bitte"). */
export function removeFillers(text: string): string {
  return text
    .replace(anywhereFillers, '')
    .replace(shortFillers, '')
    .replace(caseFillers, (word: string, offset: number, whole: string) => (isFiller(word, whole, offset) ? '' : word));
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?;:…])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/[,;:]+(?=[?!.])/g, '')
    .replace(/^[\s,.;:!?–—-]+/, '')
    .trim();
}

function classify(kinds: ReadonlySet<SmallTalkKind>): SmallTalk {
  if (kinds.has('thanks')) return 'thanks';
  if (kinds.has('farewell')) return 'farewell';
  if (kinds.has('acknowledgement')) return 'thanks';
  return 'greeting';
}

const hasWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/**
 * Normalises one chat message for analysis; the message itself (stored, echoed) is left as received.
 *
 * @example normalizeQuestion('Hallo, gibts ne Vorlage fürs Homeoffice? Danke!')
 *   // → { text: 'gibt es eine Vorlage fürs Homeoffice?' }
 * @example normalizeQuestion('Vielen Dank, das hilft mir') // → { text: '', smallTalk: 'thanks' }
 */
export function normalizeQuestion(message: string): NormalizedQuestion {
  const clean = message.replace(invisible, '').replace(oddSpaces, ' ').normalize('NFC');
  const stripped = stripSmallTalk(clean);
  if (!hasWord(stripped.text)) {
    return stripped.kinds.size > 0 && hasWord(clean) ? { text: '', smallTalk: classify(stripped.kinds) } : { text: tidy(clean) };
  }
  const expanded = expandMonthAbbreviations(expandContractions(stripped.text));
  const withoutFillers = tidy(removeFillers(removeAsides(expanded)));
  return { text: hasWord(withoutFillers) ? withoutFillers : tidy(expanded) };
}
