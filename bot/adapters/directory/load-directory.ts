/**
 * Loads the directory from a YAML file and checks it: schema errors and semantic errors (unknown units,
 * duplicate people, cycles) are reported with file, line and field.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
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
    if (unit.parent && !units.has(unit.parent)) problems.push({ path: ['units', index, 'parent'], message: `unknown unit "${unit.parent}"` });
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

/** Parses and validates directory YAML text; `file` is only used in error messages. */
export function parseDirectory(text: string, file: string): Directory {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  if (document.errors.length > 0) throw new DirectoryError(`${file}: ${document.errors[0]!.message}`);
  const parsed = directoryFileSchema.safeParse(document.toJS());
  const issues = parsed.success
    ? semanticProblems(parsed.data)
    : parsed.error.issues.map((issue) => ({ path: issue.path.filter((key) => typeof key !== 'symbol'), message: issue.message }));
  if (issues.length > 0 || !parsed.success) {
    const lines = issues.map((issue) => {
      const line = lineOfPath(document.contents, issue.path, counter);
      return `${file}${line ? `:${line}` : ''} ${issue.path.join('.')}: ${issue.message}`;
    });
    throw new DirectoryError(`Invalid directory:\n${lines.join('\n')}`);
  }
  return new StaticDirectory(parsed.data);
}

/** Reads and validates a directory file. */
export function loadDirectory(file: string): Directory {
  return parseDirectory(readFileSync(file, 'utf8'), file);
}
