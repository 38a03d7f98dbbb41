/**
 * The training gate made visible (DV KI § 8 Abs. 2, issue #22): when a configured language model is not used
 * because the person's mandatory training "KI-Grundlagen" is not recorded, the answer says so and names the
 * next date of that course from the training catalogue in the index, with its registration link.
 */
import type { Chunk, Course } from '../../ports/knowledge.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import { formatGermanDate } from '../answer/format-date.ts';

/** Texts of the note (`prompts/messages/transparency.de.yaml`). */
export interface TrainingGateTexts {
  /** Placeholders `{course}`, `{date}`, `{link}`. */
  readonly withheld: string;
  /** Placeholder `{course}`: no date from today on is in the catalogue. */
  readonly withheldNoDate: string;
  /** Words that identify the mandatory course in the catalogue (e.g. "KI-Grundlagen"). */
  readonly courseTitle: string;
}

/** The mandatory course matching `title` with its first date from `today` on (the soonest among several rows). */
export function nextMandatoryCourse(chunks: Iterable<Chunk>, title: string, today: string): { course: Course; date?: string } | undefined {
  const wanted = title.toLowerCase();
  let best: { course: Course; date?: string } | undefined;
  for (const chunk of chunks) {
    const course = chunk.course;
    if (!course || !course.title.toLowerCase().includes(wanted)) continue;
    const date = course.dates.find((entry) => entry.slice(0, 10) >= today);
    if (!best || (date && (!best.date || date < best.date))) best = { course, ...(date ? { date } : {}) };
  }
  return best;
}

/** The German note for an answer given as source excerpts because of the training gate. */
export function trainingGateNote(texts: TrainingGateTexts, chunks: Iterable<Chunk>, today: string): string {
  const next = nextMandatoryCourse(chunks, texts.courseTitle, today);
  const course = next?.course.title ?? texts.courseTitle;
  if (!next?.date) return fillTemplate(texts.withheldNoDate, { course });
  return fillTemplate(texts.withheld, {
    course,
    date: formatGermanDate(next.date),
    link: next.course.registrationUrl ?? texts.courseTitle,
  });
}
