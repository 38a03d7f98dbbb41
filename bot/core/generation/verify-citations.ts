/**
 * Checks a generated answer sentence by sentence against the sources it cites: every sentence needs a
 * valid citation, enough lexical overlap with the cited passages, and every number must occur there.
 * Sentences that fail are dropped, so invented facts and obeyed injections do not reach the user.
 */
import type { TextAnalyzer } from '../../ports/search.ts';
import { splitSentences } from '../answer/sentences.ts';
import { isInstructionLike } from './instruction-patterns.ts';

/** A passage as the verifier sees it: its citation number and the text it may be cited for. */
export interface CitablePassage {
  readonly index: number;
  readonly text: string;
}

/** Why a sentence was dropped. */
export type DropReason = 'no_citation' | 'unknown_source' | 'unsupported' | 'number_not_in_source';

/** A sentence that passed, with the source numbers it cites. */
export interface KeptSentence {
  readonly sentence: string;
  readonly citations: number[];
}

/** A sentence that failed, with the reason. */
export interface DroppedSentence {
  readonly sentence: string;
  readonly reason: DropReason;
}

/** The verdict for a whole answer. */
export interface CitationCheck {
  readonly kept: KeptSentence[];
  readonly dropped: DroppedSentence[];
}

/** Tuning of the check. */
export interface VerifyOptions {
  /** Share of a sentence's content terms that must occur in the cited passages (default 0.5). */
  readonly minOverlap?: number;
}

/** The verdict for one sentence. */
export type SentenceVerdict = ({ readonly kept: true } & KeptSentence) | ({ readonly kept: false } & DroppedSentence);

/** Precomputed terms and numbers of the passages, by citation number. */
export type Evidence = ReadonlyMap<number, { readonly terms: ReadonlySet<string>; readonly numbers: ReadonlySet<string> }>;

/** Default minimum overlap. */
export const defaultMinOverlap = 0.5;

const citationPattern = /\[(?:Quelle\s*)?(\d+(?:\s*[,;]\s*\d+)*)\]/gi;
const numberPattern = /\d+(?:[.,:/]\d+)*/g;
const prefixLength = 6;
/** Words of the sentences the prompt asks for ("Diese Angaben haben den Stand …") that no source has to contain. */
const metaWords =
  'diese dieser angabe angaben information informationen haben hat hatte gilt gelten stand laut quelle quellen dokument gemäß seit';
const numberWords: Readonly<Record<string, string>> = {
  eins: '1',
  ein: '1',
  eine: '1',
  einen: '1',
  zwei: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  zehn: '10',
  elf: '11',
  zwölf: '12',
  zwanzig: '20',
  dreißig: '30',
  hundert: '100',
};

/** Splits an answer into sentences, first moving citations that follow the full stop in front of it. */
export function splitAnswerSentences(answer: string): string[] {
  const normalised = answer
    .replace(/\*\*|__/g, '')
    .replace(
      /([.!?])((?:\s*\[(?:Quelle\s*)?\d+(?:\s*[,;]\s*\d+)*\])+)/gi,
      (_match, stop: string, marks: string) => ` ${marks.trim()}${stop}`,
    );
  return splitSentences(normalised)
    .map((sentence) => sentence.text.replace(/^(?:[-•*–]|\d+[.)])\s+/, '').trim())
    .filter((sentence) => sentence.length > 0);
}

/** The source numbers cited in a sentence, in order of first appearance. */
export function citationsOf(sentence: string): number[] {
  const found = [...sentence.matchAll(citationPattern)].flatMap((match) =>
    (match[1] ?? '').split(/[,;]/).map((part) => Number(part.trim())),
  );
  return [...new Set(found)];
}

function numberForms(token: string): string[] {
  const trimmed = token.replace(/,(?:00|-)$/, '');
  const parts = trimmed.split(/[.,:/]/).map((part) => part.replace(/^0+(?=\d)/, ''));
  return [parts.join('.'), trimmed.replace(/\D/g, '')];
}

function passageNumbers(text: string): Set<string> {
  const numbers = new Set<string>();
  for (const [token] of text.matchAll(numberPattern)) {
    for (const form of numberForms(token)) numbers.add(form);
    for (const part of token.split(/[.,:/]/)) numbers.add(part.replace(/^0+(?=\d)/, ''));
  }
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    const digits = numberWords[word];
    if (digits) numbers.add(digits);
  }
  return numbers;
}

/** Analyses the passages once; sentences that address an AI system are excluded from the evidence. */
export function buildEvidence(passages: readonly CitablePassage[], analyzer: TextAnalyzer): Evidence {
  const evidence = new Map<number, { terms: Set<string>; numbers: Set<string> }>();
  for (const passage of passages) {
    const content = splitSentences(passage.text)
      .map((sentence) => sentence.text)
      .filter((sentence) => !isInstructionLike(sentence))
      .join('\n');
    const terms = new Set(analyzer.analyze(content));
    for (const term of [...terms]) if (term.length >= prefixLength) terms.add(`${term.slice(0, prefixLength)}*`);
    evidence.set(passage.index, { terms, numbers: passageNumbers(content) });
  }
  return evidence;
}

function overlap(sentence: string, cited: readonly number[], evidence: Evidence, analyzer: TextAnalyzer): number {
  const meta = new Set(analyzer.analyze(metaWords));
  const terms = [...new Set(analyzer.analyze(sentence))].filter((term) => !/^\d+$/.test(term) && !meta.has(term));
  if (terms.length === 0) return 1;
  const supported = terms.filter((term) =>
    cited.some((index) => {
      const known = evidence.get(index)?.terms;
      return known?.has(term) === true || (term.length >= prefixLength && known?.has(`${term.slice(0, prefixLength)}*`) === true);
    }),
  );
  return supported.length / terms.length;
}

function numbersSupported(sentence: string, cited: readonly number[], evidence: Evidence): boolean {
  return [...sentence.matchAll(numberPattern)].every(([token]) =>
    cited.some((index) => {
      const known = evidence.get(index)?.numbers;
      return numberForms(token).some((form) => known?.has(form) === true);
    }),
  );
}

/** Verifies one sentence against prepared evidence. */
export function checkSentence(sentence: string, evidence: Evidence, analyzer: TextAnalyzer, options: VerifyOptions = {}): SentenceVerdict {
  const cited = citationsOf(sentence);
  if (cited.length === 0) return { kept: false, sentence, reason: 'no_citation' };
  const valid = cited.filter((index) => evidence.has(index));
  if (valid.length === 0) return { kept: false, sentence, reason: 'unknown_source' };
  const claim = sentence.replace(citationPattern, ' ');
  if (!numbersSupported(claim, valid, evidence)) return { kept: false, sentence, reason: 'number_not_in_source' };
  if (overlap(claim, valid, evidence, analyzer) < (options.minOverlap ?? defaultMinOverlap)) {
    return { kept: false, sentence, reason: 'unsupported' };
  }
  return { kept: true, sentence, citations: valid };
}

/**
 * Splits `answer` into sentences and keeps those that are supported by the passages they cite.
 * @example verifyCitations('Die Gebühr beträgt 30 Euro [1].', [{ index: 1, text: 'Gebühr: 30 Euro.' }], analyzer)
 */
export function verifyCitations(
  answer: string,
  passages: readonly CitablePassage[],
  analyzer: TextAnalyzer,
  options: VerifyOptions = {},
): CitationCheck {
  const evidence = buildEvidence(passages, analyzer);
  const kept: KeptSentence[] = [];
  const dropped: DroppedSentence[] = [];
  for (const sentence of splitAnswerSentences(answer)) {
    const verdict = checkSentence(sentence, evidence, analyzer, options);
    if (verdict.kept) kept.push({ sentence: verdict.sentence, citations: verdict.citations });
    else dropped.push({ sentence: verdict.sentence, reason: verdict.reason });
  }
  return { kept, dropped };
}
