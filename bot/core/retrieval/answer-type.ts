/**
 * Expected answer type of a German question and whether a text contains a value of that type:
 * "Wie viele …?" → a number, "Wann …?" → a date, year or clock time, "Wie viel Prozent …?" → a percentage, "Was kostet …?"
 * → an amount of money, "Durchwahl …?" → a phone number, "Mit welcher (RPA-)Firma …?", "Welches Recyclingunternehmen …?" → an organisation, "Wer leitet
 * …?" → a person's name, "Welche vier …?"/"Liste" → an enumeration, "Welche Software …?"/"Wie heißt …?" → a
 * proper name (acronym, CamelCase, quoted), "Wer …?" → a person or an office. Sentence evidence, the answer sentence and confidence prefer text that can hold the answer.
 */

/** What kind of value the question asks for. */
export type AnswerType = 'number' | 'date' | 'percent' | 'money' | 'phone' | 'organisation' | 'person' | 'list' | 'name' | 'agent' | 'none';

/** Question cues per type, most specific first (the first match decides). */
const questionCues: readonly (readonly [AnswerType, RegExp])[] = [
  ['phone', /\b(durchwahl|telefonnummer|rufnummer|telefon\s*nr|tel\.?\s*nr)\b/i],
  [
    'percent',
    /\b(wie\s*viel\s*prozent|wieviel\s*prozent|prozentsatz|welche[nrm]?\s+anteil|wie\s+hoch\s+(ist|war)\s+der\s+anteil|quote)\b/i,
  ],
  [
    'money',
    /\b(was|wie\s*viel)\s+(hat|haben|hatte|soll|sollen|wird|werden|würde)?\s*\S*\s*(gekostet|kosten|kostet)\b|\b(kostet|kosteten|gekostet|budget|wie\s*viel\s*geld|wieviel\s*geld|wie\s*viele?\s*euro|fördersumme|verdient|verdienen)\b/i,
  ],
  [
    'list',
    /\bwelche[nrms]?\s+(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+\S|\b(liste|aufzählung|alle\s+namen|namen\s+bitte|alle\s+aufzählen)\b/i,
  ],
  [
    'date',
    /\b(wann|seit\s+wann|bis\s+wann|ab\s+wann|in\s+welchem\s+jahr|welche[nrms]?\s+(jahr|datum|zeitpunkt|monat|stichtag|tag|termin|terminen))\b/i,
  ],
  ['number', /\b(wie\s*viele?|wieviele?|wie\s+hoch|wie\s+lange?|wie\s+alt|wie\s+gro(ß|ss)|wie\s+weit|wie\s+oft|um\s+wie\s+viel|anzahl)\b/i],
  [
    'organisation',
    /\b(welche[rnms]?|mit\s+welche[rnms]?|von\s+welche[rnms]?|bei\s+welche[rnms]?|wie\s+hei(?:ß|ss)t\s+(?:die|das|der))\s+[\p{L}-]*?(firma|firmen|unternehmen|dienstleister|anbieter|hersteller|hochschule|universität|beratung|agentur|(?<!ansprech)partner)\b/iu,
  ],
  [
    'person',
    /^\s*(leitung|leiter(in)?|chef(in)?|ansprechpart(ner|nerin))\b|\b(wer\s+leitet|wer\s+ist\s+(der|die)\s+(leiter|leiterin|chef|chefin)|leitung\s+(de[rs]|von|vom)|name\s+(de[rs]|von))\b|\b(wie\s+hei(ß|ss)t|wer\s+ist)\s+(?:\S+\s+)?(der|die|unser|unsere|euer|eure)\s+(?:\S+\s+){0,2}\S*(leiter|leiterin|leitung|beauftragte[rn]?|dezernent|dezernentin|landrat|landrätin|cdo|cio|officer|geschäftsführer|geschäftsführerin|vorsitzende[rn]?)\b/i,
  ],
  [
    'name',
    /\bwelche[snrm]?\s+(software|programm|tool|werkzeug|anwendung|app|system|plattform|cms|dms|lösung|produkt|anbieter|dienst)\b|\bwie\s+hei(ß|ss)(t|en)\b/i,
  ],
  ['agent', /\bwer\b/i],
];

const numberPattern =
  /\d|\b(?:mindestens|höchstens|genau|nur|jeweils|je|pro)\s+(?:eine?[nmr]?)\b|\beine?[nmr]?\s+(?:tag|woche|monat|quartal|jahr|stunde|minute|seite|person|stelle)\b|\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|millionen?|milliarden?|dutzend|hälfte|drittel|viertel)\b/i;
const datePattern =
  /\b(1[0-9]{3}|20[0-9]{2})\b|\d{1,2}\.\s*\d{1,2}\.|\b\d{1,2}(?:[:.]\d{2})?\s*uhr\b|\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jahrhundert|quartal|q[1-4])\b/i;
const textCues: Record<Exclude<AnswerType, 'none'>, RegExp> = {
  number: numberPattern,
  date: datePattern,
  percent: /\d\s*(%|prozent)|\b(hälfte|drittel|viertel)\b/i,
  money: /\d[\d.,]*\s*(€|euro\b|eur\b|mio\.?\s*(€|euro)|millionen\s+euro|tsd\.?\s*(€|euro))|€\s*\d/i,
  phone: /(\+49|\b0\d{2,5})[\s/-]*\d[\d\s/-]{3,}/,
  organisation:
    /\b(GmbH|AG|KG|SE|UG|AöR|GbR|mbH|e\.\s?V\.)(?![\p{L}])|\b(Hochschule|Universität|Fachhochschule|Institut|Beratung|Consulting|Agentur)|\b\p{Lu}\p{Ll}+\p{Lu}\p{L}*/u,
  list: /(?:^|\n)\s*(?:[-•*–▪]|\d+[.)])\s+\S[^\n]*(?:\n+\s*(?:[-•*–▪]|\d+[.)])\s+\S[^\n]*){2,}|(?:[^,;\n]+[,;]){2,}/,
  name: /\b[A-ZÄÖÜ]{2,}[a-zäöü]*\b|\b\p{Lu}\p{Ll}+\p{Lu}\p{L}*|„[^“]{2,}“|"[^"]{2,}"|\b\p{L}+\d+\p{L}*\b/u,
  agent:
    /\b(Herrn?|Frau|Dr\.|Prof\.)\s+\p{Lu}|\b(Ämter|Amt|Stabsstelle|Dezernat|Dezernent\p{L}*|Fachbereich|Fachdienst|Kreistag|Landrat|Landrätin|Ausschuss|Verwaltungsvorstand|Verwaltungsführung|Personalrat|Datenschutzbeauftragte\p{L}*|Projektteam|Lenkungs\p{L}+|Digitallots\p{L}*|Servicedesk|Abteilung|Referat|(?:\p{L}+l|L)eitung|(?:\p{L}+l|L)eiter(?:in|innen)?|(?:\p{L}+b|B)eauftragte\p{L}*|CDO|CIO|Chief\s+\p{L}+\s+Officers?|Team|Mitarbeitende\p{L}*|Beschäftigte\p{L}*|Führungskräfte|Kommunen|Bürger\p{L}*|Dienstleister|Firma|Unternehmen|Hochschule)\b/u,
  person: /\b(Herrn?|Frau|Dr\.|Prof\.)\s+\p{Lu}|\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?,\s/u,
};

/** The answer type a question expects. */
export function expectedAnswerType(question: string): AnswerType {
  return questionCues.find(([, cue]) => cue.test(question))?.[0] ?? 'none';
}

/**
 * The type confidence checks for: "wer" (a person or an office) and proper names are cues too weak to doubt an
 * answer without them, so they only steer the choice of the answer sentence.
 */
export function checkedAnswerType(question: string): AnswerType {
  const type = expectedAnswerType(question);
  return type === 'agent' || type === 'name' ? 'none' : type;
}

/**
 * Types whose value a text either plainly shows or does not have: a person's name ("Frau …", "Dr. …"), an amount of
 * money, a phone number. When the best window lacks one, the documents name the role, the cost or the line but not the
 * value asked for ("Wie heißt der CDO?" over "Mit Besetzung der Stelle des CDO …"), so confidence treats it as its own
 * feature (`missingNamedValue`) rather than as a shade of `missingAnswerType`.
 */
export const decisiveAnswerTypes: ReadonlySet<AnswerType> = new Set(['person', 'money', 'phone']);

/**
 * The decisive types a question asks for anywhere, not only in its first cue: "Wie heißt der CDO und seit wann ist die
 * Stelle besetzt?" asks for a date and for a person's name.
 */
export function askedDecisiveTypes(question: string): AnswerType[] {
  return questionCues.filter(([type, cue]) => decisiveAnswerTypes.has(type) && cue.test(question)).map(([type]) => type);
}

/** Years and calendar dates ("2024", "11. September 2023", "24.02.2026", "10/25"): points in time, not counts. */
const timePoints =
  /\b\d{1,2}\.\s*(?:\d{1,2}\.(?:\d{2,4})?|(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b)|(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)|\b\d{1,2}\/\d{2}(?:\d{2})?\b/giu;

/**
 * Numbers that are no values: section numbers ("s. 4.3.4", "7.1.5", "4.3.4.1"; a date has three parts and a year of
 * two or four digits) and footnote marks glued to a word ("Prozesse6").
 */
const nonValues = /\b\d{1,2}\.\d{1,2}(?:\.\d{1,2}){2,}\b|\b\d{1,2}\.\d{1,2}\.\d(?![\d.])|(?<=\p{Ll})\d{1,2}\b/gu;

/** The text without the numbers that are no counts: years, dates, section numbers and footnote marks. */
export function withoutNonCounts(text: string): string {
  return text.replace(nonValues, ' ').replace(timePoints, ' ');
}

/**
 * A letter's salutation ("Sehr geehrter Herr Prof. Dr. Wagener,") names whom a letter is written to: no person a
 * question about a role asks for (the signature under "Mit freundlichen Grüßen" may be one and stays).
 */
const salutation = /\bsehr\s+geehrte[rn]?\s+(?:herrn?|frau)\s+(?:(?:prof|dr)\.?\s+)*\p{Lu}[\p{L}-]*/giu;

/**
 * Whether the text contains a value of the type (for a count, a year or a date is no value; nor is a section number;
 * for a person, the addressee of a letter is none).
 */
export function containsAnswerType(text: string, type: AnswerType): boolean {
  if (type === 'none') return true;
  if (type === 'person') return textCues.person.test(text.replace(salutation, ' '));
  if (type === 'number') return textCues.number.test(withoutNonCounts(text));
  if (type === 'date') return textCues.date.test(text.replace(nonValues, ' '));
  return textCues[type].test(text);
}
