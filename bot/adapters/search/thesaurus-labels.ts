/**
 * OpenThesaurus entries and their usage labels: "abdüsen (ugs.)", "Verwaltungsakt (Amtsdeutsch)",
 * "(sich) ausruhen". The trailing parenthesis holds the labels; each entry gets a register that decides
 * whether it is kept and how strongly it may stand for a word of a question.
 */

/** How an entry is used: colloquial ("ugs."), standard (no label), formal ("Amtsdeutsch", "fachspr.") or dropped. */
export type Register = 'colloquial' | 'standard' | 'formal' | 'dropped';

/** One parsed thesaurus entry. */
export interface ThesaurusEntry {
  /** The words without any parenthesis ("(sich) ausruhen (ugs.)" → "ausruhen"). */
  readonly text: string;
  /** The labels of the trailing parenthesis ("ugs.", "fig."), empty when there is none. */
  readonly labels: readonly string[];
  readonly register: Register;
}

/**
 * Labels whose entries are never used: vulgar, pejorative, old-fashioned, elevated, figurative, jocular,
 * proverbial and Austrian/Swiss usage — none of them helps a staff question meet German administration text.
 */
const droppedLabels = new Set(
  `derb vulg. veraltet veraltend geh. abwertend beleidigend altertümelnd altertümlich historisch histor. poetisch
literarisch lit. verhüllend euphemistisch kindersprache scherzhaft scherzhaft-ironisch halb-scherzhaft ironisch
ironisierend sarkastisch spöttisch spruch sprichwort sprichwörtlich redensartlich floskelhaft fig. pathetisch
emphatisch übertreibend fälschlich irrtümlich biblisch bibl. zitat selten ddr soldatensprache jägersprache
österr. schweiz. südtirolerisch südtirol. liechtensteinisch luxemburgisch`.split(/\s+/),
);
/** Multi-word labels that also drop an entry. */
const droppedPhrases = [
  'stark abwertend',
  'leicht abwertend',
  'oft abwertend',
  'geflügeltes wort',
  'auch fig.',
  'oft fig.',
  'oft iron.',
  'schweiz. od. veraltet',
];

/** Colloquial and regional usage inside Germany: a good word to start from, a poor word to search for. */
const colloquialLabels = new Set(
  `ugs. salopp jargon regional norddeutsch süddt. ruhrdt. rheinisch kölsch berlinerisch westfälisch niederrheinisch
plattdeutsch niederdt. landschaftlich jugendsprachlich bair. schwäbisch sächsisch fränk. hessisch pfälzisch badisch
thüringisch alemannisch westdeutsch ostdeutsch ostdt. oberdeutsch niedersächs. saarländisch schlesisch`.split(/\s+/),
);

/** Administrative and technical wording, the register of the documents staff ask about. */
const formalLabels = new Set(
  `amtsdeutsch verwaltungsdeutsch papierdeutsch fachspr. jur. juristisch offiziell kaufm. kaufmännisch technisch tech.
wissenschaftlich`.split(/\s+/),
);

/** The register of an entry from its labels (dropped wins over colloquial, colloquial over formal). */
export function registerOf(labels: readonly string[]): Register {
  const lower = labels.map((label) => label.toLowerCase());
  if (lower.some((label) => droppedLabels.has(label) || droppedPhrases.includes(label))) return 'dropped';
  if (lower.some((label) => colloquialLabels.has(label))) return 'colloquial';
  if (lower.some((label) => formalLabels.has(label))) return 'formal';
  return 'standard';
}

const trailingLabels = /\S\s*\(([^()]+)\)\s*$/u;

/** Parses one entry of an OpenThesaurus line. */
export function parseThesaurusEntry(raw: string): ThesaurusEntry {
  const trailing = trailingLabels.exec(raw);
  const labels = trailing
    ? trailing[1]!
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean)
    : [];
  const text = raw
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, labels, register: registerOf(labels) };
}

/** Parses a thesaurus line ("a;b (ugs.);c"); comment lines (#) give an empty list. */
export function parseThesaurusLine(line: string): ThesaurusEntry[] {
  if (line.startsWith('#') || !line.trim()) return [];
  return line
    .split(';')
    .map(parseThesaurusEntry)
    .filter((entry) => entry.text.length > 0);
}
