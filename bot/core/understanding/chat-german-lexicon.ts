/**
 * Word lists of chat German that `normalizeQuestion` removes or expands: greetings, thanks, sign-offs,
 * acknowledgements, preambles, colloquial contractions and fillers. Pure data; the rules that use it
 * live in `small-talk.ts` and `normalize-question.ts`. These lists are matched, never shown to people.
 *
 * Small-talk patterns are regular-expression sources matched against a *folded* segment: lower case,
 * ä→a, ö→o, ü→u, ß→ss, every character that is not a letter or digit turned into one space
 * ("Kolleg*innen" → "kolleg innen", "wie geht's" → "wie geht s"). Each pattern must match whole words.
 */

/** Kinds of small talk; `addressee`, `thanksTail` and `preamble` only ever accompany the others. */
export type SmallTalkKind = 'greeting' | 'addressee' | 'thanks' | 'thanksTail' | 'farewell' | 'acknowledgement' | 'preamble';

/** Folded patterns per kind (see the module comment). */
export const smallTalkPatterns: Readonly<Record<SmallTalkKind, readonly string[]>> = {
  greeting: [
    'hallo( hallo)?',
    'hallochen',
    'hi',
    'hey',
    'moin( moin)?',
    'moinsen',
    'servus',
    'gruss (gott|dich|euch)',
    'gruezi',
    'guten (morgen|tag|abend|mittag)',
    'morgen',
    'mahlzeit',
    'tag',
    'tach',
    'na',
    'sehr geehrte damen und herren',
    'liebes( lotse| lotsen| digitallotsen)? team',
    'liebe (kolleg innen|kolleginnen( und kollegen)?|kollegen( und kolleginnen)?|kollegin|kolleg in|alle)',
    'wie geht s',
    'wie gehts',
    'wie geht es( dir| ihnen| euch)?',
  ],
  addressee: [
    'zusammen',
    'alle( zusammen)?',
    'allerseits',
    'miteinander',
    'ihr( lieben)?',
    'leute',
    'team',
    '(digital)?lotse( team)?',
    '(digital)?lotsin',
    'kolleg innen',
    'kolleginnen',
    'kollegen',
  ],
  thanks: [
    'danke( schon| sehr| vielmals)?',
    'dankeschon',
    'dankesehr',
    'ich danke( dir| ihnen| euch)?',
    'dank dir',
    '(vielen|lieben|vielen lieben|herzlichen|ganz herzlichen|recht herzlichen|besten|tausend|schonen) dank',
    'merci',
    'thx',
    'thanks',
    'thank you',
  ],
  thanksTail: [
    'dir',
    'ihnen',
    'euch',
    'sehr',
    'schon',
    'vielmals',
    'nochmal',
    'nochmals',
    'auch',
    'mal',
    '(schon )?(im voraus|vorab)',
    'schon (mal|einmal)',
    'schonmal',
    'fur( (die|deine|ihre|eure))?( (schnelle|rasche|nette|tolle))? (antwort|antworten|info|infos|information|informationen|hilfe|auskunft|ruckmeldung|unterstutzung|muhe|geduld)',
    'fur alles',
  ],
  farewell: [
    '(mit )?(viele|viel|liebe|beste|freundliche|herzliche|schone|sonnige|gute|kollegiale|freundlichen|besten|herzlichen) (grusse|gruss|grussen)',
    'gruss',
    'grusse',
    'lg',
    'vg',
    'mfg',
    'bg',
    'tschuss',
    'tschus',
    'ciao',
    'bye',
    'adieu',
    'auf wiedersehen',
    'bis (dann|spater|bald|morgen|demnachst|die tage)',
    'schonen (tag|abend|feierabend|nachmittag)( noch)?',
    'schones wochenende',
    'mach s gut',
    'machs gut',
  ],
  acknowledgement: [
    'ok',
    'okay',
    'okey',
    'oki',
    'alles klar',
    'alles gut',
    'super',
    'prima',
    'perfekt',
    'toll',
    'klasse',
    'top',
    'spitze',
    '(sehr )?gut',
    'verstanden',
    '(das )?passt',
    'cool',
    'wunderbar',
    'ach so',
    'aha',
    'gut zu wissen',
    '(sehr )?hilfreich',
    '(das )?(hilft|half)( mir)?( sehr| schon| wirklich)?( weiter)?',
    'das hat( mir)?( sehr)? geholfen',
    'jetzt weiss ich bescheid',
  ],
  preamble: [
    '(ich )?(hatte|habe|hab|hatt)( da)?( mal| ma)?( noch)?( (eine|ne|n))?( kleine| kurze)? frage( an (dich|sie|euch))?',
    '(noch )?(mal )?(eine|ne|n)( kleine| kurze)? frage',
    'kurze frage',
    'frage',
    'folgende frage',
  ],
};

/** Greetings that are also ordinary words ("Morgen muss ich …"): removed only as a sentence part of their own. */
export const ambiguousGreetings: readonly string[] = ['morgen', 'tag', 'tach', 'na', 'mahlzeit', 'wie'];

/**
 * First words of a thanks or sign-off that ends a question without a comma ("… zum Vergleich danke!"), and
 * words that make "danke" content instead ("Wie sage ich danke").
 */
export const closingWithoutComma: { readonly starts: readonly string[]; readonly notAfter: readonly string[] } = {
  starts: [
    'danke',
    'dankeschon',
    'vielen',
    'herzlichen',
    'besten',
    'tausend',
    'merci',
    'thx',
    'viele',
    'liebe',
    'beste',
    'freundliche',
    'herzliche',
    'mit',
  ],
  notAfter: ['ich', 'wir', 'man', 'sage', 'sagen', 'sagt', 'zu', 'kein', 'keine', 'ein', 'eine', 'das', 'die', 'der'],
};

/** Kinds a sign-off name ("Viele Grüße, Marek") may follow. */
export const kindsBeforeName: readonly SmallTalkKind[] = ['thanks', 'thanksTail', 'farewell'];

/**
 * Colloquial contractions and spellings → standard German. Keys match whole words in lower case or with
 * a capital first letter ("Gibts"); an apostrophe in a key also matches ’ ‘ ` ´.
 */
export const contractions: Readonly<Record<string, string>> = {
  aufm: 'auf dem',
  aufn: 'auf den',
  "auf'm": 'auf dem',
  übern: 'über den',
  überm: 'über dem',
  unterm: 'unter dem',
  untern: 'unter den',
  vorm: 'vor dem',
  hinterm: 'hinter dem',
  mitm: 'mit dem',
  ausm: 'aus dem',
  fürn: 'für den',
  gabs: 'gab es',
  "gab's": 'gab es',
  gibts: 'gibt es',
  "gibt's": 'gibt es',
  gehts: 'geht es',
  "geht's": 'geht es',
  klappts: 'klappt es',
  "klappt's": 'klappt es',
  hats: 'hat es',
  "hat's": 'hat es',
  ists: 'ist es',
  "ist's": 'ist es',
  wars: 'war es',
  "war's": 'war es',
  wärs: 'wäre es',
  "wär's": 'wäre es',
  kanns: 'kann es',
  "kann's": 'kann es',
  brauchts: 'braucht es',
  reichts: 'reicht es',
  passts: 'passt es',
  läufts: 'läuft es',
  hilfts: 'hilft es',
  "gehört's": 'gehört es',
  "wie's": 'wie es',
  isses: 'ist es',
  is: 'ist',
  ne: 'eine',
  "'ne": 'eine',
  nen: 'einen',
  "'nen": 'einen',
  nem: 'einem',
  "'nem": 'einem',
  ner: 'einer',
  "'ner": 'einer',
  nes: 'eines',
  "'n": 'ein',
  hab: 'habe',
  "hab's": 'habe es',
  ham: 'haben',
  nich: 'nicht',
  nix: 'nichts',
  haste: 'hast du',
  kannste: 'kannst du',
  biste: 'bist du',
  weißte: 'weißt du',
  wieviel: 'wie viel',
  wieviele: 'wie viele',
  wievielen: 'wie vielen',
  wievieler: 'wie vieler',
};

/** Contractions that match in lower case only, because the capitalised form is a noun ("Grad der Behinderung"). */
export const lowerCaseOnlyContractions: Readonly<Record<string, string>> = {
  ma: 'mal',
  grad: 'gerade',
  grade: 'gerade',
};

/** Abbreviations spelled out: regular-expression sources matched case-insensitively as whole words ("zb", "z.B.", "z. B."). */
export const spelledOut: readonly { readonly pattern: string; readonly text: string }[] = [
  { pattern: 'z(?:\\.\\s?b\\.|b)', text: 'zum Beispiel' },
];
