/**
 * Dates and editions a document states about itself: the date of a committee meeting it was prepared
 * for or a resolution ("im Kreistag am 11. September 2023 … beschlossen"), the year of its edition and
 * the older edition it replaces ("2021 … mit ihrer ersten Digitalisierungsstrategie", "Mit der neuen
 * Digitalisierungsstrategie …"). Pure functions on normalised text.
 */

/** German month names (folded and plain) → two-digit month. */
export const germanMonths: Readonly<Record<string, string>> = {
  januar: '01',
  jänner: '01',
  februar: '02',
  märz: '03',
  maerz: '03',
  april: '04',
  mai: '05',
  juni: '06',
  juli: '07',
  august: '08',
  september: '09',
  oktober: '10',
  november: '11',
  dezember: '12',
};

const monthAlternatives = Object.keys(germanMonths).join('|');
const numericDate = String.raw`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)`;
const namedDate = String.raw`(?:(\d{1,2})\.\s*)?(${monthAlternatives})\s+(\d{4})`;
const futureBefore = /\b(?:bis|ab|spätestens|zum|ende|geplant|voraussichtlich|nach)\s+(?:\w+\s+){0,2}$/i;

function iso(year: string, month: string, day: string): string | undefined {
  const fullYear = year.length === 2 ? `20${year}` : year;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Every explicit date in `text` ("11.09.2023", "24.02.26", "11. September 2023", "Dezember 2024" → day 01). */
export function datesIn(text: string): { date: string; index: number }[] {
  const found: { date: string; index: number }[] = [];
  for (const match of text.matchAll(new RegExp(numericDate, 'g'))) {
    const date = iso(match[3]!, match[2]!, match[1]!);
    if (date) found.push({ date, index: match.index });
  }
  for (const match of text.matchAll(new RegExp(namedDate, 'gi'))) {
    const date = iso(match[3]!, germanMonths[match[2]!.toLowerCase()]!, match[1] ?? '1');
    if (date) found.push({ date, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

const sessionLine =
  /^[^\n]{0,80}\b(?:Ausschuss|Kreistag|Kreisausschuss|Sitzung|Verwaltungsvorstand)\b[^\n]{0,40}\b(?:am|vom)\s+[^\n]{6,20}$/gim;
const resolution = /\b(?:Kreistag|Kreisausschuss|Ausschuss|Verwaltungsvorstand)\b[^\n]{0,160}?\b(?:beschlossen|verabschiedet)\b/gi;

/**
 * The Stand a document states indirectly: the meeting it was prepared for ("Ausschuss für Digitalisierung
 * am 24.02.26", near the top) or the latest resolution by a county body ("im Kreistag am … beschlossen").
 */
export function inferSessionStand(text: string): string | undefined {
  for (const line of text.slice(0, 1200).matchAll(sessionLine)) {
    const date = datesIn(line[0])[0]?.date;
    if (date) return date;
  }
  const resolutions = [...text.matchAll(resolution)].flatMap((match) =>
    datesIn(text.slice(Math.max(0, match.index - 30), match.index + match[0].length)).map((found) => found.date),
  );
  return resolutions.sort().at(-1);
}

/**
 * The year of the edition: the Stand's year when known; else the latest dated mention that is not a plan
 * ("Umfrage aus Dezember 2024", not "bis Dezember 2027"), or the year the text names most often (≥ 3 times)
 * when that is at most one year later (a 2025 strategy reports on December 2024 and plans "ab 2025").
 */
export function inferEditionYear(text: string, stand?: string): string | undefined {
  if (stand) return stand.slice(0, 4);
  const past = datesIn(text)
    .filter((found) => !futureBefore.test(text.slice(Math.max(0, found.index - 30), found.index)))
    .map((found) => Number(found.date.slice(0, 4)));
  const latest = past.length ? Math.max(...past) : undefined;
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/(?<![\d./-])(19[9]\d|20\d{2})(?![\d/])/g))
    counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  const [frequent, count] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [undefined, 0];
  const common = frequent !== undefined && count >= 3 ? frequent : undefined;
  if (latest === undefined) return common?.toString();
  if (common === undefined || common > latest + 1) return latest.toString();
  return Math.max(latest, common).toString();
}

const newEdition = /\b(?:neue|überarbeitete|fortgeschriebene|aktualisierte)[nrms]?\s+(\p{L}+)|\bFortschreibung\s+(?:der|des)\s+(\p{L}+)/giu;
const olderEdition = /\b(?:erste|bisherige|vorherige|alte|ursprüngliche|frühere)[nrms]?\s+(\p{L}+)/giu;
const replacesClause =
  /\bersetzt\s+(?:die|den|das)\s+([^.;\n]{4,100}?)\s+(?:vom|von|aus dem Jahr|aus)\s+(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4})\b/giu;

/**
 * References to the editions this document replaces, as descriptions the answer scope resolves against
 * titles, county and year ("Digitalisierungsstrategie Kreis Viersen 2021"): an explicit "ersetzt die … vom
 * …", or a text that calls itself the new `designation` and dates the first/previous one to another year.
 */
export function inferPredecessors(text: string, context: { designation?: string; tenant?: string; year?: string }): string[] {
  const references = [...text.matchAll(replacesClause)].map((match) => `${match[1]!.trim()} ${/\d{4}/.exec(match[2]!)![0]}`);
  const { designation, tenant, year } = context;
  if (!designation) return references;
  const same = (word: string | undefined): boolean => word?.toLowerCase() === designation.toLowerCase();
  const callsItselfNew = [...text.matchAll(newEdition)].some((match) => same(match[1] ?? match[2]));
  if (!callsItselfNew) return references;
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (![...sentence.matchAll(olderEdition)].some((match) => same(match[1]))) continue;
    const older = /(?<![\d./-])(19[9]\d|20\d{2})(?![\d/])/.exec(sentence)?.[1];
    if (older && older !== year && (!year || older < year)) references.push([designation, tenant, older].filter(Boolean).join(' '));
  }
  return [...new Set(references)];
}
