/**
 * `npm run docs:reference`: writes docs/reference/configuration.md from the zod environment schemas, formatted with
 * the repository's Prettier settings. test/unit/scripts/reference/configuration-reference.test.ts fails when the
 * committed page differs from what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'prettier';
import { configurationSections } from './configuration-sections.ts';
import { renderConfigurationReference } from './render-configuration.ts';

const root = resolve(import.meta.dirname, '../..');

/** Repository path of the generated page. */
export const configurationReferencePath = 'docs/reference/configuration.md';

/** The page as the script writes it. */
export async function configurationReference(): Promise<string> {
  const options = JSON.parse(readFileSync(join(root, '.prettierrc.json'), 'utf8')) as Record<string, unknown>;
  return format(renderConfigurationReference(configurationSections), { ...options, parser: 'markdown' });
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  const text = await configurationReference();
  writeFileSync(join(root, configurationReferencePath), text);
  process.stderr.write(`${configurationReferencePath} written (${text.length} characters)\n`);
}
