/**
 * Leichte Sprache for any answer, also without a model (issue #22): the explanatory answer text gets one
 * short sentence per line (long sentences split at clause boundaries) and the administration's terms it
 * uses are explained below it. Citations are not touched: their quotes stay the document's wording.
 */

/** One term of the glossary (`policies/plain-language.yaml`). */
export interface GlossaryEntry {
  readonly term: string;
  readonly explanation: string;
}

/** Texts and glossary of the plain-language presentation. */
export interface PlainLanguageTexts {
  /** Line before the simplified text, e.g. "In einfacher Sprache:". */
  readonly intro: string;
  /** Heading of the explained terms, e.g. "Schwere Wörter erklärt:". */
  readonly glossaryHeading: string;
  /** Sentence for the second part of a split "…, wenn …" sentence, e.g. "Das gilt, {clause}". */
  readonly conditionLead: string;
  readonly glossary: readonly GlossaryEntry[];
}

/** Sentences longer than this many words are split where a clause starts. */
const longSentenceWords = 14;
/** Conjunctions that start a main clause after a comma or semicolon ("…, und …"). */
const mainClauseStart = /^(?:und|oder|aber|sondern|denn|jedoch|dabei|danach|außerdem)\s/iu;
/** Conjunctions that start a condition or reason ("…, wenn …"), restated as "Das gilt, wenn …". */
const conditionStart = /^(?:wenn|sofern|soweit|falls|solange|weil|da|sobald|nachdem|bevor)\s/iu;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/[,;]$/, '');
  const capital = trimmed.charAt(0).toLocaleUpperCase('de-DE') + trimmed.slice(1);
  return /[.!?:…]$/.test(capital) ? capital : `${capital}.`;
}

/** Splits one long sentence at "; " and at commas before a main-clause or condition conjunction. */
export function splitLongSentence(text: string, texts: Pick<PlainLanguageTexts, 'conditionLead'>): string[] {
  if (wordCount(text) <= longSentenceWords) return [text];
  const parts = text.split(
    /(?<=;)\s+|(?<=,)\s+(?=(?:und|oder|aber|sondern|denn|jedoch|wenn|sofern|soweit|falls|solange|weil|da|sobald|nachdem|bevor)\s)/iu,
  );
  const result: string[] = [];
  for (const part of parts) {
    const previous = result.at(-1);
    // A part too short to stand alone stays with the one before (no one-word sentences).
    if (previous !== undefined && wordCount(part) < 4) {
      result[result.length - 1] = `${previous} ${part}`;
    } else if (previous !== undefined && conditionStart.test(part)) {
      result.push(texts.conditionLead.replace('{clause}', part.trim()));
    } else if (previous !== undefined && mainClauseStart.test(part)) {
      result.push(part.replace(mainClauseStart, (word) => word.charAt(0).toLocaleUpperCase('de-DE') + word.slice(1)));
    } else if (previous !== undefined && wordCount(previous) < 4) {
      result[result.length - 1] = `${previous} ${part}`;
    } else {
      result.push(part);
    }
  }
  return result.map(sentence);
}

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?:])\s+(?=[A-ZÄÖÜ„"(])/u).filter((part) => part.trim() !== '');
}

/** The glossary entries whose term occurs in the text, in glossary order. */
export function explainedTerms(text: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  const lower = text.toLocaleLowerCase('de-DE');
  return glossary.filter((entry) => lower.includes(entry.term.toLocaleLowerCase('de-DE')));
}

/**
 * The answer text in plain language: the intro, one sentence per line, then the explained terms.
 *
 * @example simplifyAnswer('Mobiles Arbeiten ist möglich, wenn die Führungskraft zustimmt und die Aufgaben es erlauben.', texts)
 */
export function simplifyAnswer(answer: string, texts: PlainLanguageTexts): string {
  const paragraphs = answer.split(/\n\s*\n/).map((paragraph) =>
    paragraph
      .split('\n')
      .flatMap((line) => sentencesOf(line).flatMap((part) => splitLongSentence(part, texts)))
      .join('\n'),
  );
  const terms = explainedTerms(answer, texts.glossary);
  const glossary = terms.length
    ? [[texts.glossaryHeading, ...terms.map((entry) => `• ${entry.term}: ${entry.explanation}`)].join('\n')]
    : [];
  return [texts.intro, ...paragraphs, ...glossary].join('\n\n');
}
