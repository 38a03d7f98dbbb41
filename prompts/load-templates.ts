/**
 * Loads the prompt templates (`prompts/**\/*.md` with YAML front-matter), validated with zod: a placeholder
 * in the body that is not declared, or a declared variable that the body never uses, stops start-up with
 * an error naming the file.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PromptTemplate } from '../bot/ports/prompt-template.ts';

const frontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lower-case dotted id'),
    version: z.union([z.string().min(1), z.number()]).transform(String),
    variables: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/)).default([]),
    description: z.string().optional(),
  })
  .strict();

const placeholderPattern = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** Default folder of the templates. */
export const defaultPromptsDir = import.meta.dirname;

/** Thrown for an invalid template file; the message names the file. */
export class PromptTemplateError extends Error {
  override readonly name = 'PromptTemplateError';
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : listMarkdown(path);
      return name.endsWith('.md') && name !== 'README.md' ? [path] : [];
    });
}

function splitFrontMatter(text: string, file: string): { header: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new PromptTemplateError(`${file}: missing YAML front-matter (--- … ---)`);
  return { header: parse(match[1] ?? ''), body: (match[2] ?? '').trim() + '\n' };
}

function checkPlaceholders(body: string, variables: readonly string[], file: string): void {
  const used = new Set([...body.matchAll(placeholderPattern)].map((match) => match[1] ?? ''));
  const unknown = [...used].filter((name) => !variables.includes(name));
  if (unknown.length > 0) throw new PromptTemplateError(`${file}: unknown variable(s) in body: ${unknown.join(', ')}`);
  const unused = variables.filter((name) => !used.has(name));
  if (unused.length > 0) throw new PromptTemplateError(`${file}: declared variable(s) missing in body: ${unused.join(', ')}`);
}

/** Parses one template file's text (exported for tests and for templates kept elsewhere). */
export function parseTemplate(text: string, file: string): PromptTemplate {
  const { header, body } = splitFrontMatter(text, file);
  const parsed = frontMatterSchema.safeParse(header);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(front-matter)'}: ${issue.message}`);
    throw new PromptTemplateError(`${file}: invalid front-matter: ${details.join('; ')}`);
  }
  const { id, version, variables } = parsed.data;
  checkPlaceholders(body, variables, file);
  return {
    id,
    version,
    variables,
    render(values) {
      const missing = variables.filter((name) => typeof values[name] !== 'string');
      if (missing.length > 0) throw new Error(`prompt ${id}: missing value(s) for ${missing.join(', ')}`);
      // One pass: placeholders inside the inserted values (e.g. in a source text) stay literal.
      return body.replace(placeholderPattern, (_whole, name: string) => values[name] ?? '');
    },
  };
}

/**
 * Reads and validates every template under `dir`; returns them by id (duplicate ids are an error).
 * @example const templates = loadTemplates(); templates.get('answer.grounded')?.render({});
 */
export function loadTemplates(dir: string = defaultPromptsDir): ReadonlyMap<string, PromptTemplate> {
  const templates = new Map<string, PromptTemplate>();
  for (const path of listMarkdown(dir)) {
    const file = relative(dir, path);
    const template = parseTemplate(readFileSync(path, 'utf8'), file);
    if (templates.has(template.id)) throw new PromptTemplateError(`${file}: duplicate template id ${template.id}`);
    templates.set(template.id, template);
  }
  return templates;
}
