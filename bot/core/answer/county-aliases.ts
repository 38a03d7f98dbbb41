/**
 * How staff name a county without writing "Kreis <Name>": vehicle registration codes (Kfz-Kennzeichen,
 * "VIE", "UN", "RE", "PB"), "KV Viersen", "Kreis PB" and demonyms ("Paderborner", "Recklinghäuser").
 *
 * Data: the current and legacy Kfz codes of the districts (Kreise) of North Rhine-Westphalia, taken from the
 * official list of German registration codes (FZV, "Unterscheidungszeichen"; compiled by hand, 22 "Kreis <Name>" districts); only entries whose
 * county has documents in the knowledge base are ever used, so a code of another county cannot restrict
 * anything. Two-letter codes collide with ordinary words and abbreviations ("re", "un", "UN-Konvention",
 * "RE: Anfrage", "die EU"), so they count only when written in capitals as a word of their own ("PB-Strategie"
 * counts, "UN-Konvention" does not), not as a mail prefix ("RE:"), not after an article, or when "Kreis"/"KV"
 * precedes them; a lower-case code counts after "Kreis"/"KV" or a place preposition ("bei uns in pb") unless it
 * is also a word ("in re").
 */
import { escapeRegExp, foldGerman } from '../../shared/text.ts';

/** County name (as in "Kreis <Name>") → its registration codes, current first. */
export const countyCodes: Readonly<Record<string, readonly string[]>> = {
  Viersen: ['VIE', 'KK'],
  Unna: ['UN', 'LÜN'],
  Recklinghausen: ['RE', 'CAS', 'GLA'],
  Paderborn: ['PB', 'BÜR'],
  Kleve: ['KLE', 'GEL'],
  Wesel: ['WES', 'DIN', 'MO'],
  Mettmann: ['ME'],
  Düren: ['DN', 'JÜL'],
  Euskirchen: ['EU', 'SLE'],
  Heinsberg: ['HS', 'GK', 'ERK'],
  Borken: ['BOR', 'AH', 'BOH'],
  Coesfeld: ['COE', 'LH'],
  Steinfurt: ['ST', 'BF', 'TE'],
  Warendorf: ['WAF', 'BE'],
  Gütersloh: ['GT'],
  Herford: ['HF'],
  Höxter: ['HX', 'WAR'],
  Lippe: ['LIP'],
  'Minden-Lübbecke': ['MI'],
  Olpe: ['OE'],
  'Siegen-Wittgenstein': ['SI', 'BLB'],
  Soest: ['SO', 'LP'],
};

/** Irregular demonyms and adjective forms; regular ones ("Paderborner", "Unnas") are derived from the name. */
export const countyDemonyms: Readonly<Record<string, readonly string[]>> = {
  Recklinghausen: ['Recklinghäuser', 'Recklinghausener'],
  Höxter: ['Höxteraner'],
  Lippe: ['Lipper', 'lippisch', 'lippische', 'lippischen'],
};

/** Codes that in a hyphen compound usually mean an international body ("UN-Konvention", "EU-Richtlinie"). */
export const internationalCodes: ReadonlySet<string> = new Set(['UN', 'EU']);

/** "in pb", "bei vie": a lower-case code right after a place preposition still names the county… */
const placePreposition = /\b(?:in|im|bei|beim|aus|nach)\s+$/i;
/** …unless the code is also a word or a common abbreviation ("in re", "so", "war"). */
const wordLikeCodes = new Set([
  're',
  'un',
  'eu',
  'so',
  'war',
  'be',
  'me',
  'mi',
  'mo',
  'ah',
  'st',
  'te',
  'si',
  'oe',
  'gel',
  'din',
  'lip',
  'hs',
]);

const regularSuffixes = ['', 's', 'er', 'ern', 'ers', 'erin', 'erinnen'];
const prefixEvidence = /(?:\b(?:land)?kreis(?:es|verwaltung)?|\bkv|\blk)\s+$/i;
const mailPrefix = /^\s*(?:re|aw|wg|fw|fwd)\s*:/i;

/** Position of the first word naming the county `name` by its name, a demonym or an inflected form. */
function wordMention(words: readonly { folded: string; index: number }[], name: string): number | undefined {
  const key = foldGerman(name);
  const forms = new Set(regularSuffixes.map((suffix) => `${key}${suffix}`));
  for (const demonym of countyDemonyms[name] ?? []) {
    for (const suffix of ['', 'n', 's', 'in', 'innen']) forms.add(`${foldGerman(demonym)}${suffix}`);
  }
  return words.find((word) => forms.has(word.folded))?.index;
}

/** Position of the first registration code naming the county (see the module comment). */
function codeMention(question: string, code: string): number | undefined {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(code)}(?![\\p{L}\\p{N}])`, 'giu');
  for (const match of question.matchAll(pattern)) {
    const at = match.index;
    if (question[at + code.length] === '-' && internationalCodes.has(code.toUpperCase())) continue;
    const before = question.slice(Math.max(0, at - 24), at);
    if (prefixEvidence.test(before)) return at;
    if (match[0] !== code && !(placePreposition.test(before) && !wordLikeCodes.has(code.toLowerCase()))) continue;
    if (code.length <= 2 && mailPrefix.test(question.slice(at)) && question.slice(0, at).trim() === '') continue;
    const compound = question[at + code.length] === '-';
    if (code.length <= 2 && !compound && /\b(?:die|der|den|des|dem)\s+$/i.test(before)) continue;
    return at;
  }
  return undefined;
}

/** The county name (without "Kreis") a tenant label stands for, e.g. "Kreis Viersen" → "Viersen". */
export function countyName(tenant: string): string {
  return tenant.replace(/^(?:Land)?[Kk]reis(?:es|verwaltung)?\s+/, '').trim();
}

/**
 * The known tenants the question names, by name, inflected name, demonym or registration code, ordered
 * by where they are first named (the county asked about usually comes first: "Kreis PB – auch wie Viersen?").
 */
export function namedTenants(question: string, known: readonly string[]): string[] {
  const words = [...question.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ folded: foldGerman(match[0]), index: match.index }));
  const found: { tenant: string; index: number }[] = [];
  for (const tenant of known) {
    const name = countyName(tenant);
    const codes = Object.entries(countyCodes).find(([county]) => foldGerman(county) === foldGerman(name))?.[1] ?? [];
    const positions = [wordMention(words, name), ...codes.map((code) => codeMention(question, code))];
    const first = Math.min(...positions.filter((at): at is number => at !== undefined));
    if (Number.isFinite(first)) found.push({ tenant, index: first });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.tenant);
}
