/**
 * Curated FAQ entries come first: when a reviewed question matches the asker's question well, its
 * answer is given in full with the FAQ as the source.
 */
import { fillTemplate } from './answer-messages.ts';
import { citationFor, standPart, type AnswerContext, type ComposedAnswer } from './answer-context.ts';
import { coverageOf } from './coverage.ts';

/** Answers from the best-matching FAQ entry among the top hits, if one matches well enough. */
export function composeFaqAnswer(context: AnswerContext): ComposedAnswer | undefined {
  for (const [rank, resolved] of context.hits.slice(0, 3).entries()) {
    const faq = resolved.chunk.faq;
    if (resolved.chunk.kind !== 'faq' || !faq) continue;
    const questionCoverage = coverageOf(context.query, faq.question, context.analyzer);
    const entryCoverage = coverageOf(context.query, `${faq.question} ${faq.answer}`, context.analyzer);
    const matches = (rank === 0 && entryCoverage >= 0.5) || questionCoverage >= 0.75;
    if (!matches) continue;
    const intro = fillTemplate(context.messages.faqIntro, {
      title: resolved.document.title,
      stand: standPart(context.messages, resolved.document.stand),
    });
    return {
      mode: 'faq',
      text: `${intro}\n${faq.answer}`,
      citations: [citationFor(resolved, faq.answer, faq.question)],
    };
  }
  return undefined;
}
