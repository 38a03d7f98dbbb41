/**
 * People from a CSV export (HR or identity system): one row per person with the columns
 * `id;name;unit;roles;email;jid;aadObjectId;kiTrained` and optionally `lotseTitle` and `plainLanguage` (comma or semicolon; roles separated by "|").
 * Errors name the CSV file, line and column.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { personSchema, type DirectoryPerson } from './directory-schema.ts';

/** Result of reading the CSV: people, or precise problems. */
export type PeopleCsv =
  { readonly ok: true; readonly people: DirectoryPerson[]; readonly lines: number[] } | { readonly ok: false; readonly problems: string[] };

const truthy = new Set(['ja', 'yes', 'true', '1', 'x']);

function rowToPerson(row: Record<string, string>): Record<string, unknown> {
  const optional = (key: string): Record<string, string> => (row[key]?.trim() ? { [key]: row[key]!.trim() } : {});
  return {
    id: row.id?.trim(),
    name: row.name?.trim(),
    unit: row.unit?.trim(),
    roles: (row.roles ?? 'staff')
      .split('|')
      .map((role) => role.trim())
      .filter(Boolean),
    ...optional('email'),
    ...optional('jid'),
    ...optional('aadObjectId'),
    ...optional('lotseTitle'),
    kiTrained: truthy.has((row.kiTrained ?? '').trim().toLowerCase()),
    ...(truthy.has((row.plainLanguage ?? '').trim().toLowerCase()) ? { plainLanguage: true } : {}),
  };
}

/** Parses the CSV text; `file` is used in messages. */
export function parsePeopleCsv(text: string, file: string): PeopleCsv {
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { columns: true, delimiter, skip_empty_lines: true, trim: false, info: true });
  } catch (error) {
    return { ok: false, problems: [`${file}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const people: DirectoryPerson[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  for (const { record, info } of records) {
    const parsed = personSchema.safeParse(rowToPerson(record));
    if (parsed.success) {
      people.push(parsed.data);
      lines.push(info.lines);
    } else {
      problems.push(
        ...parsed.error.issues.map((issue) => `${file}:${info.lines} column ${String(issue.path[0] ?? '?')}: ${issue.message}`),
      );
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, people, lines };
}
