/**
 * Suggested next questions after an answer (issue #22): derived from the index, never invented. For an FAQ
 * the neighbouring approved questions of the same FAQ document; for other documents the headings of the
 * sections next to the cited passage, phrased as "Mehr zu: <Abschnitt>". Deterministic: same index, same list.
 */
import type { Chunk } from '../../ports/knowledge.ts';
import type { KnowledgeStore } from '../../ports/knowledge-store.ts';
import type { Citation } from '../../ports/turn.ts';
import { foldGerman } from '../../shared/text.ts';
import { isQuarantined } from '../guardrails/document-injection.ts';

/** German wording of the suggestions (`prompts/messages/presentation.de.yaml`). */
export interface SuggestionTexts {
  /** Template with `{section}` and `{title}` (the document's short title), e.g. "Mehr zu: {section} ({title})". */
  readonly moreAbout: string;
}

/** What the suggestions are derived from. */
export interface SuggestionInput {
  readonly question: string;
  readonly citations: readonly Citation[];
  readonly knowledge: Pick<KnowledgeStore, 'chunksOf' | 'getDocument'>;
  readonly texts: SuggestionTexts;
  /** At most this many suggestions (default 3). */
  readonly max?: number;
}

/** The readable last heading of a section path, without a bare outline number ("5.2 Rahmenarbeitszeit" → "Rahmenarbeitszeit"). */
export function sectionLabel(section: string): string {
  const leaf = section.split(' > ').at(-1)?.trim() ?? '';
  return leaf.replace(/^\d+(?:\.\d+)*\.?\s+(?=\S)/u, '').trim();
}

/** A document's abbreviation when its title ends with one ("… (DV KI)" → "DV KI"), the title otherwise. */
function shortTitle(title: string): string {
  return /\(([^()]{2,20})\)$/u.exec(title)?.[1] ?? title;
}

function anchorOf(chunks: readonly Chunk[], citation: Citation): number {
  const faq = chunks.find((chunk) => chunk.kind === 'faq' && chunk.faq?.question === citation.section);
  const quoted = chunks.find((chunk) => chunk.section === citation.section && chunk.text.includes(citation.quote.slice(0, 80)));
  const sameSection = chunks.find((chunk) => chunk.section === citation.section);
  return (faq ?? quoted ?? sameSection ?? chunks[0])?.ordinal ?? 0;
}

function suggestionOf(chunk: Chunk, title: string, texts: SuggestionTexts): { key: string; text: string } | undefined {
  // A passage with instructions to an AI system or hidden characters (issue #5) is never offered as a button.
  if (isQuarantined(`${chunk.section}\n${chunk.text}`)) return undefined;
  if (chunk.kind === 'faq' && chunk.faq) return { key: chunk.faq.question, text: chunk.faq.question };
  if (chunk.kind !== 'text' || !chunk.section) return undefined;
  const label = sectionLabel(chunk.section);
  if (label.length < 3 || foldGerman(label) === foldGerman(title)) return undefined;
  const text = texts.moreAbout.replace('{section}', label).replace('{title}', shortTitle(title));
  return { key: chunk.section.split(' > ').at(-1) ?? chunk.section, text };
}

/**
 * Up to three related questions from the cited documents: nearest to the cited passage first, never the
 * cited section itself, never the question just asked.
 */
export function suggestFollowUps(input: SuggestionInput): string[] {
  const max = input.max ?? 3;
  const citedSections = new Set(input.citations.map((citation) => citation.section.split(' > ').at(-1) ?? citation.section));
  const seen = new Set([foldGerman(input.question)]);
  const suggestions: string[] = [];
  for (const citation of input.citations) {
    const document = input.knowledge.getDocument(citation.document);
    if (!document || document.type === 'schulung') continue;
    const chunks = input.knowledge.chunksOf(citation.document);
    const anchor = anchorOf(chunks, citation);
    const nearest = [...chunks].sort((a, b) => Math.abs(a.ordinal - anchor) - Math.abs(b.ordinal - anchor) || a.ordinal - b.ordinal);
    for (const chunk of nearest) {
      const suggestion = suggestionOf(chunk, document.title, input.texts);
      if (!suggestion || citedSections.has(suggestion.key) || seen.has(foldGerman(suggestion.text))) continue;
      seen.add(foldGerman(suggestion.text));
      suggestions.push(suggestion.text);
      if (suggestions.length >= max) return suggestions;
    }
  }
  return suggestions;
}
