/**
 * docs/reference/configuration.md is generated from the zod environment schemas (issue #21): the committed page must
 * be what `npm run docs:reference` writes, every variable lotse reads must come from a listed schema, and each schema
 * field carries its meaning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationSections, runtimeVariables } from '../../../../scripts/reference/configuration-sections.ts';
import { configurationReference, configurationReferencePath } from '../../../../scripts/reference/generate-config-reference.ts';
import { variablesOf } from '../../../../scripts/reference/render-configuration.ts';

const root = resolve(import.meta.dirname, '../../../..');

/** TypeScript and JavaScript files under `dir`, as repository paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The code lines of a file (JSDoc and line comments dropped, so `@example` lines do not count). */
function codeLines(text: string): string[] {
  return text.split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
}

const runtimeSources = ['bot', 'knowledge', 'bin'].flatMap(sourceFiles);

describe('docs/reference/configuration.md', () => {
  it('is what npm run docs:reference writes from the schemas', async () => {
    const committed = readFileSync(join(root, configurationReferencePath), 'utf8');
    expect(committed, `${configurationReferencePath} differs from the zod schemas: run \`npm run docs:reference\` and commit it`).toBe(
      await configurationReference(),
    );
  });

  it('describes every variable of every schema', () => {
    const rows = configurationSections.flatMap((section) => variablesOf(section));
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.filter((row) => row.meaning.trim().length < 10).map((row) => row.name)).toEqual([]);
  });

  it('covers every environment variable read in bot/, knowledge/ and bin/', () => {
    const known = runtimeVariables();
    const read = new Map<string, string>();
    for (const file of runtimeSources) {
      for (const line of codeLines(readFileSync(join(root, file), 'utf8'))) {
        for (const match of line.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)|\benv\[\s*['"`]([A-Z][A-Z0-9_]+)['"`]\s*\]/g))
          read.set(match[1] ?? match[2]!, file);
      }
    }
    expect(read.size).toBeGreaterThan(10);
    const unknown = [...read].filter(([name]) => !known.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(unknown, 'read these through a schema in bot/config/ listed in scripts/reference/configuration-sections.ts').toEqual([]);
  });

  it('has process.env read only where the CLI hands it to the configuration', () => {
    const readers = runtimeSources.filter((file) =>
      codeLines(readFileSync(join(root, file), 'utf8')).some((line) => line.includes('process.env')),
    );
    expect(readers, 'pass the environment to loadConfig (bot/config/config.ts) instead of reading process.env').toEqual([
      'bot/cli/cli-io.ts',
      'bot/config/config.ts',
    ]);
  });
});
