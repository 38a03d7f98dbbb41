/**
 * Questions about the training catalogue are answered as data: the matching courses with their next
 * dates (from today on), place or online, free seats and the registration link.
 */
import type { Course } from '../../ports/knowledge.ts';
import type { AnswerMessages } from './answer-messages.ts';
import { fillTemplate } from './answer-messages.ts';
import { citationFor, standPart, type AnswerContext, type ComposedAnswer } from './answer-context.ts';
import { formatGermanDate } from './format-date.ts';

const trainingIntent =
  /(schulung|kurs|fortbildung|weiterbildung|seminar|workshop|training|lehrgang|qualifizierung|webinar|termin|anmeld|pl(ä|ae)tze)/i;

/** The first date from today on, or a value that sorts last. */
function nextDate(course: Course, today: string): string {
  return course.dates.find((date) => date.slice(0, 10) >= today) ?? '9999';
}

function describeCourse(course: Course, today: string, messages: AnswerMessages): string {
  const upcoming = course.dates.filter((date) => date.slice(0, 10) >= today).slice(0, 3);
  const when = upcoming.length
    ? fillTemplate(messages.courseNextDates, { dates: upcoming.map(formatGermanDate).join(', ') })
    : messages.courseNoDates;
  const where = course.online ? messages.courseOnline : fillTemplate(messages.coursePlace, { place: course.place });
  const seats =
    course.seats === undefined ? messages.courseSeatsUnknown : fillTemplate(messages.courseSeats, { seats: String(course.seats) });
  // A title that already says so ("KI-Grundlagen (Pflichtschulung nach § 8 DV KI)") gets no second mark (issue #19).
  const marked =
    course.mandatory && !course.title.toLowerCase().includes(messages.courseMandatory.replace(/[()]/g, '').trim().toLowerCase());
  const title = marked ? `${course.title}${messages.courseMandatory}` : course.title;
  return fillTemplate(messages.courseLine, {
    title,
    when,
    where,
    seats,
    link: course.registrationUrl ?? messages.courseNoLink,
  });
}

/** Answers from course rows when the question is about training and a course ranks among the top hits. */
export function composeCourseAnswer(context: AnswerContext): ComposedAnswer | undefined {
  const courseHits = context.hits.slice(0, 10).filter((resolved) => resolved.chunk.course);
  const top = courseHits[0];
  if (!top || !context.hits.slice(0, 3).includes(top)) return undefined;
  if (!trainingIntent.test(context.question) && context.hits[0] !== top) return undefined;
  const relevant = courseHits.filter((resolved) => resolved.hit.score >= top.hit.score * 0.75).slice(0, 3);
  // "Wann ist der nächste …?" asks for a date: the course that takes place first comes first.
  const chosen = /\b(wann|nächst|naechst)/i.test(context.question)
    ? [...relevant].sort((a, b) => nextDate(a.chunk.course!, context.today).localeCompare(nextDate(b.chunk.course!, context.today)))
    : relevant;
  const lines = chosen.map((resolved) => describeCourse(resolved.chunk.course!, context.today, context.messages));
  const intro = fillTemplate(context.messages.courseIntro, { stand: standPart(context.messages, top.document.stand) });
  return {
    mode: 'course',
    text: [intro, ...lines].join('\n'),
    citations: chosen.map((resolved, index) => citationFor(resolved, lines[index] ?? resolved.chunk.text, resolved.chunk.course!.title)),
  };
}
