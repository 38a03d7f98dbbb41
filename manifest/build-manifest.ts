/**
 * `npm run manifest`: fills the Teams manifest template from the environment, draws the icons, validates the
 * manifest offline and writes `manifest/build/manifest.json` and the package `manifest/build/lotse-teams.zip`
 * to upload (sideloading or Teams admin center).
 *
 * @example MICROSOFT_APP_ID=<bot app id> LOTSE_PUBLIC_URL=https://lotse.kreis-musterland.de npm run manifest
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { colorIcon, outlineIcon } from './icons.ts';
import { validateTeamsManifest, type ManifestValidation } from './validate-manifest.ts';
import { createZip } from './zip.ts';

const guid = z.uuid('expected a GUID');
/** The variables of `npm run manifest`; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const manifestEnvSchema = z.object({
  MICROSOFT_APP_ID: guid.describe("application (client) id of the bot's Entra app registration"),
  TEAMS_APP_ID: guid.optional().meta({ description: 'id of the Teams app package', derivedDefault: '`MICROSOFT_APP_ID`' }),
  LOTSE_PUBLIC_URL: z
    .url({ protocol: /^https$/, error: 'expected the public https address of lotse, e.g. https://lotse.kreis-musterland.de' })
    .describe('public https address of lotse (valid domains, links of the app)'),
  TEAMS_APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'expected MAJOR.MINOR.PATCH')
    .default('1.0.0')
    .describe('version of the app package; raise it for every upload'),
  TEAMS_DEVELOPER_NAME: z.string().min(1).max(32).default('Kreis Musterland').describe('publisher shown in the Teams app store'),
});

/** Values that go into the template. */
export type ManifestValues = z.infer<typeof manifestEnvSchema>;

/** Reads the values from an environment; throws naming the variable. */
export function manifestValues(env: Record<string, string | undefined>): ManifestValues {
  const parsed = manifestEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** Fills `${{NAME}}` placeholders of the template; the Teams app id defaults to the bot's app id. */
export function fillManifest(template: string, values: ManifestValues): Record<string, unknown> {
  const url = new URL(values.LOTSE_PUBLIC_URL);
  const replacements: Record<string, string> = {
    APP_VERSION: values.TEAMS_APP_VERSION,
    TEAMS_APP_ID: values.TEAMS_APP_ID ?? values.MICROSOFT_APP_ID,
    MICROSOFT_APP_ID: values.MICROSOFT_APP_ID,
    DEVELOPER_NAME: values.TEAMS_DEVELOPER_NAME,
    PUBLIC_URL: url.origin,
    PUBLIC_HOST: url.host,
  };
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = replacements[name];
    if (value === undefined) throw new Error(`Unknown placeholder ${whole} in the manifest template`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** Builds the package into `outDir`; returns the validation result (nothing is written when invalid). */
export async function buildManifest(values: ManifestValues, outDir: string): Promise<ManifestValidation & { zip?: string }> {
  const manifest = fillManifest(readFileSync(join(import.meta.dirname, 'manifest.template.json'), 'utf8'), values);
  const validation = await validateTeamsManifest(manifest);
  if (validation.errors.length > 0) return validation;
  const color = colorIcon();
  const outline = outlineIcon();
  const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'manifest.json'), json);
  writeFileSync(join(outDir, 'color.png'), color);
  writeFileSync(join(outDir, 'outline.png'), outline);
  const zip = join(outDir, 'lotse-teams.zip');
  writeFileSync(
    zip,
    createZip([
      { name: 'manifest.json', data: json },
      { name: 'color.png', data: color },
      { name: 'outline.png', data: outline },
    ]),
  );
  return { ...validation, zip };
}

async function main(): Promise<number> {
  const values = manifestValues(process.env);
  const result = await buildManifest(values, join(import.meta.dirname, 'build'));
  if (result.errors.length > 0) {
    process.stderr.write(
      `The Teams manifest is invalid (${result.validator}):\n${result.errors.map((error) => `  ${error}`).join('\n')}\n`,
    );
    return 1;
  }
  process.stderr.write(`Teams app package written: ${result.zip} (validated offline with ${result.validator})\n`);
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
