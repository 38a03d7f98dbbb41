/**
 * Prompt injection inside indexed documents (DV KI § 11 Abs. 1): text in a PDF or intranet page that talks
 * to an AI system ("Ignoriere alle vorherigen Anweisungen", "Du bist jetzt …", "System: …") or hides
 * characters from the human reader is data, never an instruction. Ingest flags such chunks; the generation
 * step keeps them out of every model prompt, while they stay searchable for extractive answers.
 */
import { isInstructionLike } from '../generation/instruction-patterns.ts';

/** Why a chunk is quarantined. */
export type QuarantineReason = 'instruction' | 'role-claim' | 'hidden-characters';

/** A quarantined chunk: the reason and a short excerpt of the offending text (for the ingest report). */
export interface QuarantineFinding {
  readonly reason: QuarantineReason;
  readonly excerpt: string;
}

/** Zero-width, invisible-operator, bidi-override and Unicode tag characters: invisible to the reader. */
const hiddenCharacters = /[\u200B-\u200D\u2060-\u2064\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/u;

/** Lines that pose as a chat role or a prompt-template marker. */
const roleClaims: readonly RegExp[] = [
  /^\s*(?:\[|<|#{1,6}\s*)?(?:system|assistant|assistent|developer)\s*(?:\]|>)?\s*:/imu,
  /^\s*(?:\[\s*(?:system|inst|admin)\s*\]|<\|?\s*(?:im_start|system|endoftext)\s*\|?>|#{2,}\s*(?:system|instruction|anweisung)\b)/imu,
];

/** Sentences addressed to an AI system rather than to the human reader (beyond `isInstructionLike`). */
const addressedToAi: readonly RegExp[] = [
  /\b(?:an|für)\s+(?:die|das|den|alle)?\s*(?:ki|ki-systeme?|ki-assistent\w*|sprachmodell\w*|llm|chatbot\w*|assistent\w*)\s*:/iu,
  /\bwenn\s+du\s+(?:eine?\s+)?(?:ki|sprachmodell|ki-assistent|chatbot|llm|assistent)\b/iu,
  /\b(?:hinweis|anweisung|nachricht)\s+(?:an|für)\s+(?:die|das|den)?\s*(?:ki|sprachmodell|llm|chatbot|assistent\w*)\b/iu,
  /\b(?:missachte|umgehe|überschreibe|vergiss)\b.{0,40}\b(?:regeln|vorgaben|dienstvereinbarung|systemanweisung)/iu,
  /\b(?:gib|gebe|nenne|verrate)\b.{0,30}\b(?:system-?prompt|deine\s+anweisungen)\b/iu,
  /\bas\s+an\s+ai\b|\bif\s+you\s+are\s+an?\s+(?:ai|language\s+model|llm)\b/iu,
];

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** Checks one chunk of document text; `undefined` when it may enter a model prompt. */
export function findDocumentInjection(text: string): QuarantineFinding | undefined {
  const hidden = hiddenCharacters.exec(text);
  if (hidden)
    return {
      reason: 'hidden-characters',
      excerpt: `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${hidden.index}`,
    };
  for (const pattern of roleClaims) {
    const match = pattern.exec(text);
    if (match) return { reason: 'role-claim', excerpt: excerptOf(text.slice(match.index, match.index + 80)) };
  }
  for (const sentence of sentences(text)) {
    if (isInstructionLike(sentence) || addressedToAi.some((pattern) => pattern.test(sentence)))
      return { reason: 'instruction', excerpt: excerptOf(sentence) };
  }
  return undefined;
}

/** True when the passage must never be inserted into a model prompt. */
export function isQuarantined(text: string): boolean {
  return findDocumentInjection(text) !== undefined;
}
