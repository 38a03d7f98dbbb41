/**
 * Expected answer type of a German question ("Wie viele …?" → a number, "Wann …?" → a date or year)
 * and whether a sentence contains something of that type. Sentence evidence prefers sentences that can
 * hold the answer.
 */

/** What kind of value the question asks for. */
export type AnswerType = 'number' | 'date' | 'none';

const numberQuestion = /\b(wie\s*viele?|wieviele?|wie\s+hoch|wie\s+lange?|wie\s+alt|wie\s+gro(ß|ss)|wie\s+weit|wie\s+oft|um\s+wie\s+viel|anzahl)\b/i;
const dateQuestion = /\b(wann|seit\s+wann|bis\s+wann|ab\s+wann|in\s+welchem\s+jahr|welche[nrms]?\s+(jahr|datum|zeitpunkt|monat))\b/i;
const numberPattern = /\d|\b(eine[nm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|millionen?|milliarden?|dutzend|hälfte|drittel|viertel)\b/i;
const datePattern = /\b(1[0-9]{3}|20[0-9]{2})\b|\d{1,2}\.\s*\d{1,2}\.|\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jahrhundert|quartal|q[1-4])\b/i;

/** The answer type a question expects. */
export function expectedAnswerType(question: string): AnswerType {
  if (dateQuestion.test(question)) return 'date';
  if (numberQuestion.test(question)) return 'number';
  return 'none';
}

/** Whether the text contains a value of the type. */
export function containsAnswerType(text: string, type: AnswerType): boolean {
  if (type === 'number') return numberPattern.test(text);
  if (type === 'date') return datePattern.test(text);
  return true;
}
