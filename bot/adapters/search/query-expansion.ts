/**
 * Query expansion: adds weighted related terms to the words of a question, from the domain lexicon (abbreviations
 * and staff jargon, phrases of up to three words) and then from the thesaurus. The person's own forms stay as
 * they are; related terms only ever count with their weight (below 1), and each word gets at most a few.
 */
import type { RelatedTerm, WordForms } from '../../ports/search.ts';
import { foldGerman } from '../../shared/text.ts';
import { lexiconKey, maxKeyWords, type DomainLexicon } from './domain-lexicon.ts';
import { compoundSynonyms } from './compound-synonyms.ts';
import type { RelatedWord, Thesaurus } from './thesaurus.ts';

/** A token of the question with its analysis (null for stop words and noise, which still count in phrases). */
export interface AnalysedToken {
  readonly token: string;
  readonly word: WordForms | null;
}

/** What expansion needs: the resources (either may be absent) and the analysis of related words. */
export interface QueryExpansionOptions {
  readonly lexicon?: DomainLexicon;
  readonly thesaurus?: Thesaurus;
  /**
   * Whether the corpus contains an index term. When given, thesaurus words come from the broader candidates
   * (`Thesaurus.candidates`) and only those the corpus contains are kept, at most `maxCorpusThesaurusWords`.
   */
  readonly inCorpus?: (term: string) => boolean;
  /** Analysed forms of each word of a related word or phrase ("mobiles Arbeiten" → [["mobil"], ["arbeit"]]). */
  readonly analyzeRelated: (text: string) => readonly (readonly string[])[];
  /** The stem the analyzer gives a single word (for lexicon keys of hyphen pieces: "KI-Tools" → "KI", "Tools"). */
  readonly stemOf: (token: string) => string | undefined;
  /** At most this many related terms per word (domain lexicon first). */
  readonly maxRelatedTerms?: number;
  /**
   * For compound synonyms (with `inCorpus`): the dictionary parts of a folded compound (none for a simple word) and
   * the index term of a folded word by stemming alone (cheap: many candidate compounds are checked per word).
   */
  readonly compounds?: { readonly partsOf: (folded: string) => readonly string[]; readonly termOf: (folded: string) => string };
}

const defaultMaxRelatedTerms = 14;
/** Thesaurus words kept per question word when they are chosen by the corpus. */
export const maxCorpusThesaurusWords = 16;

interface Relation {
  readonly text: string;
  readonly weight: number;
  readonly source: string;
}

/** Domain lexicon relations of the phrases ending at token `end`, attributed to the last analysed word in them. */
function phraseRelations(tokens: readonly AnalysedToken[], end: number, lexicon: DomainLexicon): Map<number, Relation[]> {
  const byWord = new Map<number, Relation[]>();
  for (let length = 2; length <= maxKeyWords && end - length + 1 >= 0; length += 1) {
    const start = end - length + 1;
    const relations = lexicon.byNormalisedKey(
      lexiconKey(
        tokens
          .slice(start, end + 1)
          .map((entry) => entry.token)
          .join(''),
      ),
    );
    if (relations.length === 0) continue;
    let owner = end;
    while (owner >= start && !tokens[owner]!.word) owner -= 1;
    if (owner < start) continue;
    byWord.set(owner, [...(byWord.get(owner) ?? []), ...relations.map((relation) => ({ ...relation, source: 'domain' }))]);
  }
  return byWord;
}

/** Relations of a single word: its domain lexicon entries (by key, else by stem), then its thesaurus entries. */
function singleRelations(token: string, stem: string | undefined, options: QueryExpansionOptions, lemma?: string): Relation[] {
  const relations: Relation[] = [];
  if (options.lexicon) {
    const byKey = options.lexicon.byNormalisedKey(lexiconKey(token));
    const found = byKey.length || stem === undefined ? byKey : options.lexicon.byStemOf(stem);
    relations.push(...[...found, ...options.lexicon.byPrefix(lexiconKey(token))].map((relation) => ({ ...relation, source: 'domain' })));
  }
  if (options.thesaurus && !/\d/.test(token)) {
    const thesaurus = options.thesaurus;
    const inCorpus = options.inCorpus;
    const lookup = (word: string): readonly RelatedWord[] =>
      inCorpus
        ? thesaurus
            .candidates(word)
            .filter((related) => options.analyzeRelated(related.word).some((forms) => forms.some(inCorpus)))
            .slice(0, maxCorpusThesaurusWords)
        : thesaurus.related(word);
    const direct = lookup(token.toLowerCase());
    // The thesaurus lists infinitives: a participle ("mitgemacht", "angeschlossen") is also looked up as its lemma.
    const found = lemma ? [...direct, ...lookup(lemma)] : direct;
    // A compound the thesaurus lacks: the corpus's compounds with a part replaced by its thesaurus word.
    const compounds =
      found.length === 0 && inCorpus && options.compounds
        ? compoundSynonyms(foldGerman(token.toLowerCase()), {
            partsOf: options.compounds.partsOf,
            candidates: (part) => thesaurus.candidates(part),
            stemOf: options.compounds.termOf,
            inCorpus,
          })
        : [];
    for (const related of [...found, ...compounds]) {
      relations.push({
        text: related.word,
        weight: related.weight,
        source: related.labels.length ? `thesaurus:${related.labels.join(',')}` : 'thesaurus',
      });
    }
  }
  return relations;
}

/** Relations of a token: of the whole word, and for a hyphenated word also of its pieces ("KI-Tools"). */
function wordRelations(entry: AnalysedToken, options: QueryExpansionOptions): Relation[] {
  const relations = singleRelations(entry.token, entry.word?.forms[0], options, entry.word?.lemma);
  const pieces = entry.token.split(/[-‐‑–]/).filter(Boolean);
  if (pieces.length > 1) for (const piece of pieces) relations.push(...singleRelations(piece, options.stemOf(piece), options));
  return relations;
}

/** Turns relations into related terms: analysed, without the word's own terms, best weight per term, capped. */
function toRelatedTerms(word: WordForms, relations: readonly Relation[], options: QueryExpansionOptions): RelatedTerm[] {
  const own = new Set([...word.forms, ...word.parts]);
  const terms = new Map<string, RelatedTerm>();
  const limit = options.maxRelatedTerms ?? defaultMaxRelatedTerms;
  for (const relation of relations) {
    const analysed = options.analyzeRelated(relation.text);
    const words = analysed.map((forms) => forms.filter((term) => !own.has(term))).filter((forms) => forms.length > 0);
    // A phrase that repeats the word itself ("E-Akte" → "elektronische Akte") would leave a loose adjective: skip it.
    if (words.length === 0 || (analysed.length > 1 && words.length < analysed.length)) continue;
    const group = words.length > 1 ? foldGerman(relation.text) : undefined;
    for (const term of words.flat()) {
      const previous = terms.get(term);
      if (previous && previous.weight >= relation.weight) continue;
      if (!previous && terms.size >= limit) continue;
      terms.set(term, { term, weight: relation.weight, source: relation.source, ...(group ? { group } : {}) });
    }
  }
  return [...terms.values()];
}

/** The words of a question with related terms added (words without any keep their analysis unchanged). */
export function expandWords(tokens: readonly AnalysedToken[], options: QueryExpansionOptions): WordForms[] {
  const phrases = new Map<number, Relation[]>();
  if (options.lexicon) {
    for (let end = 0; end < tokens.length; end += 1) {
      for (const [owner, relations] of phraseRelations(tokens, end, options.lexicon))
        phrases.set(owner, [...(phrases.get(owner) ?? []), ...relations]);
    }
  }
  const words: WordForms[] = [];
  tokens.forEach((entry, index) => {
    if (!entry.word) return;
    const relations = [...(phrases.get(index) ?? []), ...wordRelations(entry, options)];
    const related = relations.length ? toRelatedTerms(entry.word, relations, options) : [];
    words.push(related.length ? { ...entry.word, related } : entry.word);
  });
  return words;
}
