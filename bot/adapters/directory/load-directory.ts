/**
 * Loads the directory from a YAML file and checks it: schema errors and semantic errors (unknown units,
 * duplicate people, cycles) are reported with file, line and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { maxDirectoryBytes, parseYamlFile } from '../yaml/parse-yaml.ts';
import { parsePeopleCsv } from './people-csv.ts';
import type { Directory } from '../../ports/directory.ts';
import { lineOfPath } from '../yaml/line-of-path.ts';
import { directoryFileSchema, type DirectoryFile } from './directory-schema.ts';
import { StaticDirectory } from './static-directory.ts';

/** A directory file that cannot be used; the message names file, line and field. */
export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
}

function semanticProblems(file: DirectoryFile): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const units = new Set<string>();
  file.units.forEach((unit, index) => {
    if (units.has(unit.id)) problems.push({ path: ['units', index, 'id'], message: `duplicate unit "${unit.id}"` });
    units.add(unit.id);
  });
  file.units.forEach((unit, index) => {
    if (unit.parent && !units.has(unit.parent))
      problems.push({ path: ['units', index, 'parent'], message: `unknown unit "${unit.parent}"` });
  });
  const people = new Set<string>();
  file.people.forEach((person, index) => {
    if (people.has(person.id)) problems.push({ path: ['people', index, 'id'], message: `duplicate person "${person.id}"` });
    people.add(person.id);
    if (!units.has(person.unit)) problems.push({ path: ['people', index, 'unit'], message: `unknown unit "${person.unit}"` });
  });
  file.lotsen.forEach((assignment, index) => {
    if (!units.has(assignment.unit)) problems.push({ path: ['lotsen', index, 'unit'], message: `unknown unit "${assignment.unit}"` });
    [...assignment.lotsen, ...assignment.deputies].forEach((personId) => {
      if (!people.has(personId)) problems.push({ path: ['lotsen', index], message: `unknown person "${personId}"` });
    });
  });
  return problems;
}

interface CsvPeople {
  readonly file: string;
  readonly lines: readonly number[];
  readonly offset: number;
}

/** Adds the people of `people_csv` (relative to the YAML file); CSV problems are thrown with their line. */
function withCsvPeople(data: DirectoryFile, file: string): { data: DirectoryFile; csv?: CsvPeople } {
  if (!data.people_csv) return { data };
  const csvFile = resolve(dirname(file), data.people_csv);
  if (!existsSync(csvFile)) throw new DirectoryError(`Invalid directory:\n${file} people_csv: file not found: ${csvFile}`);
  const csv = parsePeopleCsv(readFileSync(csvFile, 'utf8'), csvFile);
  if (!csv.ok) throw new DirectoryError(`Invalid directory:\n${csv.problems.join('\n')}`);
  return {
    data: { ...data, people: [...data.people, ...csv.people] },
    csv: { file: csvFile, lines: csv.lines, offset: data.people.length },
  };
}

function locate(
  issue: { path: (string | number)[] },
  document: Document.Parsed,
  counter: LineCounter,
  file: string,
  csv: CsvPeople | undefined,
): string {
  const [section, index] = issue.path;
  if (csv && section === 'people' && typeof index === 'number' && index >= csv.offset)
    return `${csv.file}:${csv.lines[index - csv.offset]} row`;
  const line = lineOfPath(document.contents, issue.path, counter);
  return `${file}${line ? `:${line}` : ''} ${issue.path.join('.')}`;
}

/** Parses and validates directory YAML text; `file` names it in errors and anchors a `people_csv`. */
export function parseDirectory(text: string, file: string): Directory {
  return new StaticDirectory(parseDirectoryData(text, file));
}

/** Like `parseDirectory`, but returns the validated data (CSV people merged), e.g. to share it through a store. */
export function parseDirectoryData(text: string, file: string): DirectoryFile {
  const { document, counter, data } = parseYamlFile(text, file, (message) => new DirectoryError(message), maxDirectoryBytes);
  const parsed = directoryFileSchema.safeParse(data);
  const merged = parsed.success ? withCsvPeople(parsed.data, file) : undefined;
  const issues = merged
    ? semanticProblems(merged.data)
    : !parsed.success
      ? parsed.error.issues.map((issue) => ({ path: issue.path.filter((key) => typeof key !== 'symbol'), message: issue.message }))
      : [];
  if (issues.length > 0 || !merged) {
    const lines = issues.map((issue) => `${locate(issue, document, counter, file, merged?.csv)}: ${issue.message}`);
    throw new DirectoryError(`Invalid directory:\n${lines.join('\n')}`);
  }
  const { people_csv: _csv, ...resolved } = merged.data;
  return resolved;
}

/** Reads and validates a directory file. */
export function loadDirectory(file: string): Directory {
  return parseDirectory(readFileSync(file, 'utf8'), file);
}
