/**
 * Finds a county (Kreis) or kreisfreie Stadt named in a question for which lotse has no documents, so that the answer
 * says "Zu <Ort> liegen mir keine Unterlagen vor." instead of answering from another county's papers. A place counts
 * when it is named
 * - after "Kreis", "Landkreis", "Kreisverwaltung", "Kreistag", "Kreishaus", "Stadt" or "Stadtverwaltung", in any case
 *   ("kreis wesel", "kreistag gütersloh", "Stadt Köln"; a capitalised unlisted name after "Kreis" counts too: "Kreis
 *   Musterland");
 * - by a composite name of the list, in any case and inflected ("des märkischen Kreises", "Ennepe-Ruhr-Kreis",
 *   "im Hochsauerlandkreis", "Städteregion Aachen");
 * - by a bare listed name, capitalised ("Gütersloh hat …", "in Gütersloh"), or in lower case right after a place
 *   preposition ("in höxter"), unless the name is also an ordinary word or a Land (`notBare`: "bei Regen", "im Hof",
 *   "in Berlin"); such names count only after "Kreis"/"Stadt", and then only capitalised ("in der Stadt essen" is no
 *   place).
 * Names of counties that have documents never count here (they scope the question instead, see county-aliases.ts).
 */
import { escapeRegExp, foldGerman } from '../../shared/text.ts';
import { cityNames, districtNames } from './place-names.ts';

interface Place {
  /** How the answer names the place, e.g. "Kreis Wesel", "Stadt Köln", "Märkischer Kreis". */
  readonly label: string;
  /** The distinguishing name, folded ("wesel", "markischer kreis"), compared with the known tenants. */
  readonly key: string;
}

/**
 * Bare names that are also ordinary German words, surnames, Länder or too generic ("Essen", "Hof", "Regen", "Halle",
 * "Weiden", "Lippe", "Berlin", "Neustadt"): they name a place only after "Kreis"/"Stadt", capitalised.
 */
export const notBare: ReadonlySet<string> = new Set(
  [
    'Essen',
    'Hof',
    'Regen',
    'Halle',
    'Weiden',
    'Lippe',
    'Harz',
    'Börde',
    'Konstanz',
    'Leer',
    'Erlangen',
    'Gießen',
    'Roth',
    'Bergstraße',
    'Kiel',
    'Neustadt',
    'Brandenburg',
    'Berlin',
    'Hamburg',
    'Bremen',
  ].map(foldGerman),
);

/** Short forms staff write for a listed name that holds more than the place ("in Aachen", "in Hannover"). */
const aliases: Readonly<Record<string, string>> = {
  'Städteregion Aachen': 'Aachen',
  'Region Hannover': 'Hannover',
  'Regionalverband Saarbrücken': 'Saarbrücken',
  'Rhein-Kreis Neuss': 'Neuss',
  'Altmarkkreis Salzwedel': 'Salzwedel',
};

const composedLabel = /kreis(?:$|\s)|^(?:Städte)?Region|^Regionalverband|\sLand$/i;

/** "Märkischer Kreis" → a pattern that also takes "märkischen Kreises", "Märkischer-Kreis", "hochsauerland-kreis". */
function inflected(name: string): string {
  const words = name.split(/(?<=[\s-])|(?=[\s-])/).filter((word) => word.trim() !== '' && word !== '-');
  return words
    .map((word, index) => {
      const last = index === words.length - 1;
      let stem = escapeRegExp(word);
      if (!last && /er$/.test(word)) stem = `${escapeRegExp(word.slice(0, -2))}(?:er|en|e|es|em)`;
      else if (!last && /e$/.test(word)) stem = `${escapeRegExp(word.slice(0, -1))}(?:e|er|en|es|em)`;
      if (/.kreis$/i.test(word)) stem = `${escapeRegExp(word.slice(0, -5))}[-\\s]?kreis`;
      return last ? `${stem}(?:es|s)?` : stem;
    })
    .join('[-\\s]+');
}

const places = new Map<string, { districts: boolean; cities: boolean; canonical: string }>();
for (const [rows, city] of [
  [districtNames, false],
  [cityNames, true],
] as const) {
  for (const name of rows.flatMap(([, names]) => names.split('|'))) {
    const entry = places.get(name) ?? { districts: false, cities: false, canonical: name };
    places.set(name, city ? { ...entry, cities: true } : { ...entry, districts: true });
  }
}

/** Folded bare word → the place it names; folded listed name → the place (for "Kreis/Stadt <name>"). */
const bare = new Map<string, Place>();
const listed = new Map<string, Place>();
const composites: { pattern: RegExp; place: Place }[] = [];

function placeOf(name: string, kind: { districts: boolean; cities: boolean }): Place {
  const composed = composedLabel.test(name);
  const prefix = composed || (kind.districts && kind.cities) ? '' : kind.cities ? 'Stadt ' : 'Kreis ';
  return { label: `${prefix}${name}`, key: foldGerman(name) };
}

for (const [name, kind] of places) {
  const place = placeOf(name, kind);
  const short = name.replace(/\s+(?:\(.*\)|an der\s.*|am\s.*|im\s.*|in der\s.*|[ai]\.\s?\S.*)$/, '');
  listed.set(foldGerman(name), place);
  listed.set(foldGerman(short), place);
  const alias = aliases[name];
  if (alias) bare.set(foldGerman(alias), { label: name, key: foldGerman(alias) });
  if (/[\s-]|.kreis$/i.test(name)) composites.push({ pattern: new RegExp(`(?<![\\p{L}-])${inflected(name)}(?![\\p{L}-])`, 'giu'), place });
  if (/[\s-]|.kreis$/i.test(short)) continue;
  const previous = bare.get(foldGerman(short));
  bare.set(foldGerman(short), previous && previous.label !== place.label ? { label: short, key: foldGerman(short) } : place);
}

const namePart = String.raw`[\p{L}][\p{L}.-]*(?:\s+(?:an der|am|im|in der|a\.|i\.)\s*[\p{L}][\p{L}.-]*)?`;
const prefixed = new RegExp(
  String.raw`(?<![\p{L}])(landkreis|kreis(?:es|verwaltung|tag(?:s|es)?|haus(?:es)?)?|stadt(?:verwaltung)?)\s+(${namePart})`,
  'giu',
);
const capitalised = /\b(?:Land)?[Kk]reis(?:es|verwaltung)?\s+([A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?)/g;
const word = /(?<![\p{L}\p{N}-])[\p{L}]+(?![\p{L}\p{N}-])/gu;
const placePreposition = /(?<![\p{L}])(?:in|bei|aus|nach|für)\s+$/iu;
/** "Herr Hagen", "Frau Roth": a surname, not a place. */
const personTitle = /(?<![\p{L}])(?:herr|herrn|frau|kollegin|kollege|dr\.)\s+$/iu;

const isCapitalised = (text: string): boolean => /^\p{Lu}/u.test(text);

/** Every place named in the question (see the module comment), in the order named, with where it is named. */
function mentionedPlaces(question: string): { index: number; place: Place }[] {
  const found: { index: number; place: Place }[] = [];
  for (const match of question.matchAll(prefixed)) {
    const [, lead = '', rest = ''] = match;
    // The longest listed name at the start of what follows ("Mülheim an der Ruhr", else "Mülheim").
    const words = rest.split(/\s+/);
    for (let length = words.length; length > 0; length--) {
      const name = words.slice(0, length).join(' ');
      const place = listed.get(foldGerman(name));
      if (!place) continue;
      const city = /^stadt/i.test(lead);
      // "stadt essen" may be a meal; "kreis lippe" is the county whatever the case.
      if (notBare.has(foldGerman(name)) && !isCapitalised(name) && (city || !place.label.startsWith('Kreis '))) break;
      const label = place.label.replace(/^(?:Kreis|Stadt) /, '');
      found.push({
        index: match.index,
        place: composedLabel.test(label) ? place : { ...place, label: `${city ? 'Stadt' : 'Kreis'} ${label}` },
      });
      break;
    }
  }
  for (const match of question.matchAll(capitalised)) {
    const name = match[1] ?? '';
    found.push({ index: match.index, place: { label: `Kreis ${name}`, key: foldGerman(name) } });
  }
  for (const { pattern, place } of composites) {
    for (const match of question.matchAll(pattern)) found.push({ index: match.index, place });
  }
  for (const match of question.matchAll(word)) {
    const folded = foldGerman(match[0]);
    const place = bare.get(folded);
    if (!place || notBare.has(folded)) continue;
    const before = question.slice(Math.max(0, match.index - 12), match.index);
    if (personTitle.test(before)) continue;
    const afterPreposition = placePreposition.test(before);
    if (isCapitalised(match[0]) || afterPreposition) found.push({ index: match.index, place });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The first place named in the question that has no documents, as the answer should name it ("Kreis Wesel",
 * "Stadt Köln", "Märkischer Kreis"), or undefined. `knownKeys` are the folded names of the counties with documents
 * (`tenantKey`): a mention of one of them is never an unknown place, nor is a name that starts with one ("Kreis
 * Unna Nord").
 */
export function unknownPlace(question: string, knownKeys: ReadonlySet<string>): string | undefined {
  for (const { place } of mentionedPlaces(question)) {
    const first = place.key.split(/\s+/)[0] ?? '';
    if (!knownKeys.has(place.key) && !knownKeys.has(first)) return place.label;
  }
  return undefined;
}
