/**
 * The training catalogue as CSV (`;` or `,`, UTF-8 with or without BOM) or JSON (array of objects):
 * one course per row, German or English column names. Each course becomes its own chunk.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { Course } from '../../../bot/ports/knowledge.ts';
import { decodeText, type ParseResult } from './parsed-document.ts';

const aliases: Record<string, keyof Course> = {
  titel: 'title',
  title: 'title',
  beschreibung: 'description',
  description: 'description',
  termine: 'dates',
  dates: 'dates',
  ort: 'place',
  place: 'place',
  online: 'online',
  plaetze: 'seats',
  plätze: 'seats',
  seats: 'seats',
  anmeldung: 'registrationUrl',
  registrationurl: 'registrationUrl',
  zielgruppe: 'targetGroup',
  targetgroup: 'targetGroup',
  pflicht: 'mandatory',
  mandatory: 'mandatory',
  digcomp: 'digCompArea',
  digcomparea: 'digCompArea',
  niveau: 'level',
  level: 'level',
};

const yesNo = z.union([z.boolean(), z.string()]).transform((value) => value === true || /^(ja|yes|true|1|x)$/i.test(String(value).trim()));
const optionalText = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .optional();

const courseSchema = z.object({
  title: z.string().trim().min(1, 'title is empty'),
  description: z.string().default(''),
  dates: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(/[|;]/))
        .map((date) => date.trim())
        .filter(Boolean)
        .sort(),
    ),
  place: z.string().default(''),
  online: yesNo.default(false),
  seats: z
    .union([z.number(), z.string()])
    .optional()
    .transform((value) => {
      const seats = value === undefined || value === '' ? undefined : Number(value);
      return seats !== undefined && Number.isFinite(seats) ? seats : undefined;
    }),
  registrationUrl: optionalText,
  targetGroup: optionalText,
  mandatory: yesNo.default(false),
  digCompArea: optionalText,
  level: optionalText,
});

function canonicalRow(row: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const canonical =
      aliases[
        key
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, '')
      ];
    if (canonical && value !== '' && value !== null) result[canonical] = value;
  }
  return result;
}

function stripEmpty(course: z.infer<typeof courseSchema>): Course {
  return Object.fromEntries(Object.entries(course).filter(([, value]) => value !== undefined && value !== '')) as unknown as Course;
}

/** Renders a course as German text for retrieval. */
export function courseText(course: Course): string {
  const parts = [`Schulung (Kurs, Fortbildung): ${course.title}.`, course.description];
  if (course.targetGroup) parts.push(`Zielgruppe: ${course.targetGroup}.`);
  parts.push(course.online ? 'Online-Kurs.' : `Ort: ${course.place}.`);
  if (course.dates.length) parts.push(`Termine: ${course.dates.join(', ')}.`);
  if (course.mandatory) parts.push('Pflichtschulung.');
  if (course.digCompArea) parts.push(`DigComp-Bereich: ${course.digCompArea}.`);
  if (course.level) parts.push(`Niveau: ${course.level}.`);
  return parts.filter(Boolean).join(' ');
}

function rowsOf(text: string, format: 'csv' | 'json'): Record<string, unknown>[] {
  if (format === 'json') {
    const parsed: unknown = JSON.parse(text);
    return z.array(z.record(z.string(), z.unknown())).parse(parsed);
  }
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  return parseCsv(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
}

/** Parses a catalogue file; a CSV/JSON without a title column is not a catalogue and is skipped. */
export function parseCatalogue(bytes: Uint8Array, format: 'csv' | 'json'): ParseResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'failed', reason: decoded.reason };
  let rows: Record<string, unknown>[];
  try {
    rows = rowsOf(decoded.text, format);
  } catch (error) {
    return {
      kind: 'failed',
      reason: `unreadable ${format.toUpperCase()}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
  const canonical = rows.map(canonicalRow);
  if (canonical.length === 0 || !canonical.some((row) => 'title' in row)) {
    return { kind: 'failed', reason: 'not a training catalogue (needs a "titel"/"title" column)' };
  }
  const courses: Course[] = [];
  for (const [index, row] of canonical.entries()) {
    const parsed = courseSchema.safeParse(row);
    if (!parsed.success)
      return {
        kind: 'failed',
        reason: `row ${index + 2}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      };
    courses.push(stripEmpty(parsed.data));
  }
  return { kind: 'parsed', text: courses.map(courseText).join('\n\n'), courses };
}
