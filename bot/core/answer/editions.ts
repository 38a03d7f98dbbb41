/**
 * Editions of a document (a 2021 and a 2025 strategy): which one replaces which, and how a question
 * weighs them. The edition in force wins where both could answer; an older edition stays answerable
 * (many facts are only in it) but is ranked below, unless the question asks for it ("Strategie 2021",
 * "damals", "alte Fassung") — then it counts fully, and when it is named by year the newer one steps back.
 */
import type { DocumentMeta } from '../../ports/knowledge.ts';
import { foldGerman } from '../../shared/text.ts';

/**
 * Ranking factor of an older edition that the question does not ask for: among the hits of the two
 * editions, its scores count × this, so that the newer edition wins ties and near-ties. With the type-aware
 * passage order (typed-hits.ts), measured end to end on seeds-dev / seeds-own (cited): 0.9 → 88 / 63 %, 0.75 → 89 /
 * 63 %, 0.6 → 90 / 60 %.
 */
export const olderEditionWeight = 0.75;

/**
 * Ranking factor of an older edition when the question asks about the present ("inzwischen", "aktuell",
 * "grad", "mittlerweile", "derzeit", "jetzt"): the edition in force describes today, the older one the past.
 */
export const olderEditionWeightForPresent = 0.6;

const presentCue =
  /\b(inzwischen|mittlerweile|aktuell|derzeit|zurzeit|zur\s+zeit|zzt|momentan|grad|gerade|jetzt|heute|heutzutage|neueste[nrms]?|stand\s+heute)\b/;

const designation = String.raw`(?:digi(?:talisierungs)?)?(?:strategie|agenda|fassung|version|ausgabe|auflage|konzept|papier|dienstanweisung|dienstvereinbarung|richtlinie|leitfaden|plan)`;
const olderWords = String.raw`(?:alte|fruhere|vorherige|bisherige|vorige|erste|ursprungliche|damalige)[nrms]?`;
const olderEditionPattern = new RegExp(String.raw`\b(?:${olderWords}\s+(?:\w+\s+)?${designation}\b|damals|seinerzeit|ursprunglich)`);

/** Whether a date lies in the document's validity period. */
export function isInForce(meta: DocumentMeta, today: string): boolean {
  if (meta.validFrom && meta.validFrom > today) return false;
  return !(meta.validTo && meta.validTo < today);
}

/** The year an edition is of: its Stand, else a year in its title ("Digitalisierungsstrategie … 2021"). */
export function editionYear(meta: DocumentMeta): string | undefined {
  if (meta.stand) return meta.stand.slice(0, 4);
  return [...meta.title.matchAll(/\b(19\d{2}|20\d{2})\b/g)].at(-1)?.[1];
}

const yearPattern = /\b(19\d{2}|20\d{2})\b/;

/** Folded title and "title county" words of a document, computed once per document object (questions are many). */
const foldedMeta = new WeakMap<DocumentMeta, { readonly title: string; readonly described: string }>();
function folded(meta: DocumentMeta): { readonly title: string; readonly described: string } {
  let entry = foldedMeta.get(meta);
  if (!entry) {
    entry = {
      title: foldGerman(meta.title).trim(),
      described: ` ${foldGerman(`${meta.title} ${meta.tenant ?? ''}`).replace(/[^\p{L}\p{N}]+/gu, ' ')} `,
    };
    foldedMeta.set(meta, entry);
  }
  return entry;
}

/** A `supersedes` reference folded once: its text, its year and its words. */
interface FoldedReference {
  readonly text: string;
  readonly year: string | undefined;
  readonly words: readonly string[];
}

function foldReference(reference: string): FoldedReference {
  const text = foldGerman(reference).trim();
  const year = yearPattern.exec(text)?.[1];
  return { text, year, words: text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && word !== year) };
}

/** Whether a reference ("Digitalisierungsstrategie Kreis Viersen 2021") describes the document. */
function referenceMatches(reference: FoldedReference, meta: DocumentMeta): boolean {
  const { title, described } = folded(meta);
  if (reference.text === meta.id || reference.text === title) return true;
  if (reference.words.length < 2 || !reference.words.every((word) => described.includes(` ${word} `))) return false;
  const known = editionYear(meta);
  return !(reference.year && known && reference.year !== known);
}

/**
 * Older document id → the edition in force that replaces it. `supersedes` may hold ids, exact titles or
 * a description such as "Digitalisierungsstrategie Kreis Viersen 2021", as ingestion infers it from the
 * text: all its words in the older edition's title and county, its year equal to the older edition's
 * year (Stand or a year in the title) — or, when that year is unknown, the only such document.
 */
export function supersededBy(documents: readonly DocumentMeta[], today: string): Map<string, DocumentMeta> {
  const replacedBy = new Map<string, DocumentMeta>();
  for (const meta of documents) {
    if (!isInForce(meta, today)) continue;
    for (const reference of meta.supersedes) {
      const foldedReference = foldReference(reference);
      const candidates = documents.filter(
        (candidate) =>
          candidate.id !== meta.id &&
          referenceMatches(foldedReference, candidate) &&
          (!meta.tenant || !candidate.tenant || candidate.tenant === meta.tenant),
      );
      const dated = candidates.filter((candidate) => editionYear(candidate) !== undefined);
      const older =
        documents.find((candidate) => candidate.id === reference && candidate.id !== meta.id) ??
        (dated.length === 1 ? dated[0] : candidates.length === 1 ? candidates[0] : undefined);
      if (older) replacedBy.set(older.id, meta);
    }
  }
  return replacedBy;
}

/** The year of an older edition: its own, else the year the replacing edition's reference gives it. */
export function olderEditionYear(older: DocumentMeta, newer: DocumentMeta): string | undefined {
  return (
    editionYear(older) ??
    newer.supersedes
      .flatMap((reference) => (referenceMatches(foldReference(reference), older) ? [yearPattern.exec(reference)?.[1]] : []))
      .find((year): year is string => year !== undefined)
  );
}

/** Whether the question asks for an older edition in general ("alte Fassung", "damals", "erste Strategie"). */
export function asksForOlderEdition(question: string): boolean {
  return olderEditionPattern.test(foldGerman(question));
}

/** Whether the question names an edition year next to a designation ("Strategie 2021", "Dienstanweisung von 2023"). */
export function namesEditionYear(question: string, year: string | undefined): boolean {
  if (!year) return false;
  const folded = foldGerman(question);
  const near = new RegExp(
    String.raw`${designation}\w*\s*(?:von|aus|vom|aus dem jahr|des jahres|\()?\s*${year}\b|\b${year}(?:er)?\s*(?:\w+\s+)?${designation}`,
  );
  return near.test(folded);
}

/** Whether the question mentions the edition's year at all. */
function mentionsYear(question: string, year: string | undefined): boolean {
  return year !== undefined && new RegExp(String.raw`\b${year}\b`).test(question);
}

/**
 * Ranking factors for the editions among `allowed`: an older edition gets `olderEditionWeight` unless the
 * question asks for older editions or mentions its year; an edition named by year ("Strategie 2021") makes
 * the editions replacing it step back instead.
 */
export function editionWeights(
  question: string,
  documents: readonly DocumentMeta[],
  replacedBy: ReadonlyMap<string, DocumentMeta>,
): Map<string, number> {
  const weights = new Map<string, number>();
  const older = asksForOlderEdition(question);
  const present = presentCue.test(foldGerman(question));
  for (const [olderId, newer] of replacedBy) {
    const meta = documents.find((candidate) => candidate.id === olderId);
    if (!meta) continue;
    const year = olderEditionYear(meta, newer);
    if (namesEditionYear(question, year) && !namesEditionYear(question, editionYear(newer))) weights.set(newer.id, olderEditionWeight);
    else if (!older && !mentionsYear(question, year)) weights.set(olderId, present ? olderEditionWeightForPresent : olderEditionWeight);
  }
  return weights;
}
