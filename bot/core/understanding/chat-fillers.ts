/**
 * The filler lists of chat German as data: words and phrases that only hide the question ("eigentlich", "mal",
 * "ganz kurz", "eig mittlerweile"), and the words that make "mal" count. Removed by `normalize-question.ts`; extend
 * the lists here, not in the rules.
 */

/**
 * Fillers removed wherever they stand (any case): discourse particles and hedges that never name what is asked about
 * ("wie viele haben wir **eig mittlerweile**?"). Rare in the documents, they would otherwise weigh like a topic word.
 */
export const fillers: readonly string[] = [
  'eigentlich',
  'eig',
  'eigtl',
  'nochmal',
  'nochmals',
  'noch mal',
  'mittlerweile',
  'inzwischen',
  'momentan',
  'irgendwie',
  'sowieso',
  'ohnehin',
  'quasi',
];

/**
 * Fillers removed in lower case anywhere and with a capital only at the start of a sentence; mid-sentence
 * "Mal", "Bitte" and "Halt" are nouns ("das erste Mal", "eine Bitte").
 */
export const lowerCaseFillers: readonly string[] = ['mal', 'bitte', 'halt', 'gefühlt', 'grob'];

/** Words before "mal" that make it count ("zwei mal", "das erste mal"), so it is kept. */
export const countingWords: readonly string[] = [
  'ein',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'paar',
  'x',
  'erste',
  'ersten',
  'zweite',
  'zweiten',
  'dritte',
  'dritten',
  'letzte',
  'letzten',
  'nächste',
  'nächsten',
  'dieses',
  'jedes',
  'manches',
  'einige',
  'viele',
];

/** "kurz" is a filler only in these phrases ("ganz kurz", "kurz mal", "kurz nachfragen"); "kurz vor Fristende" stays. */
export const shortFillerPhrases: readonly string[] = [
  '(ganz|nur|mal|ma|noch) kurz',
  'kurz (mal|ma)',
  'kurz(?= (fragen|nachfragen|gefragt|nachgefragt|erklären|sagen|mitteilen|schauen|helfen)\\b)',
];
