/**
 * The default answer without a language model: the best supporting sentence(s) of the top passages,
 * quoted verbatim with document, section and Stand.
 */
import { fillTemplate } from './answer-messages.ts';
import { citationFor, standPart, type AnswerContext, type ComposedAnswer, type ResolvedHit } from './answer-context.ts';
import { coverageOf } from './coverage.ts';
import { containsAnswerType, expectedAnswerType } from '../retrieval/answer-type.ts';
import { splitSentences, type Sentence } from './sentences.ts';

interface Candidate {
  readonly resolved: ResolvedHit;
  readonly sentences: readonly Sentence[];
  readonly index: number;
  /** Rank of the passage among the retrieved hits (0 = best). */
  readonly rank: number;
  readonly coverage: number;
  readonly score: number;
}

const maxQuoteLength = 600;

function candidatesOf(context: AnswerContext): Candidate[] {
  const type = expectedAnswerType(context.question);
  return context.hits.slice(0, 3).flatMap((resolved, rank) => {
    const sentences = splitSentences(resolved.chunk.text);
    return sentences.map((sentence, index) => {
      const section = resolved.chunk.section === resolved.document.title ? '' : resolved.chunk.section;
      const next = sentences[index + 1]?.text ?? '';
      const coverage = Math.max(
        coverageOf(context.query, `${section} ${sentence.text}`, context.analyzer),
        0.9 * coverageOf(context.query, `${section} ${sentence.text} ${next}`, context.analyzer),
      );
      const shortPenalty = sentence.text.length < 30 ? 0.15 : 0;
      // A sentence that cannot hold the asked-for value rarely answers; one whose next sentence holds it may.
      const typeFactor = containsAnswerType(sentence.text, type)
        ? 1
        : containsAnswerType(`${sentence.text} ${sentences[index + 1]?.text ?? ''}`, type)
          ? 0.85
          : 0.6;
      return { resolved, sentences, index, rank, coverage, score: coverage * typeFactor * (1 - 0.12 * rank) - shortPenalty };
    });
  });
}

function extendQuote(candidate: Candidate, context: AnswerContext): { start: number; end: number } {
  const { sentences, index } = candidate;
  const first = sentences[index]!;
  let last = first;
  for (let next = index + 1; next < sentences.length; next += 1) {
    const sentence = sentences[next]!;
    const listFollows = /:\s*$/.test(last.text) || /^([-•*–]|\d+[.)])\s/.test(sentence.text);
    const tooShort = last.end - first.start < 220;
    const relevant = coverageOf(context.query, sentence.text, context.analyzer) >= 0.34;
    if (sentence.end - first.start > maxQuoteLength) break;
    if (!(listFollows || tooShort || relevant)) break;
    last = sentence;
    if (!listFollows && !relevant && last.end - first.start >= 220) break;
  }
  return { start: first.start, end: last.end };
}

function renderPart(candidate: Candidate, context: AnswerContext): { text: string; quote: string } {
  const { chunk, document } = candidate.resolved;
  const span = extendQuote(candidate, context);
  const quote = chunk.text.slice(span.start, span.end).trim();
  const section = chunk.section ? fillTemplate(context.messages.sectionPart, { section: chunk.section }) : '';
  const intro = fillTemplate(context.messages.answerIntro, {
    title: document.title,
    section,
    stand: standPart(context.messages, document.stand),
  });
  return { text: `${intro} ${quote}`, quote };
}

/** Composes the extractive answer from the top passages; undefined when there is nothing to quote. */
export function composeExtractiveAnswer(context: AnswerContext): ComposedAnswer | undefined {
  const ranked = candidatesOf(context).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return undefined;
  const parts = [best];
  const second = ranked.find((candidate) => candidate.resolved.chunk.id !== best.resolved.chunk.id && candidate.coverage >= 0.5);
  // The best-ranked passage is quoted too when its best sentence is nearly as good as one from a lower-ranked passage.
  const fromTop = best.rank > 0 ? ranked.find((candidate) => candidate.rank === 0 && candidate.coverage >= 0.34) : undefined;
  if (fromTop && fromTop.score >= best.score * 0.5) parts.push(fromTop);
  else if (second && second.score >= best.score * 0.75) parts.push(second);
  const rendered = parts.map((part) => ({ part, ...renderPart(part, context) }));
  return {
    mode: 'extractive',
    text: rendered.map((entry) => entry.text).join('\n\n'),
    citations: rendered.map((entry) => citationFor(entry.part.resolved, entry.quote)),
  };
}
