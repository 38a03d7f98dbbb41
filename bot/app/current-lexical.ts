/**
 * A `LexicalIndex` view that always reads the knowledge base's current index (it is replaced on rebuild).
 */
import type { LexicalIndex } from '../ports/search.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** Delegates to whatever lexical index the knowledge base currently holds (it is replaced on rebuild). */
export function currentLexical(knowledge: KnowledgeBase): LexicalIndex {
  return {
    upsert: (entries) => knowledge.lexical.upsert(entries),
    remove: (ids) => knowledge.lexical.remove(ids),
    search: (query, k, filter) => knowledge.lexical.search(query, k, filter),
    idf: (term) => knowledge.lexical.idf(term),
    correct: (term) => knowledge.lexical.correct(term),
    contains: (term, filter) => knowledge.lexical.contains(term, filter),
    get size() {
      return knowledge.lexical.size;
    },
  };
}
