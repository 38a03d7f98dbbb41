/**
 * Parses one YAML file for the policy and directory loaders. Syntax errors and resource-exhaustion
 * attempts (alias bombs, too deep or too large documents) become one error naming the file, so a broken
 * file stops start-up with a clear message instead of a stack trace.
 */
import { LineCounter, isScalar, parseDocument, visit, type Document } from 'yaml';

/** Largest policy file accepted: the shipped ones are below 20 KB; a megabyte is not a policy any more. */
export const maxPolicyBytes = 1024 * 1024;

/** Largest directory file accepted (a directory of ~20,000 people fits easily). */
export const maxDirectoryBytes = 20 * 1024 * 1024;

/** A parsed YAML file: the document (for line numbers), its line counter and the plain value. */
export interface ParsedYaml {
  readonly document: Document.Parsed;
  readonly counter: LineCounter;
  readonly data: unknown;
}

/** Parses `text`; throws `makeError("<file>: <reason>")` for anything that is not a usable YAML document. */
export function parseYamlFile(text: string, file: string, makeError: (message: string) => Error, maxBytes = maxPolicyBytes): ParsedYaml {
  if (Buffer.byteLength(text) > maxBytes) throw makeError(`${file}: file larger than ${Math.round(maxBytes / 1024)} KB, refused`);
  const counter = new LineCounter();
  // The library's own duplicate-key check is quadratic per mapping (a 5 MB file of keys would hang start-up);
  // it is switched off and replaced by a linear check.
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: false });
  if (document.errors.length > 0) throw makeError(`${file}: ${document.errors[0]!.message}`);
  const duplicate = firstDuplicateKey(document, counter);
  if (duplicate) throw makeError(`${file}:${duplicate.line}: duplicate key "${duplicate.key}"`);
  try {
    return { document, counter, data: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    throw makeError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function firstDuplicateKey(document: Document.Parsed, counter: LineCounter): { key: string; line: number } | undefined {
  let found: { key: string; line: number } | undefined;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (seen.has(key)) {
          found = { key, line: isScalar(pair.key) && pair.key.range ? counter.linePos(pair.key.range[0]).line : 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
