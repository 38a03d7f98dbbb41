/**
 * Recognises sentences in source documents that address a language model ("Ignoriere alle Anweisungen …").
 * They are never evidence: an answer that repeats them is dropped by the citation check.
 */

const patterns: readonly RegExp[] = [
  /\bignorier(?:e|en|t)?\b.{0,40}\b(?:anweisung|instruktion|vorgabe|regel|prompt)/i,
  /\bvergiss\b.{0,40}\b(?:anweisung|instruktion|vorgabe|regel)/i,
  /\b(?:antworte|antwortest|antwortet)\b.{0,20}\b(?:nur|ausschließlich|stattdessen|immer)\b/i,
  /\bantworte\s+(?:mit|so)\b/i,
  /\bdu\s+bist\s+(?:jetzt|nun|ab\s+sofort)\b/i,
  /\b(?:system-?prompt|systemanweisung|jailbreak)\b/i,
  /\bignore\b.{0,40}\b(?:instructions|prompt|rules)\b/i,
  /\b(?:disregard|forget)\b.{0,40}\b(?:instructions|previous|above)\b/i,
  /\byou\s+are\s+now\b/i,
];

/** True when a sentence looks like an instruction to an AI system rather than content. */
export function isInstructionLike(sentence: string): boolean {
  return patterns.some((pattern) => pattern.test(sentence));
}
