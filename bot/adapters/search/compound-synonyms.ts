/**
 * Compound synonyms: a compound whose whole word the thesaurus lacks is related to the compounds the corpus contains
 * with one part replaced by a thesaurus word of that part ("Beratungsfirma" → "Beratungsunternehmen", "Lohnabrechnung"
 * → "Gehaltsabrechnung", "Außenstandort" → "Außenstelle"). Only compounds the corpus contains are kept, so a wrong
 * sense of a part or an invented word never reaches the query.
 */
import type { RelatedWord } from './thesaurus.ts';

/** What building compound synonyms needs. */
export interface CompoundSynonymSources {
  /** The dictionary parts of a folded word, at least two for a compound ("beratungsfirma" → beratung, firma). */
  readonly partsOf: (folded: string) => readonly string[];
  /** Thesaurus words of a part (broad candidates: only those the corpus contains survive). */
  readonly candidates: (part: string) => readonly RelatedWord[];
  /** The index term of a folded word ("gehaltsabrechnung" → "gehaltsabrechn"). */
  readonly stemOf: (folded: string) => string | undefined;
  /** Whether the corpus contains an index term. */
  readonly inCorpus: (term: string) => boolean;
}

/** A compound synonym: the new compound as a word and the weight of the part's thesaurus word. */
export interface CompoundSynonym {
  readonly word: string;
  readonly weight: number;
  readonly labels: readonly string[];
}

/** Linking elements tried after a replaced first part ("Gehalt-s-abrechnung"). */
const linkingElements = ['', 's', 'n', 'en', 'e'] as const;
/** At most this many compound synonyms per word. */
const maxSynonyms = 4;
/** Thesaurus words of a part that are tried (best first). */
const maxCandidatesPerPart = 32;

const plainWord = (word: string): string | undefined => {
  const lower = word.toLowerCase();
  return /^[a-zäöüß]+$/.test(lower) ? lower.replace(/[äöüß]/g, (letter) => ({ ä: 'a', ö: 'o', ü: 'u', ß: 'ss' })[letter]!) : undefined;
};

/** Where the last part starts in the folded word (after the linking element of the part before it). */
function headStart(folded: string, head: string): number {
  for (const probe of [head, head.replace(/e$/, '')]) {
    const index = folded.lastIndexOf(probe);
    if (index > 0) return index;
  }
  return -1;
}

/**
 * Compound synonyms of a folded word that the corpus contains, best first: the last part replaced (the first parts
 * keep their linking element), or for a two-part compound the first part replaced (with each linking element).
 */
export function compoundSynonyms(folded: string, sources: CompoundSynonymSources): CompoundSynonym[] {
  const parts = sources.partsOf(folded);
  if (parts.length < 2) return [];
  const head = parts.at(-1)!;
  const start = headStart(folded, head);
  if (start <= 0) return [];
  const prefix = folded.slice(0, start);
  const rest = folded.slice(start);
  const own = sources.stemOf(folded);
  const found = new Map<string, CompoundSynonym>();
  const consider = (word: string, related: RelatedWord): void => {
    const term = sources.stemOf(word);
    if (!term || term === own || found.has(term) || !sources.inCorpus(term)) return;
    found.set(term, { word, weight: related.weight, labels: related.labels });
  };
  for (const related of sources.candidates(head).slice(0, maxCandidatesPerPart)) {
    const replacement = plainWord(related.word);
    if (replacement) consider(`${prefix}${replacement}`, related);
  }
  if (parts.length === 2) {
    for (const related of sources.candidates(parts[0]!).slice(0, maxCandidatesPerPart)) {
      const replacement = plainWord(related.word);
      if (!replacement) continue;
      for (const linking of linkingElements) consider(`${replacement}${linking}${rest}`, related);
    }
  }
  return [...found.values()].sort((a, b) => b.weight - a.weight).slice(0, maxSynonyms);
}
