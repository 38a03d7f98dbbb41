/**
 * Whether the documents mention the thing asked for only indefinitely. "Mit welcher Firma ist Recklinghausen wegen
 * RPA im Gespräch?" over "… steht die Verwaltung mit einem Unternehmen in Kontakt": the passage is on the topic and
 * names the kind of thing ("ein Unternehmen", "einer geeigneten Software", "ein neuer Außenstandort"), but not which
 * one. German marks this with the indefinite article; a passage that identifies the firm says "die Firma Picture" or
 * names it. Confidence uses it as the feature `indefiniteOnly`.
 */

import { splitSentences } from '../answer/sentences.ts';

/** Kinds of identity a question can ask for, by the head noun of the thing asked about. */
const identityClasses: readonly (readonly string[])[] = [
  ['firma', 'firmen', 'unternehmen', 'dienstleister', 'anbieter', 'hersteller', 'agentur', 'lieferant'],
  ['software', 'programm', 'tool', 'werkzeug', 'anwendung', 'app', 'system', 'plattform', 'lösung', 'produkt', 'portal'],
  ['standort', 'außenstelle', 'außenstandort', 'dienststelle', 'gebäude', 'liegenschaft'],
];

/** The index of the class of places in `identityClasses`. */
export const placeClass = 2;

/** "welche(r/s) <word> [<word>]", "wie heißt der/die/das <word> [<word>]": the noun, perhaps after an adjective. */
const identityQuestion =
  /\b(?:welche[rnms]?|wie\s+hei(?:ß|ss)(?:t|en)\s+(?:denn\s+)?(?:der|die|das|den))\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/giu;

/** An inflected adjective ending ("neue", "externen", "geeigneter"). */
const adjectiveEnding = /(?:e|en|er|es|em)$/u;

/** An indefinite article, up to two lower-case words (adjectives), then a noun. */
const indefinitePhrase = /\b(?:ein|eine|einem|einen|einer|eines)\s+(?:[\p{Ll}-]+\s+){0,2}(\p{Lu}[\p{L}-]*)/gu;

/**
 * A thing identified by name: emphasised ("*nele.ai*"; bold "**…**" marks a topic), quoted, CamelCase ("GovRadar"; not "VoIP"), a domain-like name, a legal form.
 * Plain acronyms do not count: "RPA" or "KI" name the topic, not the firm.
 */
export const namedThing =
  /(?<!\*)\*[^*\s][^*]{0,40}(?<![\s*])\*(?!\*)|„[^“]{2,40}“|"[^"]{2,40}"|\b\p{Lu}\p{Ll}{2,}\p{Lu}\p{L}*|\b\p{L}+\.(?:ai|de|io|com|net|org)\b|\b(?:GmbH|AG|KG|SE|mbH)\b/u;

/**
 * The identity class whose member the noun ends with ("RPA-Firma" → firms, "Ticketsystem" → software), or -1. Short
 * members ("app", "tool") count only as the whole word or after a hyphen ("knapp" is no app).
 */
function classOf(noun: string): number {
  const lower = noun.toLowerCase();
  const ends = (member: string): boolean =>
    lower === member || lower.endsWith(`-${member}`) || (member.length > 4 && lower.endsWith(member));
  return identityClasses.findIndex((members) => members.some(ends));
}

/** The identity classes a question asks for ("mit welcher RPA-Firma" → firms); empty when it asks for none. */
export function askedIdentityClasses(question: string): Set<number> {
  const asked = new Set<number>();
  for (const [, first, second] of question.matchAll(identityQuestion)) {
    const index = classOf(first!);
    if (index >= 0) asked.add(index);
    else if (second && adjectiveEnding.test(first!) && classOf(second) >= 0) asked.add(classOf(second));
  }
  return asked;
}

/**
 * 1 when the question asks which firm, product or place, and a sentence of `text` mentions a thing of that class with
 * an indefinite article ("mit einem Unternehmen") and names nothing ("die KI-Anwendung *nele.ai*" does); else 0.
 */
export function indefiniteOnly(question: string, text: string): number {
  const asked = askedIdentityClasses(question);
  if (!asked.size) return 0;
  const indefiniteSentence = (sentence: string): boolean =>
    !namedThing.test(sentence) && [...sentence.matchAll(indefinitePhrase)].some((match) => asked.has(classOf(match[1]!)));
  return splitSentences(text).some((sentence) => indefiniteSentence(sentence.text)) ? 1 : 0;
}
